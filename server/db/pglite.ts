import { PGlite } from '@electric-sql/pglite'
import type { Queryable, SqlStore } from './store'

export async function openPglite(dataDir: string | undefined): Promise<SqlStore> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite()
  await db.waitReady
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows
    },
    async exec(sql: string) {
      await q.exec(sql)
    },
  })
  return {
    kind: 'pglite',
    ...wrap(db),
    // PGlite has one connection: transactions run one at a time, which is what snapshots need too.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  }
}
