// Applying a pull: in one SQLite transaction, put the rows pending mutations touched back to server
// state, write the server's changes, record its rejections, drop what it confirmed, and replay what
// is still pending on top. The renderer is told once, after the commit.
import { DeskError } from '../../../shared/api/errors'
import type { MutationName } from '../../../shared/api/contract'
import { TABLE_NAMES, mutators, type MutationContext, type TableName, type Tables } from '../../../shared/mutators'
import type { PullResponse } from '../../../shared/protocol/sync'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'
import { restoreShadows, type ShadowingTx } from './shadow'

export interface OutboxRow {
  mutation_id: number
  name: MutationName
  args: string
  user_id: string
  created_at: string
}

export interface RebaseResult {
  /** Rows the pull wrote, rows put back, rejections recorded, mutations confirmed: anything a reader would see. */
  changed: boolean
  /** Pending mutations that no longer run here (the server will decide; a rejection will follow). */
  skipped: number
}

type RunMutation = (tx: ShadowingTx, row: OutboxRow) => Promise<void>

export function replayer(ctxFor: (userId: string) => MutationContext): RunMutation {
  return async (tx, row) => {
    const def = mutators[row.name] as unknown as { run: (tx: ShadowingTx, a: unknown, c: MutationContext) => Promise<unknown> }
    await def.run(tx, JSON.parse(row.args), ctxFor(row.user_id))
  }
}

/**
 * `reset`: the first pull from a server (cursor 0) replaces everything this desk held (its demo data or
 * another server's), so the desk holds exactly the server's truth plus its own pending changes.
 */
export async function rebase(
  db: Db,
  tx: SqliteTx,
  shadow: ShadowingTx,
  run: RunMutation,
  pull: PullResponse,
  opts: { reset: boolean; saveCursor: (cursor: number) => void },
): Promise<RebaseResult> {
  // A first pull fills emptied tables with the server's whole station (100,000 rows and more): checking
  // each row's references as it goes doubles the time, so they are checked once, before the commit.
  if (opts.reset) db.pragma('foreign_keys = OFF')
  db.exec('BEGIN IMMEDIATE')
  try {
    // Rows are put back before their parents may arrive; the references are checked at commit.
    db.pragma('defer_foreign_keys = ON')
    let changed = false
    if (opts.reset) {
      for (const table of [...TABLE_NAMES].reverse()) db.prepare(`DELETE FROM ${table}`).run()
      db.prepare('DELETE FROM sync_shadow').run()
      changed = true
    } else {
      // what the replay below writes again; by itself no change a reader would see
      restoreShadows(db, tx)
    }
    for (const table of TABLE_NAMES) {
      const rows = (pull.changes[table] ?? []) as unknown as Tables[TableName][]
      tx.writeMany(table, rows, { fresh: opts.reset })
      if (rows.length) changed = true
    }
    const outbox = db.prepare('SELECT mutation_id, name, args, user_id, created_at FROM outbox WHERE mutation_id = ?')
    const keep = db.prepare(
      `INSERT INTO sync_rejections (mutation_id, name, args, user_id, made_at, code, key, params, message, rejected_at)
       VALUES (@mutation_id, @name, @args, @user_id, @created_at, @code, @key, @params, @message, @at)
       ON CONFLICT (mutation_id) DO NOTHING`,
    )
    for (const r of pull.rejections) {
      const row = outbox.get(r.mutationId) as OutboxRow | undefined
      if (!row) continue
      keep.run({ ...row, code: r.code, key: r.key, params: r.params ? JSON.stringify(r.params) : null, message: r.message, at: r.at })
      changed = true
    }
    if (db.prepare('DELETE FROM outbox WHERE mutation_id <= ?').run(pull.lastMutationId).changes > 0) changed = true
    // Rules versions the desk made and the server numbered differently are read again from the rows.
    tx.memo.clear()

    let skipped = 0
    const pending = db.prepare('SELECT mutation_id, name, args, user_id, created_at FROM outbox ORDER BY mutation_id').all() as OutboxRow[]
    for (const row of pending) {
      db.exec('SAVEPOINT replay')
      try {
        await run(shadow, row)
        db.exec('RELEASE replay')
      } catch (e) {
        db.exec('ROLLBACK TO replay')
        db.exec('RELEASE replay')
        if (!(e instanceof DeskError)) throw e
        skipped++
      }
    }
    opts.saveCursor(pull.cursor)
    if (opts.reset) {
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
      if (broken.length) throw new Error(`server rows refer to missing rows: ${broken.slice(0, 3).map((b) => `${b.table} → ${b.parent}`).join(', ')}`)
    }
    db.exec('COMMIT')
    return { changed, skipped }
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw e
  } finally {
    if (opts.reset) db.pragma('foreign_keys = ON')
  }
}
