import type { Db } from './open'
import { m001 } from './migrations/001_reference'
import { m002 } from './migrations/002_tickets'
import { m003 } from './migrations/003_desk_local'
import { m004 } from './migrations/004_service_rules'
import { m005 } from './migrations/005_sync'
import { m006 } from './migrations/006_board'
import { m007 } from './migrations/007_parts'
import { m008 } from './migrations/008_closeout'
import { m009 } from './migrations/009_follow_up'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** In order; a new schema change is a new file here, never an edit of a shipped one. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009]
export const SCHEMA_VERSION = MIGRATIONS.length

export class NewerSchemaError extends Error {}

/** Brings the file to `target` (default: latest), one transaction per migration; user_version records where it is. */
export function migrate(db: Db, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new NewerSchemaError(`数据文件由更新版本的服务调度台创建（数据库版本 ${current}，本程序支持到 ${SCHEMA_VERSION}），请升级程序。`)
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return db.pragma('user_version', { simple: true }) as number
}
