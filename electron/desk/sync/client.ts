// The desk's sync loop: push the outbox, pull and rebase, listen for pokes; back off while the
// server cannot be reached. The desk keeps working meanwhile: every write lands locally first.
import { DeskError } from '../../../shared/api/errors'
import type { SyncState, SyncStatus } from '../../../shared/api/syncSchemas'
import type { PullResponse } from '../../../shared/protocol/sync'
import type { Db } from '../db/open'
import type { RebaseResult } from './rebase'
import { ServerLink, SignedOutError, type Fetch } from './serverLink'
import type { SyncSettingsStore } from './settings'

const PUSH_BATCH = 500
/** Under the server's 1 MB body limit: a batch of signed close-outs (a signature is up to 400 kB) is cut short. */
const PUSH_BYTES = 600_000
const RETRY_MIN_MS = 1_000
const RETRY_MAX_MS = 30_000
/** A pull now and then even without pokes: a missed poke costs at most this long. */
const PERIODIC_MS = 60_000

export interface SyncClientDeps {
  db: Db
  settings: SyncSettingsStore
  clientId: () => string
  /** Station code + desk code, e.g. "WH1". */
  deskLabel: string
  fetch?: Fetch
  now: () => Date
  /** Runs the rebase between local writes, never interleaved with one. */
  rebase(pull: PullResponse, reset: boolean): Promise<RebaseResult>
  onStatus(status: SyncStatus): void
  onChanged(): void
}

interface OutboxEntry {
  mutation_id: number
  name: string
  args: string
}

export class SyncClient {
  private state: SyncState
  private problem: SyncStatus['problem'] = null
  private pushedUpTo = 0
  private queued: Promise<void> | null = null
  private current: Promise<void> = Promise.resolve()
  private retryMs = RETRY_MIN_MS
  private retryTimer: NodeJS.Timeout | null = null
  private periodic: NodeJS.Timeout | null = null
  private listening: AbortController | null = null
  private closed = false
  private readonly stmt

  constructor(private readonly deps: SyncClientDeps) {
    this.stmt = {
      outbox: deps.db.prepare('SELECT mutation_id, name, args FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?'),
      pending: deps.db.prepare('SELECT count(*) FROM outbox').pluck(),
      rejections: deps.db.prepare('SELECT count(*) FROM sync_rejections WHERE decision IS NULL').pluck(),
    }
    this.state = deps.settings.read() ? 'syncing' : 'off'
  }

  /** Starts syncing with the saved server, if any (at desk start). */
  start(): void {
    if (!this.deps.settings.read()) return
    this.startListening()
    this.periodic ??= setInterval(() => this.kick(), PERIODIC_MS)
    this.periodic.unref()
    this.kick()
  }

  status(): SyncStatus {
    const s = this.deps.settings.read()
    return {
      state: this.state,
      serverUrl: s?.serverUrl ?? null,
      username: s?.username ?? null,
      pending: this.stmt.pending.get() as number,
      lastSyncAt: s?.lastSyncAt ?? null,
      problem: this.problem,
      rejections: this.stmt.rejections.get() as number,
    }
  }

  /** Something changed here or on the server: run a cycle soon (one waiting cycle covers every kick). */
  kick(): Promise<void> {
    if (this.closed || !this.deps.settings.read()) return Promise.resolve()
    if (this.queued) return this.queued
    const next = this.current.then(() => {
      this.queued = null
      return this.cycle()
    })
    this.queued = next
    this.current = next
    return next
  }

  /** Resolves when this desk has sent everything and applied everything the server has; throws why not. */
  async sync(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      await this.kick()
      // judged by the cycle's outcome, not the state: a poke may already have started the next cycle
      if (this.problem) throw new DeskError({ code: 'network', key: this.problem.key as never, params: this.problem.params })
      if (this.state === 'off') throw new DeskError({ code: 'rule', key: 'errors.syncClient.notConnected' })
      if ((this.stmt.pending.get() as number) === 0) return
    }
  }

  /** Logged in anew (or to another server): listen with the new token and sync at once. */
  restart(): Promise<void> {
    this.stopListening()
    this.pushedUpTo = 0
    this.problem = null
    this.setState('syncing')
    this.start()
    return this.kick()
  }

  stop(): void {
    this.stopListening()
    if (this.periodic) clearInterval(this.periodic)
    this.periodic = null
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.problem = null
    this.setState('off')
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.stop()
  }

  emitStatus(): void {
    if (!this.closed) this.deps.onStatus(this.status())
  }

  private setState(state: SyncState): void {
    this.state = state
    this.emitStatus()
  }

  private async cycle(): Promise<void> {
    // a cycle queued before the desk closed finds the database gone
    if (this.closed) return
    const settings = this.deps.settings.read()
    if (!settings) return
    const link = new ServerLink(settings.serverUrl, this.deps.fetch)
    this.setState('syncing')
    try {
      await this.push(link, settings.token)
      const pull = await link.pull(settings.token, { clientId: this.deps.clientId(), cursor: settings.cursor })
      const result = await this.deps.rebase(pull, settings.cursor === 0)
      if (this.closed) return
      this.pushedUpTo = Math.max(this.pushedUpTo, pull.lastMutationId)
      this.deps.settings.write({ lastSyncAt: this.deps.now().toISOString() })
      this.problem = null
      this.retryMs = RETRY_MIN_MS
      this.setState('online')
      if (result.changed) this.deps.onChanged()
    } catch (e) {
      if (!this.closed) this.fail(e)
    }
  }

  private async push(link: ServerLink, token: string): Promise<void> {
    for (;;) {
      const rows = withinBytes(this.stmt.outbox.all(this.pushedUpTo, PUSH_BATCH) as OutboxEntry[])
      if (rows.length === 0) return
      const res = await link.push(token, {
        clientId: this.deps.clientId(),
        deskCode: this.deps.deskLabel,
        mutations: rows.map((r) => ({ id: r.mutation_id, name: r.name as never, args: JSON.parse(r.args) })),
      })
      if (res.lastMutationId <= this.pushedUpTo) return
      this.pushedUpTo = res.lastMutationId
    }
  }

  private fail(e: unknown): void {
    const err = e instanceof DeskError ? e : new DeskError({ code: 'internal', key: 'errors.syncClient.serverError', params: { detail: e instanceof Error ? e.message : String(e) } })
    this.problem = { key: err.body.key, params: err.body.params, message: err.body.message }
    if (e instanceof SignedOutError) {
      this.stopListening()
      this.setState('signedOut')
      return
    }
    this.setState('offline')
    if (this.retryTimer || this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.kick()
    }, this.retryMs)
    this.retryTimer.unref()
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
  }

  private startListening(): void {
    if (this.listening) return
    const abort = new AbortController()
    this.listening = abort
    void (async () => {
      let wait = RETRY_MIN_MS
      while (!abort.signal.aborted) {
        const settings = this.deps.settings.read()
        if (!settings) return
        try {
          // each (re)connection catches up, then every poke pulls
          await new ServerLink(settings.serverUrl, this.deps.fetch).listen(settings.token, abort.signal, () => {
            wait = RETRY_MIN_MS
            void this.kick()
          })
        } catch (e) {
          if (e instanceof SignedOutError) return void this.fail(e)
        }
        if (abort.signal.aborted) return
        await new Promise((r) => setTimeout(r, wait).unref())
        wait = Math.min(wait * 2, RETRY_MAX_MS)
      }
    })()
  }

  private stopListening(): void {
    this.listening?.abort()
    this.listening = null
  }
}

export { ServerLink }

/** The first entries whose arguments fit in one push (always at least one). */
function withinBytes(rows: OutboxEntry[]): OutboxEntry[] {
  let bytes = 0
  const fit = rows.findIndex((r) => (bytes += Buffer.byteLength(r.args)) > PUSH_BYTES)
  return fit === -1 ? rows : rows.slice(0, Math.max(fit, 1))
}
