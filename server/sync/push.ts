import { DeskError, ruleError } from '../../shared/api/errors'
import { parseInput } from '../../shared/api/validate'
import type { Role } from '../../shared/domain/enums'
import { mutators, type MutationContext } from '../../shared/mutators'
import type { PushRequest, PushResponse } from '../../shared/protocol/sync'
import { PgTx } from '../db/pgTx'
import { one, type SqlStore } from '../db/store'
import { SyncError } from './errors'

export interface Caller {
  userId: string
  role: Role
  stationId: string
}

/**
 * A business rule's refusal, or a unique key the mutation collides with (e.g. a ticket number two
 * desks made with the same desk code): both are the desk's to hear about, not a server failure that
 * would refuse its whole queue again and again.
 */
function asRejection(e: unknown): DeskError | null {
  if (e instanceof DeskError) return e
  const db = e as { code?: string; constraint?: string; detail?: string }
  if (db?.code !== '23505') return null
  if (db.constraint === 'tickets_number_key') return ruleError('errors.sync.duplicateTicketNumber', { number: /\(number\)=\(([^)]+)\)/.exec(db.detail ?? '')?.[1] ?? '' })
  return ruleError('errors.rule.duplicateId')
}

/** HQ and the administrator see every station; everyone else their own. */
export const scopeOf = (caller: Caller) => ({ stationId: caller.role === 'hq' || caller.role === 'admin' ? null : caller.stationId })

/**
 * Applies a desk's mutations in order, in one transaction with the client's lastMutationId: each
 * mutation and the lastMutationId that covers it commit together. Already-applied ids are skipped
 * (retries are safe); a gap refuses the rest; a broken business rule is rejected with its reason
 * (its writes undone to a savepoint) and still advances lastMutationId, so the desk is never stuck.
 * One commit per push, not per mutation: the version row's lock, which orders all writers, is then
 * held for one disk flush per push; the mutators' writes go out as one statement per table (PgTx).
 */
export async function applyPush(store: SqlStore, memo: Map<string, unknown>, caller: Caller, req: PushRequest): Promise<PushResponse> {
  try {
    return await applyPushOnce(store, memo, caller, req, { careful: false })
  } catch (e) {
    // Rejections are rare: a push is first applied without a savepoint per mutation, and only a push
    // with a rejection in it is applied again, with savepoints to undo just the rejected mutation.
    if (e instanceof NeedsSavepoints) return applyPushOnce(store, memo, caller, req, { careful: true })
    throw e
  }
}

class NeedsSavepoints extends Error {}

async function applyPushOnce(store: SqlStore, memo: Map<string, unknown>, caller: Caller, req: PushRequest, opts: { careful: boolean }): Promise<PushResponse> {
  let gap: SyncError | null = null
  const result = await store.transaction(async (q) => {
    // A desk's first push and a retry of it may arrive together: the row is made once, then locked.
    await q.query('INSERT INTO clients (client_id, user_id, desk_code) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING', [req.clientId, caller.userId, req.deskCode])
    const client = one(
      await q.query<{ user_id: string; last_mutation_id: number }>('SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1 FOR UPDATE', [req.clientId]),
    )
    if (client.user_id !== caller.userId) throw new SyncError(403, 'errors.sync.clientOfOtherUser')
    const last = Number(client.last_mutation_id)
    let next = last + 1
    const run: PushRequest['mutations'] = []
    for (const m of req.mutations) {
      if (m.id < next) continue
      if (m.id > next) {
        gap = new SyncError(409, 'errors.sync.gap', { last: next - 1, first: m.id })
        break
      }
      run.push(m)
      next++
    }
    if (run.length === 0) {
      if (gap) throw gap
      return { lastMutationId: last, applied: 0, rejected: 0 }
    }
    // The version is taken inside the write transaction: the counter's row lock orders all writers.
    const { value } = one(await q.query<{ value: number }>('UPDATE sync_version SET value = value + 1 WHERE id = 1 RETURNING value'))
    const version = Number(value)
    const tx = new PgTx(q, version, scopeOf(caller), memo)
    const ctx: MutationContext = { clientId: req.clientId, userId: caller.userId, role: caller.role, stationId: caller.stationId, deskCode: req.deskCode }
    let applied = 0
    let rejected = 0
    if (opts.careful) await q.exec('SAVEPOINT mutation')
    for (const m of run) {
      const def = mutators[m.name]
      try {
        if (!def.roles.includes(caller.role)) throw ruleError('errors.sync.forbidden', { role: caller.role })
        const args = parseInput(def.args, m.args)
        await (def.run as (tx: PgTx, a: unknown, c: MutationContext) => Promise<unknown>)(tx, args, ctx)
        // careful: each mutation's writes go out at once, so a refused write is this mutation's
        if (opts.careful) await tx.flush()
        applied++
      } catch (caught) {
        const e = asRejection(caught)
        if (!e) throw caught
        if (!opts.careful) throw new NeedsSavepoints()
        await q.exec('ROLLBACK TO SAVEPOINT mutation')
        tx.forgetReads()
        await q.query(
          'INSERT INTO rejections (client_id, mutation_id, name, code, key, params, message, at, row_version) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)',
          [req.clientId, m.id, m.name, e.body.code, e.body.key, JSON.stringify({ ...(e.body.params ?? {}), ...(e.body.issues ? { issues: e.body.issues } : {}) }), e.body.message, new Date().toISOString(), version],
        )
        rejected++
      }
      if (opts.careful) await q.exec('RELEASE SAVEPOINT mutation; SAVEPOINT mutation')
    }
    if (opts.careful) await q.exec('RELEASE SAVEPOINT mutation')
    else {
      try {
        await tx.flush()
      } catch (caught) {
        // which mutation's write was refused is not known here: apply the push again, carefully
        if (asRejection(caught)) throw new NeedsSavepoints()
        throw caught
      }
    }
    const lastMutationId = next - 1
    await q.query('UPDATE clients SET last_mutation_id = $2 WHERE client_id = $1', [req.clientId, lastMutationId])
    return { lastMutationId, applied, rejected }
  })
  // what came before a gap is committed; the desk is told about the gap and sends from there again
  if (gap && result.applied + result.rejected > 0) throw gap
  return result
}
