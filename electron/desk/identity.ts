import { v7 as uuidv7 } from 'uuid'
import type { Role } from '../../shared/domain/enums'
import { RULES_PRESET } from '../../shared/domain/rules'
import { publishRules, rulesRowId } from '../../shared/mutators'
import type { Db } from './db/open'
import type { SqliteTx } from './db/sqliteTx'
import { seedBoardLoad, type BoardLoad } from './demo/boardLoad'
import { generateDemo, type DemoCounts } from './demo/generate'
import { DEFAULT_DESK_CODE, DEFAULT_STATION_CODE, HQ, HQ_STAFF, STATIONS, dispatcherId, staffOf } from '../../shared/demo/network'

/** Who this desk is: fixed at first start, kept in desk_meta. */
export interface DeskIdentity {
  clientId: string
  deskCode: string
  stationId: string
  userId: string
  role: Role
}

export interface FirstStartOptions {
  demo: boolean
  stationCode: string
  deskCode: string
  seed: number
  now: Date
  /** The board's bench load on the desk's station (never by default). */
  boardLoad?: BoardLoad | null
}

export const FIRST_START_DEFAULTS = { demo: true, stationCode: DEFAULT_STATION_CODE, deskCode: DEFAULT_DESK_CODE, seed: 20261122 }

export function readIdentity(db: Db): DeskIdentity | null {
  const rows = db.prepare('SELECT key, value FROM desk_meta').all() as { key: string; value: string }[]
  const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]))
  if (!meta.client_id) return null
  return { clientId: meta.client_id, deskCode: meta.desk_code!, stationId: meta.station_id!, userId: meta.user_id!, role: meta.role as Role }
}

/** On an empty data dir: the service network, this desk's identity and (unless --empty) the demo data, in one transaction. */
export function firstStart(db: Db, tx: SqliteTx, opts: FirstStartOptions): { identity: DeskIdentity; demo: DemoCounts | null } {
  const plan = STATIONS.find((p) => p.station.code === opts.stationCode)
  if (!plan) throw new Error(`未知的服务站代码 ${opts.stationCode}（可用：${STATIONS.map((p) => p.station.code).join('、')}）`)
  if (!/^[1-9]$/.test(opts.deskCode)) throw new Error(`工位代码必须是一位数字 1–9，收到 ${opts.deskCode}`)
  return db.transaction(() => {
    tx.putSync('stations', HQ)
    for (const u of HQ_STAFF) tx.putSync('users', u)
    for (const p of STATIONS) {
      tx.putSync('stations', p.station)
      for (const u of staffOf(p)) tx.putSync('users', u)
    }
    const identity: DeskIdentity = {
      clientId: uuidv7(),
      deskCode: opts.deskCode,
      stationId: plan.station.id,
      userId: dispatcherId(plan.station.id),
      role: 'dispatcher',
    }
    const put = db.prepare('INSERT INTO desk_meta (key, value) VALUES (?, ?)')
    put.run('client_id', identity.clientId)
    put.run('desk_code', identity.deskCode)
    put.run('station_id', identity.stationId)
    put.run('user_id', identity.userId)
    put.run('role', identity.role)
    put.run('created_at', opts.now.toISOString())
    seedRules(tx, opts.now)
    const demo = opts.demo ? generateDemo(tx, { seed: opts.seed, now: opts.now }) : null
    put.run('data_set', demo ? `demo:${opts.seed}` : 'empty')
    if (opts.boardLoad) {
      seedBoardLoad(db, tx, { ...opts.boardLoad, stationId: identity.stationId, seed: opts.seed, now: opts.now })
      put.run('board_load', `${opts.boardLoad.openTickets}x${opts.boardLoad.engineers}`)
    }
    return { identity, demo }
  })()
}

/** The seed presets as rules version 1 (reference data every desk starts with). */
function seedRules(tx: SqliteTx, now: Date): void {
  tx.putSync('service_rules', { id: rulesRowId(1), version: 1, data: RULES_PRESET, note: '种子预设', created_by: null, created_at: now.toISOString() })
  tx.putSync('rules_head', { id: 'head', version: 1 })
}

/** A data dir from before the rules engine: give it the presets and compute its open tickets' clocks. */
export async function ensureRules(db: Db, tx: SqliteTx, now: Date): Promise<void> {
  if (db.prepare("SELECT 1 FROM rules_head WHERE id = 'head'").get()) return
  db.exec('BEGIN IMMEDIATE')
  try {
    seedRules(tx, now)
    await publishRules(tx, RULES_PRESET, '为已有工单计算时限', now.toISOString(), null)
    db.exec('COMMIT')
  } catch (e) {
    db.exec('ROLLBACK')
    throw e
  }
}
