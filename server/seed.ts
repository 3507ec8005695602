import { HQ, HQ_STAFF, STATIONS, engineersOf, staffOf } from '../shared/demo/network'
import { DEMO_PARTS } from '../shared/demo/parts'
import { RULES_PRESET } from '../shared/domain/rules'
import { rulesRowId, type UserRow } from '../shared/mutators'
import { hashPassword, newPassword, newSecret } from './auth'
import { PgTx } from './db/pgTx'
import { one, type SqlStore } from './db/store'

export const ADMIN: UserRow = { id: 'admin', station_id: HQ.id, name: '系统管理员', role: 'admin', phone: '', skills: [], home_lat: null, home_lng: null, status: null, active: 1 }

/**
 * First start: the service network, its desk staff and engineers, rules version 1 and an administrator account.
 * Returns the administrator's password when it was made here (printed once), and the token secret.
 */
export async function seedServer(store: SqlStore, opts: { adminPassword?: string; now: Date }): Promise<{ secret: string; adminPassword: string | null }> {
  const [meta] = await store.query<{ value: string }>("SELECT value FROM server_meta WHERE key = 'token_secret'")
  if (meta) {
    await ensurePartsCatalogue(store)
    return { secret: meta.value, adminPassword: null }
  }
  const adminPassword = opts.adminPassword ?? newPassword()
  const hash = await hashPassword(adminPassword)
  const secret = newSecret()
  await store.transaction(async (q) => {
    const { value: version } = one(await q.query<{ value: number }>('UPDATE sync_version SET value = value + 1 WHERE id = 1 RETURNING value'))
    const tx = new PgTx(q, Number(version), { stationId: null }, new Map())
    await tx.put('stations', HQ)
    for (const u of HQ_STAFF) await tx.put('users', u)
    for (const plan of STATIONS) {
      await tx.put('stations', plan.station)
      for (const u of [...staffOf(plan), ...engineersOf(plan)]) await tx.put('users', u)
    }
    await tx.put('users', ADMIN)
    await tx.put('service_rules', { id: rulesRowId(1), version: 1, data: RULES_PRESET, note: '种子预设', created_by: null, created_at: opts.now.toISOString() })
    await tx.put('rules_head', { id: 'head', version: 1 })
    for (const p of DEMO_PARTS) await tx.put('parts', p)
    await tx.flush()
    await q.query('INSERT INTO accounts (username, user_id, password_hash) VALUES ($1, $2, $3)', ['admin', ADMIN.id, hash])
    await q.query("INSERT INTO server_meta (key, value) VALUES ('token_secret', $1)", [secret])
  })
  return { secret, adminPassword: opts.adminPassword ? null : adminPassword }
}

/** A server seeded before 备件: the demo catalogue, the same rows every new desk has. */
async function ensurePartsCatalogue(store: SqlStore): Promise<void> {
  if ((await store.query('SELECT 1 FROM parts LIMIT 1')).length) return
  await store.transaction(async (q) => {
    const { value: version } = one(await q.query<{ value: number }>('UPDATE sync_version SET value = value + 1 WHERE id = 1 RETURNING value'))
    const tx = new PgTx(q, Number(version), { stationId: null }, new Map())
    for (const p of DEMO_PARTS) await tx.put('parts', p)
    await tx.flush()
  })
}
