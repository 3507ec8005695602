// Issue 4's figures, on PostgreSQL (required) and PGlite (for comparison), a fresh database per measurement:
//   1. push throughput: 10 desks (10 users, 10 client ids) pushing ticket.create in batches of 50 over
//      real HTTP to a listening server, next to a plain parameterised INSERT loop from 10 connections;
//   2. the initial pull of a station with 100,000 rows into an empty desk (openDesk + desk.sync());
//   3. desk-to-desk propagation through a poke: A's ticket.create returning → B's data.changed with the ticket.
// Run alone with `npx tsx test/bench/sync.bench.ts` (SYNC_BENCH_PGLITE=0 skips PGlite).
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { openDesk, type Desk } from '../../electron/desk'
import { BRANDS, FAULTS, FIRM_TRADES, FIRM_WORDS, GIVEN, ROADS, SURNAMES } from '../../electron/desk/demo/words'
import { buildServer } from '../../server/app'
import { migrateServer } from '../../server/db/migrate'
import { one, type SqlStore } from '../../server/db/store'
import { seedServer } from '../../server/seed'
import { pullChanges } from '../../server/sync/pull'
import { STATIONS, type StationPlan } from '../../shared/demo/network'
import { CATEGORIES, type Category, type Channel, type FaultLevel, type ServiceMode, type TicketStatus } from '../../shared/domain/enums'
import { initialStep } from '../../shared/domain/escalation'
import { RULES_PRESET } from '../../shared/domain/rules'
import type { WarrantyVerdict } from '../../shared/domain/warranty'
import { nextDue } from '../../shared/domain/ticketClocks'
import { formatTicketNumber } from '../../shared/domain/ticketNumber'
import { assetVerdict, ticketFacts, type AssetRow, type CustomerPhoneRow, type CustomerRow, type TicketEventRow, type TicketRow } from '../../shared/mutators'
import { PullResponse } from '../../shared/protocol/sync'
import { freshStore, postgresAvailable, type StoreKind } from '../server/helpers'
import { ms, percentile, table } from './stats'

const ADMIN_PASSWORD = 'bench-admin-password'
const DESK_PASSWORD = 'bench-desk-password'

// 1. push
const DESKS = 10
const PUSH_SIZE = 50
const CUSTOMER_PUSHES = 2 // per desk, customer.create (also the warm-up)
const TICKET_PUSHES = 10 // per desk, ticket.create: 10 × 10 × 50 = 5,000 mutations
const BASELINE_ROWS = DESKS * TICKET_PUSHES * PUSH_SIZE
// 2. pull
const PULL_CUSTOMERS = 10_000 // + one phone row each
const PULL_TICKETS = 40_000 // + one timeline event each
// 3. poke
const WARMUP_ROUNDS = 5
const ROUNDS = 50
const ROUND_TIMEOUT_MS = 10_000

const T0 = performance.now()
const trace = (what: string) => {
  if (process.env.SYNC_BENCH_VERBOSE) console.error(`    ${((performance.now() - T0) / 1000).toFixed(2)} s ${what}`)
}
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec))
const perSecond = (n: number, msec: number) => Math.round((n / msec) * 1000)
const fmtInt = (n: number) => n.toLocaleString('en')
const seconds = (msec: number) => `${(msec / 1000).toFixed(2)} s`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/** Seeded, so every run writes the same rows. */
function random(seed: number) {
  let s = seed >>> 0
  const float = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(float() * items.length)]!
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('')
  return { float, int, pick, digits, chance: (p: number) => float() < p }
}
type Random = ReturnType<typeof random>
const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '')
const mobile = (r: Random) => `1${r.pick(['3', '5', '8', '9'])}${r.digits(9)}`
const areaOf = (plan: StationPlan) => (Array.isArray(plan.area) ? plan.area : [plan.station.region_code])

// ---------------------------------------------------------------------------------------------------------
// A server on loopback, as `npm run server` runs it, with rate limits far above what the bench sends.

interface BenchServer {
  url: string
  store: SqlStore
  /** A desk account for a user of the service network; returns a token. */
  account(username: string, userId: string): Promise<string>
  close(): Promise<void>
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

async function startServer(kind: StoreKind): Promise<BenchServer> {
  const { store, drop } = await freshStore(kind)
  try {
    await migrateServer(store)
    const { secret } = await seedServer(store, { adminPassword: ADMIN_PASSWORD, now: new Date() })
    const app = await buildServer({ store, secret, rateLimit: { loginPerMinute: 10_000, userPerMinute: 10_000_000 } })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    const admin = (await post<{ token: string }>(url, '/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).token
    return {
      url,
      store,
      async account(username, userId) {
        await post(url, '/admin/accounts', { username, password: DESK_PASSWORD, userId }, admin)
        return (await post<{ token: string }>(url, '/auth/login', { username, password: DESK_PASSWORD })).token
      },
      async close() {
        // Everything the bench sent has been answered. A desk that aborts its poke stream leaves its HTTP
        // client (undici) to open a fresh connection that never sends a request, and Node's server.close()
        // waits for it until the server's timeouts (about 70 s): so those are cut here.
        const closing = app.close()
        app.server.closeAllConnections()
        await closing
        await drop()
      },
    }
  } catch (e) {
    await drop()
    throw e
  }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Push throughput

interface PushDesk {
  plan: StationPlan
  userId: string
  deskCode: string
  clientId: string
  token: string
  next: number
  customers: { id: string; phone: string; contact: string }[]
  tickets: number
}

async function pushAll(url: string, desk: PushDesk, mutations: { name: string; args: unknown }[]): Promise<void> {
  const res = await post<{ lastMutationId: number; applied: number; rejected: number }>(
    url,
    '/sync/push',
    { clientId: desk.clientId, deskCode: desk.deskCode, mutations: mutations.map((m) => ({ id: desk.next++, ...m })) },
    desk.token,
  )
  if (res.applied !== mutations.length || res.lastMutationId !== desk.next - 1) throw new Error(`push of ${desk.deskCode}: ${JSON.stringify(res)}`)
}

function customerArgs(r: Random, desk: PushDesk, i: number) {
  const phone = mobile(r)
  const contact = personName(r)
  const id = randomUUID()
  desk.customers.push({ id, phone, contact })
  return {
    id,
    at: new Date().toISOString(),
    stationId: desk.plan.station.id,
    unitName: `云南${r.pick(FIRM_WORDS)}${r.pick(FIRM_TRADES)}有限公司${desk.deskCode}-${i}`,
    contactName: contact,
    phone,
    address: `${r.pick(ROADS)}${r.int(1, 399)}号`,
    regionCode: r.pick(areaOf(desk.plan)),
    zone: r.pick(['city', 'city', 'suburb', 'county'] as const),
  }
}

function ticketArgs(r: Random, desk: PushDesk, day: string) {
  const customer = r.pick(desk.customers)
  const category = r.pick(CATEGORIES)
  const channel = r.pick(['phone', 'phone', 'phone', 'web', 'email', 'walk_in'] as const)
  return {
    id: randomUUID(),
    number: formatTicketNumber({ stationCode: desk.plan.station.code, deskCode: desk.deskCode.slice(-1), localDate: day, sequence: ++desk.tickets }),
    at: new Date().toISOString(),
    customerId: customer.id,
    assetId: null,
    reporterName: customer.contact,
    reporterPhone: customer.phone,
    faultDescription: r.pick(FAULTS[category]),
    category,
    faultLevel: r.pick(['critical', 'major', 'general', 'general', 'general', 'minor'] as const),
    channel,
    serviceMode: channel === 'walk_in' ? 'carry_in' : r.pick(['onsite', 'onsite', 'phone_support', 'remote'] as const),
    cause: 'normal',
  }
}

interface PushFigures {
  customers: { n: number; msec: number }
  tickets: { n: number; msec: number }
  /** The same pushes from one desk alone: does throughput grow with the number of desks? */
  alone: { n: number; msec: number }
}

async function pushThroughput(kind: StoreKind): Promise<PushFigures> {
  const server = await startServer(kind)
  try {
    // 10 desks: the dispatcher and the manager of each of the five stations, each with its own client id
    const desks: PushDesk[] = await Promise.all(
      STATIONS.flatMap((plan) =>
        (['dispatcher', 'manager'] as const).map(async (role, k) => {
          const userId = `${plan.station.id}-${role}`
          return { plan, userId, deskCode: `${plan.station.code}${k + 1}`, clientId: randomUUID(), token: await server.account(`bench-${userId}`, userId), next: 1, customers: [], tickets: 0 }
        }),
      ),
    )
    const r = random(4)
    const run = async (from: PushDesk[], pushes: number, make: (d: PushDesk, i: number) => { name: string; args: unknown }) => {
      // the arguments are made before the clock starts: a desk has them in its outbox
      const batches = from.map((d) => Array.from({ length: pushes }, (_, p) => Array.from({ length: PUSH_SIZE }, (_, i) => make(d, p * PUSH_SIZE + i))))
      const t = performance.now()
      await Promise.all(
        from.map(async (d, k) => {
          for (const batch of batches[k]!) await pushAll(server.url, d, batch)
        }),
      )
      return { n: from.length * pushes * PUSH_SIZE, msec: performance.now() - t }
    }
    // customers first (they are what the tickets are for); this also warms up the server and its pool
    const customers = await run(desks, CUSTOMER_PUSHES, (d, i) => ({ name: 'customer.create', args: customerArgs(r, d, i) }))
    const day = new Date().toISOString().slice(0, 10)
    const ticket = (d: PushDesk) => ({ name: 'ticket.create', args: ticketArgs(r, d, day) })
    const tickets = await run(desks, TICKET_PUSHES, ticket)
    const alone = await run(desks.slice(0, 1), 4, ticket)
    const counts = one(
      await server.store.query<{ t: number; e: number; c: number }>(
        'SELECT (SELECT count(*)::int FROM tickets) t, (SELECT count(*)::int FROM ticket_events) e, (SELECT count(*)::int FROM customers) c',
      ),
    )
    const ticketsMade = tickets.n + alone.n
    if (counts.t !== ticketsMade || counts.e !== ticketsMade || counts.c !== customers.n) throw new Error(`push wrote ${JSON.stringify(counts)}`)
    return { customers, tickets, alone }
  } finally {
    await server.close()
  }
}

/** A ticket row as ticket.create writes it (all columns, server bookkeeping included). */
function ticketRow(i: number, version: number): Record<string, unknown> {
  const at = new Date(Date.now() - i * 1000).toISOString()
  const row: TicketRow = {
    id: randomUUID(),
    station_id: 'st-wh',
    number: `BASE-${i}`,
    customer_id: 'st-wh-cus-0001',
    asset_id: null,
    contract_id: null,
    channel: 'phone',
    reporter_name: '王老师',
    reporter_phone: '13912345678',
    fault_description: '打印机卡纸，进纸时有异响',
    category: 'printer',
    fault_level: 'general',
    service_mode: 'onsite',
    status: 'new',
    assignee_id: null,
    assigned_by: null,
    assigned_desk: null,
    appointment_start: null,
    appointment_end: null,
    helper_ids: [],
    accepted_at: null,
    departed_at: null,
    created_by: 'st-wh-dispatcher',
    created_at: at,
    updated_at: at,
    closed_at: null,
    rules_version: 1,
    service_level: 'none',
    zone: 'city',
    escalation_step: 2,
    responded_at: null,
    arrived_at: null,
    resolved_at: null,
    recheck_due: null,
    warranty: null,
    next_due: null,
  }
  row.next_due = nextDue(RULES_PRESET, ticketFacts(row, []))
  return { ...row, row_version: version }
}

/**
 * The floor: the same ticket-shaped rows, one parameterised INSERT each (autocommit), from 10 connections
 * at once. `withEvent`: a ticket and its timeline event in one transaction each (what one ticket.create stores).
 */
async function insertLoop(kind: StoreKind, withEvent: boolean, connections = DESKS): Promise<{ n: number; msec: number }> {
  const { store, url, drop } = await freshStore(kind)
  const clients: pg.Client[] = []
  try {
    await migrateServer(store)
    const cols = Object.keys(ticketRow(0, 1))
    const insert = `INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((c, i) => `$${i + 1}${c === 'warranty' || c === 'helper_ids' ? '::jsonb' : ''}`).join(', ')})`
    const insertEvent = 'INSERT INTO ticket_events (id, ticket_id, station_id, at, kind, actor_id, data, row_version) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)'
    type Q = { query(sql: string, params?: unknown[]): Promise<unknown> }
    // PGlite has one connection: the 10 loops take turns on it
    const conns: Q[] =
      kind === 'postgres'
        ? await Promise.all(Array.from({ length: connections }, async () => {
            const c = new pg.Client({ connectionString: url! })
            clients.push(c)
            await c.connect()
            return c
          }))
        : Array.from({ length: connections }, () => ({ query: (sql: string, params?: unknown[]) => store.query(sql, params) }))
    const loop = async (c: Q, k: number, n: number, offset: number) => {
      for (let i = 0; i < n; i++) {
        const row = ticketRow(offset + k * n + i, 2)
        const params = cols.map((col) => (col === 'helper_ids' ? JSON.stringify(row[col]) : row[col]))
        if (!withEvent) {
          await c.query(insert, params)
          continue
        }
        const event = [`${row.id}:created`, row.id, 'st-wh', row.created_at, 'created', 'st-wh-dispatcher', JSON.stringify({ channel: 'phone', serviceMode: 'onsite', faultLevel: 'general' }), 2]
        if (kind === 'pglite') {
          await store.transaction(async (q) => {
            await q.query(insert, params)
            await q.query(insertEvent, event)
          })
        } else {
          await c.query('BEGIN')
          await c.query(insert, params)
          await c.query(insertEvent, event)
          await c.query('COMMIT')
        }
      }
    }
    const per = BASELINE_ROWS / connections
    await Promise.all(conns.map((c, k) => loop(c, k, 20, 0))) // warm-up
    const t = performance.now()
    await Promise.all(conns.map((c, k) => loop(c, k, per, 1_000_000)))
    return { n: BASELINE_ROWS, msec: performance.now() - t }
  } finally {
    await Promise.all(clients.map((c) => c.end()))
    await drop()
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. Initial pull

interface StationData {
  customers: CustomerRow[]
  phones: CustomerPhoneRow[]
  tickets: TicketRow[]
  events: TicketEventRow[]
}

/** 昆明五华站 with 10,000 customers and 40,000 tickets of the past three years (about 3 % open). */
function stationData(): StationData {
  const r = random(7)
  const plan = STATIONS.find((p) => p.station.code === 'WH')!
  const st = plan.station
  const nowMs = Date.now()
  const data: StationData = { customers: [], phones: [], tickets: [], events: [] }
  for (let i = 0; i < PULL_CUSTOMERS; i++) {
    const c: CustomerRow = {
      id: `bench-wh-cus-${String(i + 1).padStart(5, '0')}`,
      station_id: st.id,
      unit_name: `云南${r.pick(FIRM_WORDS)}${r.pick(FIRM_TRADES)}有限公司（${i + 1}）`,
      contacts: [{ name: personName(r), phone: mobile(r) }],
      address: `昆明市五华区${r.pick(ROADS)}${r.int(1, 399)}号`,
      region_code: r.pick(areaOf(plan)),
      zone: r.pick(['city', 'city', 'city', 'suburb', 'county'] as const),
      lat: Math.round((st.lat + (r.float() - 0.5) * 0.2) * 1e5) / 1e5,
      lng: Math.round((st.lng + (r.float() - 0.5) * 0.2) * 1e5) / 1e5,
      key_account: r.chance(0.08) ? 1 : 0,
      created_at: new Date(nowMs - r.int(800, 1500) * 86_400_000).toISOString(),
    }
    data.customers.push(c)
    data.phones.push({ id: `${c.id}:${c.contacts[0]!.phone}`, customer_id: c.id, phone: c.contacts[0]!.phone })
  }
  const engineers = Array.from({ length: plan.engineers }, (_, i) => `${st.id}-eng-${String(i + 1).padStart(2, '0')}`)
  // the verdict a ticket keeps for the device it is about (one per category: they are all alike in size)
  const warranties = new Map<Category, WarrantyVerdict>(
    CATEGORIES.filter((c) => c !== 'software').map((category) => {
      const make = BRANDS[category][0]!
      const asset: AssetRow = { id: 'a', customer_id: 'c', station_id: st.id, serial: 'SN00000000', brand: make.brand, model: make.models[0]!, category, invoice_date: '2025-03-01', factory_month: null }
      return [category, assetVerdict(RULES_PRESET, asset, '2026-11-20', 'normal')] as const
    }),
  )
  const sequences = new Map<string, number>()
  for (let k = 0; k < PULL_TICKETS; k++) {
    const open = k >= PULL_TICKETS * 0.97
    const customer = data.customers[r.int(0, data.customers.length - 1)]!
    const category: Category = r.pick(CATEGORIES)
    const status: TicketStatus = open ? r.pick(['new', 'new', 'assigned', 'accepted', 'en_route', 'on_site'] as const) : r.chance(0.97) ? 'closed' : 'cancelled'
    // history spread evenly over three years, in creation order
    const createdMs = open ? nowMs - r.int(5, 300) * 60_000 : nowMs - 3 * 365 * 86_400_000 + Math.floor((k / PULL_TICKETS) * 3 * 365 * 86_400_000)
    const created = new Date(createdMs).toISOString()
    const day = new Date(createdMs + 8 * 3_600_000).toISOString().slice(0, 10)
    const seq = (sequences.get(day) ?? 0) + 1
    sequences.set(day, seq)
    const channel: Channel = r.pick(['phone', 'phone', 'phone', 'web', 'email', 'fax', 'walk_in'] as const)
    const mode: ServiceMode = channel === 'walk_in' ? 'carry_in' : r.pick(['onsite', 'onsite', 'onsite', 'phone_support', 'remote'] as const)
    const faultLevel: FaultLevel = r.pick(['critical', 'major', 'general', 'general', 'general', 'minor'] as const)
    const engineer = status === 'new' || status === 'cancelled' ? null : r.pick(engineers)
    const closed = status === 'closed' || status === 'cancelled'
    const at = (minutes: number) => new Date(createdMs + minutes * 60_000).toISOString()
    const id = `bench-wh-tk-${String(k + 1).padStart(6, '0')}`
    const t: TicketRow = {
      id,
      station_id: st.id,
      number: formatTicketNumber({ stationCode: st.code, deskCode: '0', localDate: day, sequence: seq }),
      customer_id: customer.id,
      asset_id: null,
      contract_id: null,
      channel,
      reporter_name: customer.contacts[0]!.name,
      reporter_phone: customer.contacts[0]!.phone,
      fault_description: r.pick(FAULTS[category]),
      category,
      fault_level: faultLevel,
      service_mode: mode,
      status,
      assignee_id: engineer,
      assigned_by: engineer ? `${st.id}-dispatcher` : null,
      assigned_desk: engineer ? `${st.code}0` : null,
      appointment_start: engineer ? at(60) : null,
      appointment_end: engineer ? at(180) : null,
      helper_ids: [],
      accepted_at: null,
      departed_at: null,
      created_by: `${st.id}-dispatcher`,
      created_at: created,
      updated_at: closed ? at(2000) : created,
      closed_at: closed ? at(2000) : null,
      rules_version: 1,
      service_level: 'none',
      zone: customer.zone,
      escalation_step: initialStep(mode),
      responded_at: status === 'new' ? null : at(8),
      arrived_at: status === 'closed' ? at(95) : null,
      resolved_at: status === 'closed' ? at(240) : null,
      recheck_due: null,
      warranty: warranties.get(category) ?? null,
      next_due: null,
    }
    if (open) t.next_due = nextDue(RULES_PRESET, ticketFacts(t, []))
    data.tickets.push(t)
    data.events.push({ id: `${id}:created`, ticket_id: id, station_id: st.id, at: created, kind: 'created', actor_id: t.created_by, data: { channel, serviceMode: mode, faultLevel } })
  }
  return data
}

/** Writes the rows at one new version, a few thousand per statement. */
async function seedStation(store: SqlStore, data: StationData): Promise<void> {
  await store.transaction(async (q) => {
    const { value: version } = one(await q.query<{ value: number }>('UPDATE sync_version SET value = value + 1 WHERE id = 1 RETURNING value'))
    const tables: [string, object[]][] = [
      ['customers', data.customers],
      ['customer_phones', data.phones],
      ['tickets', data.tickets],
      ['ticket_events', data.events],
    ]
    for (const [name, rows] of tables) {
      for (let i = 0; i < rows.length; i += 2_000) {
        const batch = rows.slice(i, i + 2_000).map((row) => ({ ...row, row_version: version }))
        await q.query(`INSERT INTO ${name} SELECT * FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb)`, [JSON.stringify(batch)])
      }
    }
  })
  await store.exec('ANALYZE')
}

interface PullFigures {
  rows: number
  seedMs: number
  totalMs: number
  syncMs: number
  loginMs: number
  /** The first pull (cursor 0) as the desk sent it. */
  pullFirstByteMs: number
  pullBodyMs: number
  bytes: number
  parseMs: number
  zodMs: number
  /** The server's pullChanges alone (queries + row decoding), in the server process. */
  serverQueryMs: number
  serializeMs: number
  applyMs: number
  counts: Record<string, number>
}

async function initialPull(kind: StoreKind): Promise<PullFigures> {
  const server = await startServer(kind)
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-pull-'))
  let desk: Desk | undefined
  try {
    trace('pull: server up')
    const data = stationData()
    trace('pull: data made')
    const rows = data.customers.length + data.phones.length + data.tickets.length + data.events.length
    let t = performance.now()
    await seedStation(server.store, data)
    const seedMs = performance.now() - t
    trace('pull: seeded')
    await server.account('bench-wh', 'st-wh-dispatcher')

    // The desk's HTTP calls, timed; the first pull's body is kept to profile its parsing afterwards.
    const marks: { login?: number; pullStart?: number; pullHeaders?: number; pullEnd?: number; body?: ArrayBuffer } = {}
    const timedFetch: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname
      const start = performance.now()
      const res = await fetch(input, init)
      if (path === '/auth/login') marks.login = performance.now() - start
      if (path !== '/sync/pull' || marks.body) return res
      marks.pullStart = start
      marks.pullHeaders = performance.now()
      const body = await res.arrayBuffer()
      marks.pullEnd = performance.now()
      marks.body = body
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
    }

    t = performance.now()
    desk = await openDesk({ dataDir: dir, demo: false, stationCode: 'WH', deskCode: '7', serverUrl: server.url, credentials: { username: 'bench-wh', password: DESK_PASSWORD }, fetch: timedFetch })
    const openedAt = performance.now()
    trace('pull: desk opened')
    await desk.sync()
    const totalMs = performance.now() - t
    const syncMs = performance.now() - openedAt

    const sqlite = new Database(join(dir, 'desk.sqlite'), { readonly: true })
    const counts: Record<string, number> = {}
    for (const name of ['customers', 'customer_phones', 'tickets', 'ticket_events']) {
      counts[name] = (sqlite.prepare(`SELECT count(*) n FROM ${name}`).get() as { n: number }).n
    }
    sqlite.close()
    const expected = { customers: data.customers.length, customer_phones: data.phones.length, tickets: data.tickets.length, ticket_events: data.events.length }
    for (const [name, n] of Object.entries(expected)) if (counts[name] !== n) throw new Error(`desk holds ${counts[name]} ${name}, expected ${n}`)
    trace('pull: counted')
    desk.close()
    desk = undefined
    trace('pull: desk closed')

    // Where the time went: the same work again, piece by piece.
    const body = marks.body!
    t = performance.now()
    const json = JSON.parse(new TextDecoder().decode(body)) as unknown
    const parseMs = performance.now() - t
    t = performance.now()
    if (!PullResponse.safeParse(json).success) throw new Error('pull answer does not parse')
    const zodMs = performance.now() - t
    t = performance.now()
    const pulled = await pullChanges(server.store, { userId: 'st-wh-dispatcher', role: 'dispatcher', stationId: 'st-wh' }, { clientId: randomUUID(), cursor: 0 })
    const serverQueryMs = performance.now() - t
    t = performance.now()
    JSON.stringify(pulled)
    const serializeMs = performance.now() - t
    const pullEnd = marks.pullEnd!
    // openDesk returns once the first pull is applied; what follows the body's arrival is parsing and the rebase
    trace('pull: profiled')
    const applyMs = openedAt - pullEnd - parseMs - zodMs
    return {
      rows,
      seedMs,
      totalMs,
      syncMs,
      loginMs: marks.login ?? NaN,
      pullFirstByteMs: marks.pullHeaders! - marks.pullStart!,
      pullBodyMs: pullEnd - marks.pullHeaders!,
      bytes: body.byteLength,
      parseMs,
      zodMs,
      serverQueryMs,
      serializeMs,
      applyMs,
      counts,
    }
  } finally {
    desk?.close()
    await server.close()
    trace('pull: server closed')
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Propagation through a poke

interface PokeFigures {
  samples: number[]
}

async function propagation(kind: StoreKind): Promise<PokeFigures> {
  const server = await startServer(kind)
  const dirs = [mkdtempSync(join(tmpdir(), 'sync-bench-a-')), mkdtempSync(join(tmpdir(), 'sync-bench-b-'))]
  const desks: Desk[] = []
  try {
    await server.account('bench-wh-a', 'st-wh-dispatcher')
    await server.account('bench-wh-b', 'st-wh-manager')
    const open = (dir: string, deskCode: string, username: string) =>
      openDesk({ dataDir: dir, demo: false, stationCode: 'WH', deskCode, serverUrl: server.url, credentials: { username, password: DESK_PASSWORD } })
    trace('poke: accounts')
    const a = await open(dirs[0]!, '1', 'bench-wh-a')
    desks.push(a)
    const b = await open(dirs[1]!, '2', 'bench-wh-b')
    desks.push(b)
    const { id: customerId } = await a.call('customer.create', {
      stationId: 'st-wh',
      unitName: '五华区人民医院信息科',
      contactName: '王老师',
      phone: '13912345678',
      address: '昆明市五华区人民中路 1 号',
      regionCode: '530102',
      zone: 'city',
    })
    await a.sync()
    await b.sync()
    trace('poke: desks ready')

    // B is told by the server: no sync() calls on B from here on.
    let waiting: { id: string; resolve: (t: number) => void } | null = null
    b.on('data.changed', () => {
      const at = performance.now()
      const w = waiting
      if (!w) return
      void b.call('tickets.get', { id: w.id }).then(
        () => {
          if (waiting === w) {
            waiting = null
            w.resolve(at)
          }
        },
        () => undefined, // not there yet: a later change brings it
      )
    })
    const samples: number[] = []
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      let resolve!: (t: number) => void
      const seen = new Promise<number>((r) => (resolve = r))
      const created = await a.call('ticket.create', {
        customerId,
        reporterPhone: '13912345678',
        faultDescription: `打印机卡纸（第 ${round + 1} 次）`,
        category: 'printer',
        faultLevel: 'general',
        channel: 'phone',
        serviceMode: 'onsite',
      })
      const t0 = performance.now()
      waiting = { id: created.id, resolve }
      // (A's push has not left yet: the desk kicks its sync after the call returned)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<number>((r) => (timer = setTimeout(() => r(NaN), ROUND_TIMEOUT_MS)))
      const t1 = await Promise.race([seen, timeout])
      clearTimeout(timer)
      if (Number.isNaN(t1)) throw new Error(`round ${round + 1}: B did not see the ticket within ${ROUND_TIMEOUT_MS} ms`)
      if (round >= WARMUP_ROUNDS) samples.push(t1 - t0)
      // a dispatcher's next change comes later: let A finish its own pull after the poke
      await sleep(100)
    }
    trace('poke: rounds done')
    return { samples: samples.sort((x, y) => x - y) }
  } finally {
    for (const d of desks) d.close()
    trace('poke: desks closed')
    await server.close()
    trace('poke: server closed')
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------

async function postgresVersion(): Promise<string> {
  const { store, drop } = await freshStore('postgres')
  try {
    const { v } = one(await store.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
    const { s } = one(await store.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))
    return `PostgreSQL ${v} (synchronous_commit=${s})`
  } finally {
    await drop()
  }
}

async function benchKind(kind: StoreKind): Promise<{ header: string; rows: (string | number)[][] }> {
  const label = kind === 'postgres' ? await postgresVersion() : 'PGlite (in-memory, one connection)'
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now()
    const out = await fn()
    if (process.env.SYNC_BENCH_VERBOSE) console.error(`  ${kind} ${name}: ${seconds(performance.now() - t)}`)
    return out
  }
  // SYNC_BENCH_ONLY=push,pull,poke runs some of the measurements (while working on one)
  const only = process.env.SYNC_BENCH_ONLY?.split(',')
  const wanted = (name: string) => !only || only.includes(name)
  const rows: (string | number)[][] = []
  if (wanted('push')) {
    const push = await phase('push', () => pushThroughput(kind))
    const plain = await phase('insert loop', () => insertLoop(kind, false))
    const pair = await phase('ticket+event loop', () => insertLoop(kind, true))
    const single = await phase('insert loop, one connection', () => insertLoop(kind, false, 1))
    const singleRate = perSecond(single.n, single.msec)
    const pushRate = perSecond(push.tickets.n, push.tickets.msec)
    const plainRate = perSecond(plain.n, plain.msec)
    const pairRate = perSecond(pair.n, pair.msec)
    rows.push(
      [`push: ticket.create, ${DESKS} desks × ${TICKET_PUSHES} pushes × ${PUSH_SIZE} (n=${fmtInt(push.tickets.n)})`, `${fmtInt(pushRate)} mut/s`, ''],
      [`baseline: plain INSERT of the ticket row, ${DESKS} connections, autocommit (n=${fmtInt(plain.n)})`, `${fmtInt(plainRate)} rows/s`, 'floor'],
      ['ratio push / plain INSERT loops', `${Math.round((pushRate / plainRate) * 100)} %`, '≥ 50 %'],
      [`baseline: plain INSERT of the ticket row, one loop on one connection, autocommit (n=${fmtInt(single.n)})`, `${fmtInt(singleRate)} rows/s`, 'floor'],
      ['ratio push / one plain INSERT loop', `${Math.round((pushRate / singleRate) * 100)} %`, '≥ 50 %'],
      [`  for reference: ticket + timeline event, one transaction each, ${DESKS} connections`, `${fmtInt(pairRate)} tx/s`, ''],
      [`  push: ticket.create from 1 desk alone (n=${fmtInt(push.alone.n)})`, `${fmtInt(perSecond(push.alone.n, push.alone.msec))} mut/s`, ''],
      [`  push: customer.create, ${DESKS} desks (warm-up, n=${fmtInt(push.customers.n)})`, `${fmtInt(perSecond(push.customers.n, push.customers.msec))} mut/s`, ''],
    )
  }
  if (wanted('pull')) {
    const pull = await phase('pull', () => initialPull(kind))
    rows.push(
      [`initial pull: ${fmtInt(pull.rows)} station rows into an empty desk (openDesk + sync)`, seconds(pull.totalMs), '< 10 s'],
      ['  desk: login (scrypt on the server)', ms(pull.loginMs), ''],
      ['  server: pull queries and row decoding (pullChanges)', ms(pull.serverQueryMs), ''],
      ['  server: JSON serialisation of the answer', ms(pull.serializeMs), ''],
      ['  pull request to first byte (queries + serialisation)', ms(pull.pullFirstByteMs), ''],
      [`  answer body: ${mib(pull.bytes)} over loopback`, ms(pull.pullBodyMs), ''],
      ['  desk: JSON.parse of the answer', ms(pull.parseMs), ''],
      ['  desk: zod check of the answer (PullResponse)', ms(pull.zodMs), ''],
      ['  desk: rebase (reset, write every row to SQLite, commit)', ms(pull.applyMs), ''],
      ['  desk.sync() after openDesk (a second, empty cycle)', ms(pull.syncMs), ''],
      [`  (seeding the server: ${fmtInt(pull.rows)} rows in batches of 2,000, untimed)`, seconds(pull.seedMs), ''],
    )
  }
  if (wanted('poke')) {
    const poke = await phase('poke', () => propagation(kind))
    const p = (q: number) => percentile(poke.samples, q)
    rows.push(
      [`poke: A's ticket.create → B's data.changed with the ticket, p50 (n=${poke.samples.length})`, ms(p(50)), ''],
      ['poke: same, p95', ms(p(95)), 'p95 < 1 s'],
      ['poke: same, max', ms(poke.samples[poke.samples.length - 1]!), ''],
    )
  }
  return { header: label, rows }
}

export async function syncBench(): Promise<string> {
  const kinds: StoreKind[] = []
  if (await postgresAvailable()) kinds.push('postgres')
  else console.error('sync bench: PostgreSQL is not reachable; its figures are missing')
  if (process.env.SYNC_BENCH_PGLITE !== '0') kinds.push('pglite')
  const out: string[] = [
    'sync server in this process on loopback HTTP (Fastify), a fresh database per measurement; desks are real desk cores (better-sqlite3)',
  ]
  for (const kind of kinds) {
    const { header, rows } = await benchKind(kind)
    out.push('', header, table([['measure', 'figure', 'goal'], ...rows]))
  }
  return out.join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t = performance.now()
  console.log(await syncBench())
  console.log(`\n(${((performance.now() - t) / 1000).toFixed(1)} s)`)
}
