import { encodeBoardSnapshot } from '../../shared/api/boardSchemas'
import { SqliteError } from 'better-sqlite3'
import type { z } from 'zod'
import {
  commands,
  events as eventSchemas,
  isCommand,
  isMutation,
  isQuery,
  mutations,
  queries,
  type DeskClient,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type MutationName,
  type Queries,
  type CommandName,
  type Commands,
  type QueryName,
} from '../../shared/api/contract'
import { DeskError, ruleError } from '../../shared/api/errors'
import type { DeskInfo } from '../../shared/api/schemas'
import { parseInput } from '../../shared/api/validate'
import { formatTicketNumber } from '../../shared/domain/ticketNumber'
import { localDate } from '../../shared/domain/time'
import { TABLE_NAMES, mutators, type MutationContext, type Tx } from '../../shared/mutators'
import { migrate } from './db/migrate'
import { checkpointScheduler, closeDatabase, openDatabase } from './db/open'
import { SqliteTx } from './db/sqliteTx'
import { FIRST_START_DEFAULTS, ensureRules, firstStart, readIdentity, type DeskIdentity } from './identity'
import { prepareArgs } from './mutations'
import { clockReader } from './queries/clocks'
import { customerQueries } from './queries/customers'
import { previewQuery } from './queries/preview'
import { rulesReader } from './queries/rules'
import { ticketQueries } from './queries/tickets'
import { engineerQueries } from './queries/engineers'
import { REGIONS } from './regions'
import { SyncClient } from './sync/client'
import { rebase, replayer } from './sync/rebase'
import { rejectionQueries } from './sync/rejections'
import type { Fetch } from './sync/serverLink'
import { syncSettingsStore } from './sync/settings'
import { ShadowingTx } from './sync/shadow'
import { syncCommands } from './sync/commands'
import { boardQueries } from './queries/board'
import { partsQueries } from './queries/parts'
import { closeoutQueries } from './queries/closeout'
import { followUpQueries } from './queries/followUp'
import { reportQueries } from './queries/reports'
import { complaintsWorkbook, dashboardWorkbook, stationReportWorkbook } from './reports/exportXlsx'
import { ensurePartsCatalogue, seedDemoStock } from './demo/parts'
import { seedDemoFollowUp } from './demo/followUp'
import { parsePartsCsv, parsePartsXlsx } from './parts/importFile'
import { reconciliationWorkbook } from './parts/exportXlsx'
import { boardSettingsStore } from './boardSettings'
import type { BoardLoad } from './demo/boardLoad'

export interface OpenDeskOptions {
  /** Folder of the desk's SQLite file (the user's data dir in the desktop app). */
  dataDir: string
  /** First start only: load the demo network (default) or start clean. */
  demo?: boolean
  /** First start only: which station and desk this is (default WH, desk 1). */
  stationCode?: string
  deskCode?: string
  /** First start only: the demo data's seed. */
  seed?: number
  /**
   * First start only, never by default: tops the desk's station up to this many open tickets and active
   * engineers for the board's bench (e.g. { openTickets: 10000, engineers: 500 }; DESK_BOARD_LOAD in browser mode).
   */
  boardLoad?: BoardLoad
  /** The clock (tests pin it). */
  now?: () => Date
  /** Sync with this server, logging in with `credentials` unless the desk is already signed in there. */
  serverUrl?: string
  credentials?: { username: string; password: string }
  /** The HTTP client for the server (tests put a network that drops in between). */
  fetch?: Fetch
}

export interface Desk extends DeskClient {
  readonly dataDir: string
  readonly identity: DeskIdentity
  /** The untyped entry the transports use: validates the name and the input, then runs the call. */
  callUnchecked(method: string, input: unknown): Promise<unknown>
  /** Resolves when everything made here is on the server and everything on the server is here. */
  sync(): Promise<void>
  close(): void
}

type Listener = (payload: unknown) => void

/** Opens (and on first start creates) a desk: the same API the window uses, for scripts and tests too. */
export async function openDesk(options: OpenDeskOptions): Promise<Desk> {
  const now = options.now ?? (() => new Date())
  const db = openDatabase(options.dataDir)
  const schemaVersion = migrate(db)
  const tx = new SqliteTx(db)
  const known = readIdentity(db)
  const identity =
    known ??
    firstStart(db, tx, {
      demo: options.demo ?? FIRST_START_DEFAULTS.demo,
      stationCode: options.stationCode ?? FIRST_START_DEFAULTS.stationCode,
      deskCode: options.deskCode ?? FIRST_START_DEFAULTS.deskCode,
      seed: options.seed ?? FIRST_START_DEFAULTS.seed,
      now: now(),
      boardLoad: options.boardLoad ?? null,
    }).identity
  await ensureRules(db, tx, now())
  ensurePartsCatalogue(db, tx)
  if (!known && (options.demo ?? FIRST_START_DEFAULTS.demo)) {
    await seedDemoStock(db, tx, identity.stationId, now())
    // the board's bench load asks for an exact count of open tickets: no demo inspection ticket then
    await seedDemoFollowUp(db, tx, identity.stationId, now(), { inspectionPlan: !options.boardLoad })
  }
  const station = db.prepare('SELECT id, code, name, kind, region_code AS regionCode, timezone, lat, lng FROM stations WHERE id = ?').get(identity.stationId) as {
    code: string
    timezone: string
  } & Record<string, string>
  const userById = db.prepare('SELECT id, name, role FROM users WHERE id = ?')
  // Logging in to a server makes its account this desk's user, so the context is read per call.
  const ctxFor = (userId: string): MutationContext => ({
    clientId: identity.clientId,
    userId,
    role: identity.role,
    stationId: identity.stationId,
    deskCode: `${station.code}${identity.deskCode}`,
  })
  const settings = syncSettingsStore(db)
  const shadowTx = new ShadowingTx(tx, db)
  // Only a synced desk keeps server state: a desk joining a server starts from the server's rows anyway.
  const mutatorTx = (): Tx => (settings.read() ? shadowTx : tx)

  const rules = rulesReader(db, tx.memo)
  const clocks = clockReader(db, rules, now)
  const customers = customerQueries(db, clocks.summaries)
  const tickets = ticketQueries(db, customers, clocks, rules, now)
  const preview = previewQuery(db, rules, now)
  const engineers = engineerQueries(db)
  const board = boardQueries(db, rules, now)
  const parts = partsQueries(db, now)
  const closeout = closeoutQueries(db, rules, now)
  const followUp = followUpQueries(db, rules, now)
  const reports = reportQueries(db, rules, now)
  const today = () => localDate(now(), station.timezone)
  // HQ's desk works on every station's complaints (the late ones come to it)
  const registerScope = station.kind === 'hq' ? null : identity.stationId
  const boardSettings = boardSettingsStore(db)
  const rejections = rejectionQueries(db)
  const stmt = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    nextCounter: db.prepare('INSERT INTO desk_counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value'),
    appendOutbox: db.prepare('INSERT INTO outbox (mutation_id, name, args, user_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    pending: db.prepare('SELECT count(*) AS n FROM outbox'),
    stations: db.prepare('SELECT id, code, name, kind, region_code AS regionCode, timezone, lat, lng FROM stations ORDER BY kind, code'),
  }
  const afterCommit = checkpointScheduler(db)
  const counter = (name: string) => (stmt.nextCounter.get(name) as { value: number }).value

  const answer: { [N in QueryName]: (input: z.output<Queries[N]['input']>) => MethodOutput<N> } = {
    'desk.info': () => ({
      clientId: identity.clientId,
      deskCode: identity.deskCode,
      station: station as unknown as MethodOutput<'desk.info'>['station'],
      user: (userById.get(identity.userId) as DeskInfo['user'] | undefined) ?? { id: identity.userId, name: settings.read()?.userName ?? identity.userId, role: identity.role },
      dataDir: options.dataDir,
      schemaVersion,
      pendingMutations: (stmt.pending.get() as { n: number }).n,
      syncServer: settings.read()?.serverUrl ?? null,
      now: now().toISOString(),
    }),
    'stations.list': () => stmt.stations.all() as MethodOutput<'stations.list'>,
    'regions.list': () => [...REGIONS],
    'customers.lookup': (input) => customers.lookup(input.text),
    'customers.card': (input) => customers.card(input.id, localDate(now(), station.timezone)),
    'tickets.list': (input) => tickets.list(input),
    'tickets.get': (input) => tickets.get(input.id),
    'tickets.preview': (input) => preview(input),
    'rules.get': () => rules.current() as MethodOutput<'rules.get'>,
    'engineers.list': (input) => engineers.list(input.stationId ?? identity.stationId),
    'sync.status': () => sync.status(),
    'sync.rejections': () => rejections.list(),
    'board.snapshot': (input) => encodeBoardSnapshot(board.snapshot(input.stationId ?? identity.stationId)),
    'board.settings': () => boardSettings.read(),
    'parts.catalogue': () => parts.catalogue(),
    'parts.stock': () => parts.stock(identity.stationId),
    'parts.holdings': () => parts.holdings(identity.stationId),
    'parts.people': () => parts.people(identity.stationId),
    'parts.ledger': (input) => parts.ledger(identity.stationId, input),
    'parts.returns': () => parts.returns(identity.stationId),
    'parts.slip': (input) => parts.slip(input.id),
    'parts.batch': (input) => parts.batch(input.id),
    'parts.ofTicket': (input) => parts.ofTicket(input.ticketId, identity.stationId),
    'parts.reconciliation': (input) => parts.reconciliation(identity.stationId, input.month),
    'parts.requests': () => parts.requests(identity.stationId),
    'closeout.form': (input) => closeout.form(input.ticketId),
    'closeout.quote': (input) => closeout.quote(input),
    'closeout.slip': (input) => closeout.slip(input.ticketId),
    'closeout.slipsOfDay': (input) => closeout.slipsOfDay(identity.stationId, station.timezone, input.day),
    'carryIn.list': () => closeout.carryIns(identity.stationId, station.timezone),
    'carryIn.ofTicket': (input) => closeout.carryInOfTicket(input.ticketId, station.timezone),
    'carryIn.receipt': (input) => closeout.receipt(input.id),
    'visits.list': (input) => followUp.visits(identity.stationId, station.kind === 'hq', station.timezone, input),
    'visits.ofTicket': (input) => followUp.ofTicket(input.ticketId, station.timezone),
    'complaints.list': (input) => followUp.complaints(registerScope, station.timezone, input),
    'complaints.get': (input) => followUp.complaint(input.id, registerScope),
    'complaints.stats': (input) => followUp.complaintStats(registerScope, station.timezone, input.from, input.to),
    'plans.list': () => followUp.plans(identity.stationId, station.timezone),
    'reports.station': (input) => reports.station(identity.stationId, input.day ?? today()),
    'reports.dashboard': (input) => reports.dashboard(identity.stationId, input.from, input.to),
  }

  const listeners = new Map<string, Set<Listener>>()
  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    eventSchemas[event].parse(payload)
    for (const l of listeners.get(event) ?? []) l(payload)
  }

  // Writes are serialized: a mutator awaits its Tx calls, and no other write (nor a rebase) may interleave.
  let writeQueue: Promise<unknown> = Promise.resolve()
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = writeQueue.then(fn, fn)
    writeQueue = result.catch(() => undefined)
    return result
  }

  /** Runs a mutator with its full arguments and appends it to the outbox, in one transaction. */
  async function commit<N extends MutationName>(name: N, makeArgs: (at: Date) => unknown | Promise<unknown>): Promise<MethodOutput<N>> {
    stmt.begin.run()
    try {
      const at = now()
      const args = await makeArgs(at)
      const mutator = mutators[name] as unknown as { run: (tx: Tx, a: unknown, c: MutationContext) => Promise<MethodOutput<N>> }
      const result = await mutator.run(mutatorTx(), args, ctxFor(identity.userId))
      stmt.appendOutbox.run(counter('mutation'), name, JSON.stringify(args), identity.userId, at.toISOString())
      stmt.commit.run()
      afterCommit()
      emit('data.changed', { tables: [...mutators[name].writes] })
      sync.emitStatus()
      void sync.kick()
      return result
    } catch (e) {
      stmt.rollback.run()
      throw e
    }
  }

  function runMutation<N extends MutationName>(name: N, input: unknown): Promise<MethodOutput<N>> {
    const parsed = parseInput(mutations[name].input, input)
    return exclusive(() =>
      commit(name, (at) =>
        prepareArgs[name](parsed as never, {
          now: at,
          nextTicketNumber: () => {
            const day = localDate(at, station.timezone)
            return formatTicketNumber({ stationCode: station.code, deskCode: identity.deskCode, localDate: day, sequence: counter(`ticket:${day}`) })
          },
          nextFormNumber: (form) => {
            const day = localDate(at, station.timezone)
            return `${form}-${formatTicketNumber({ stationCode: station.code, deskCode: identity.deskCode, localDate: day, sequence: counter(`${form}:${day}`) })}`
          },
        }),
      ),
    )
  }

  const run = replayer(ctxFor)
  const sync = new SyncClient({
    db,
    settings,
    clientId: () => identity.clientId,
    deskLabel: `${station.code}${identity.deskCode}`,
    fetch: options.fetch,
    now,
    rebase: (pull, reset) => exclusive(() => rebase(db, tx, shadowTx, run, pull, { reset, saveCursor: (cursor) => settings.write({ cursor }) })),
    onStatus: (status) => emit('sync.status', status),
    onChanged: () => emit('data.changed', { tables: [...TABLE_NAMES] }),
  })
  const command = {
    ...syncCommands({ db, identity, settings, sync, exclusive, commit, fetch: options.fetch, tx }),
    // desk-local, not an outbox write
    'board.saveSettings': async (input: MethodOutput<'board.saveSettings'>) => {
      const saved = boardSettings.write(input)
      emit('data.changed', { tables: ['board_settings'] })
      return saved
    },
    'parts.parseImport': async (input) => ({ parts: 'text' in input ? parsePartsCsv(input.text) : await parsePartsXlsx(Buffer.from(input.xlsxBase64, 'base64')) }),
    'recon.exportXlsx': async (input) => {
      const view = parts.reconciliation(identity.stationId, input.month)
      return { fileName: `${view.station.code}-月度对帐-${view.month}.xlsx`, base64: (await reconciliationWorkbook(view)).toString('base64') }
    },
    'reports.exportXlsx': async (input) => {
      const xlsx = (name: string, book: Buffer) => ({ fileName: `${station.code}-${name}.xlsx`, base64: book.toString('base64') })
      if (input.report === 'station') {
        const report = reports.station(identity.stationId, input.day ?? today())
        return xlsx(`客服工作报表-${report.dueOn}`, await stationReportWorkbook(report))
      }
      if (input.report === 'dashboard') return xlsx(`服务指标-${input.from}至${input.to}`, await dashboardWorkbook(reports.dashboard(identity.stationId, input.from, input.to)))
      const range = { from: input.from, to: input.to }
      // every complaint received in the months asked for
      const register = followUp.complaints(registerScope, station.timezone, { status: 'all', limit: 1_000_000, range })
      return xlsx(`投诉登记簿-${input.from}至${input.to}`, await complaintsWorkbook(register.rows, followUp.complaintStats(registerScope, station.timezone, input.from, input.to), range))
    },
  } satisfies { [N in CommandName]: (input: z.output<Commands[N]['input']>) => Promise<MethodOutput<N>> }

  async function callUnchecked(method: string, input: unknown): Promise<unknown> {
    try {
      if (isQuery(method)) {
        const parsed = parseInput(queries[method].input, input ?? {})
        return (answer[method] as (i: unknown) => unknown)(parsed)
      }
      if (isMutation(method)) return await runMutation(method, input)
      if (isCommand(method)) return await (command[method] as (i: unknown) => Promise<unknown>)(parseInput(commands[method].input, input ?? {}))
      throw new DeskError({ code: 'unknown_method', key: 'errors.unknownMethod', params: { method: String(method).slice(0, 60) } })
    } catch (e) {
      throw toDeskError(e)
    }
  }

  const saved = settings.read()
  const wanted = options.serverUrl && options.credentials ? parseInput(commands['sync.connect'].input, { serverUrl: options.serverUrl, ...options.credentials }) : null
  if (wanted && saved?.serverUrl !== wanted.serverUrl) {
    await command['sync.connect'](wanted)
  } else {
    sync.start()
  }

  // 定期巡检 and 大客户回访 on schedule: a minute after opening (clear of the start-up reads), then hourly;
  // only when something is owed, so an idle desk writes nothing to its outbox.
  const runSchedule = () => {
    // a clerk's or engineer's desk leaves it to the desks that may (the server would refuse it)
    if (!mutators['followUp.schedule'].roles.includes(identity.role)) return
    try {
      if (followUp.scheduleDue(identity.stationId, station.timezone)) void runMutation('followUp.schedule', {}).catch(() => undefined)
    } catch {
      // a failed read waits for the next hour
    }
  }
  const firstSchedule = setTimeout(runSchedule, 60_000)
  const hourlySchedule = setInterval(runSchedule, 3_600_000)
  firstSchedule.unref?.()
  hourlySchedule.unref?.()

  // The home screen's read, done while the window is still loading (in Electron the core starts first).
  const warm = setTimeout(() => {
    try {
      board.snapshot(identity.stationId)
    } catch {
      // the board asks again and shows what went wrong
    }
  })

  return {
    dataDir: options.dataDir,
    identity,
    callUnchecked,
    call: <N extends MethodName>(method: N, input: MethodInput<N>) => callUnchecked(method, input) as Promise<MethodOutput<N>>,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as Listener)
      return () => set.delete(listener as Listener)
    },
    sync: () => sync.sync(),
    close: () => {
      clearTimeout(warm)
      clearTimeout(firstSchedule)
      clearInterval(hourlySchedule)
      sync.close()
      closeDatabase(db)
    },
  }
}

function toDeskError(e: unknown): DeskError {
  if (e instanceof DeskError) return e
  if (e instanceof SqliteError && e.code.startsWith('SQLITE_CONSTRAINT')) return ruleError('errors.rule.duplicateId')
  const detail = e instanceof Error ? e.message : String(e)
  return new DeskError({ code: 'internal', key: 'errors.internal', params: { detail } })
}
