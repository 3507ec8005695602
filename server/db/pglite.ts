import { PGlite } from '@electric-sql/pglite'
import { EventEmitter } from 'node:events'
import type { Queryable, SqlStore } from './store'

export async function openPglite(dataDir: string | undefined): Promise<SqlStore> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite()
  await db.waitReady
  // One process holds the database, so notifications never need to leave it.
  const bus = new EventEmitter()
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
    notify: async (channel, payload) => void bus.emit(channel, payload),
    async listen(channel, onMessage) {
      bus.on(channel, onMessage)
      return async () => void bus.off(channel, onMessage)
    },
    close: () => db.close(),
  }
}
