// The server's SQL store: PostgreSQL in production, an embedded PGlite file by default.
// Both are used through this one small interface.
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface SqlStore extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction; `readOnly` reads a consistent snapshot (pull). */
  transaction<T>(fn: (q: Queryable) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>
  /** Sends payload to every listener of channel, in this process and (PostgreSQL) every other sharing the database. */
  notify(channel: string, payload: string): Promise<void>
  /**
   * Calls onMessage with each payload sent on channel until the returned stop is called. On PostgreSQL
   * a dedicated connection listens and reconnects when it drops; onResume runs after such a reconnect,
   * since messages sent while it was down are lost.
   */
  listen(channel: string, onMessage: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** The single row a query must return. */
export function one<T>(rows: T[]): T {
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`)
  return rows[0]!
}
