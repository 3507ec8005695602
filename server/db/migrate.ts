import { s001 } from './migrations/001_sync'
import { s002 } from './migrations/002_assignment'
import { s003 } from './migrations/003_lookup_indexes'
import { s004 } from './migrations/004_board'
import { s005 } from './migrations/005_parts'
import { s006 } from './migrations/006_closeout'
import { s007 } from './migrations/007_follow_up'
import { one, type SqlStore } from './store'

export interface ServerMigration {
  version: number
  name: string
  sql: string
}

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [s001, s002, s003, s004, s005, s006, s007]

/** Applies what is missing, each migration in its own transaction; refuses a database from a newer server. */
export async function migrateServer(store: SqlStore): Promise<number> {
  await store.exec('CREATE TABLE IF NOT EXISTS server_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())')
  const { v } = one(await store.query<{ v: number | null }>('SELECT max(version) AS v FROM server_migrations'))
  const current = v ?? 0
  const latest = SERVER_MIGRATIONS.length
  if (current > latest) throw new Error(`数据库由更新版本的同步服务器创建（版本 ${current}，本程序支持到 ${latest}）`)
  for (const m of SERVER_MIGRATIONS) {
    if (m.version <= current) continue
    await store.transaction(async (q) => {
      await q.exec(m.sql)
      await q.query('INSERT INTO server_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    })
  }
  return latest
}
