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
  close(): Promise<void>
}

/** The single row a query must return. */
export function one<T>(rows: T[]): T {
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`)
  return rows[0]!
}
