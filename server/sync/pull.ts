import type { PullRequest, PullResponse, Rejection } from '../../shared/protocol/sync'
import { STATION_SCOPED, SYNCED_TABLES, decodeRow } from '../db/pgTx'
import { one, type SqlStore } from '../db/store'
import { scopeOf, type Caller } from './push'

/** Rows a station sees: its own, plus the shared reference data (stations, people, rules). */
function scopedSelect(table: string, station: string | null): { sql: string; station: boolean } {
  const base = `SELECT * FROM ${table} WHERE row_version > $1`
  if (station === null) return { sql: base, station: false }
  if (STATION_SCOPED.has(table)) return { sql: `${base} AND station_id = $2`, station: true }
  if (table === 'customer_phones') return { sql: `${base} AND customer_id IN (SELECT id FROM customers WHERE station_id = $2)`, station: true }
  return { sql: base, station: false }
}

/** Everything that changed since the cursor, read in one snapshot so rows, lastMutationId and rejections agree. */
export async function pullChanges(store: SqlStore, caller: Caller, req: PullRequest): Promise<PullResponse> {
  const { stationId } = scopeOf(caller)
  return store.transaction(
    async (q) => {
      const { value: cursor } = one(await q.query<{ value: number }>('SELECT value FROM sync_version WHERE id = 1'))
      const changes: PullResponse['changes'] = {}
      for (const table of SYNCED_TABLES) {
        const s = scopedSelect(table, stationId)
        const rows = await q.query<Record<string, unknown>>(s.sql, s.station ? [req.cursor, stationId] : [req.cursor])
        if (rows.length) changes[table] = rows.map((r) => decodeRow(r))
      }
      const [client] = await q.query<{ user_id: string; last_mutation_id: number }>('SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1', [req.clientId])
      const own = client?.user_id === caller.userId
      const rejections = own
        ? (
            await q.query<Record<string, unknown>>(
              'SELECT mutation_id, name, code, key, params, message, at FROM rejections WHERE client_id = $1 AND row_version > $2 ORDER BY mutation_id',
              [req.clientId, req.cursor],
            )
          ).map((r): Rejection => ({
            mutationId: Number(r.mutation_id),
            name: String(r.name),
            code: String(r.code),
            key: String(r.key),
            params: (r.params as Record<string, unknown> | null) ?? null,
            message: String(r.message),
            at: String(r.at),
          }))
        : []
      return { cursor: Number(cursor), lastMutationId: own ? Number(client!.last_mutation_id) : 0, changes, rejections }
    },
    { readOnly: true },
  )
}
