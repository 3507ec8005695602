// The server state of rows that pending mutations touched. Before a pull is applied, those rows are
// put back as the server had them (or removed, if the server never had them), so the pull lands on
// server state and the pending mutations are then replayed on top: Replicache's rebase, on SQLite.
import { TABLE_NAMES, type TableName, type Tables, type Tx } from '../../../shared/mutators'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'

/** The mutators' Tx on a synced desk: the first local write to a row since the last pull keeps its server state. */
export class ShadowingTx implements Tx {
  private readonly has
  private readonly keep

  constructor(private readonly inner: SqliteTx, db: Db) {
    this.has = db.prepare('SELECT 1 FROM sync_shadow WHERE tbl = ? AND id = ?').pluck()
    this.keep = db.prepare('INSERT INTO sync_shadow (tbl, id, row) VALUES (?, ?, ?)')
  }

  get memo(): Map<string, unknown> {
    return this.inner.memo
  }

  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    return this.inner.get(table, id)
  }

  list<T extends TableName>(table: T, where: Partial<Tables[T]>): Promise<Tables[T][]> {
    return this.inner.list(table, where)
  }

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.remember(table, (row as { id: string }).id)
    await this.inner.put(table, row)
  }

  async update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void> {
    this.remember(table, id)
    await this.inner.update(table, id, patch)
  }

  private remember(table: TableName, id: string): void {
    if (this.has.get(table, id)) return
    const row = this.inner.getSync(table, id)
    this.keep.run(table, id, row === undefined ? null : JSON.stringify(row))
  }
}

/** Puts every shadowed row back to its server state and forgets the shadows (inside the rebase transaction). */
export function restoreShadows(db: Db, tx: SqliteTx): number {
  const rows = db.prepare('SELECT tbl, id, row FROM sync_shadow').all() as { tbl: TableName; id: string; row: string | null }[]
  const order = new Map(TABLE_NAMES.map((t, i) => [t, i]))
  // children first when removing, parents first when putting back
  rows.sort((a, b) => (order.get(b.tbl) ?? 0) - (order.get(a.tbl) ?? 0))
  for (const r of rows) if (r.row === null) tx.deleteSync(r.tbl, r.id)
  for (const r of rows.reverse()) if (r.row !== null) tx.putSync(r.tbl, JSON.parse(r.row))
  db.prepare('DELETE FROM sync_shadow').run()
  return rows.length
}
