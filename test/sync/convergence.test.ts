// The convergence property: several desks make random changes while their links drop, answers are
// lost, pushes arrive twice and out of order, and the server restarts; once the links return, every
// desk holds exactly what the server holds for it, and every change ever made was either applied or
// is listed as rejected with a reason.
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Desk } from '../../electron/desk'
import { DeskError } from '../../shared/api/errors'
import { JSON_COLUMNS, TABLE_NAMES, type TableName } from '../../shared/mutators'
import { postgresAvailable } from '../server/helpers'
import { TestNetwork, customerAndTicket, startSyncServer, syncedDesk, type SyncServer } from './helpers'

const KINDS = ['pglite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])] as const
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 8)

/** The desks of a run: three at 昆明五华站 (one a clerk, whose desk work the server refuses), one at 曲靖站. */
const DESKS = [
  { username: 'zhangli', userId: 'st-wh-dispatcher', stationCode: 'WH', deskCode: '1' },
  { username: 'yangjh', userId: 'st-wh-manager', stationCode: 'WH', deskCode: '2' },
  { username: 'lixm', userId: 'st-wh-clerk', stationCode: 'WH', deskCode: '3' },
  { username: 'lina', userId: 'st-qj-dispatcher', stationCode: 'QJ', deskCode: '1' },
] as const

type Action =
  | { kind: 'ticket'; desk: number; level: 'critical' | 'major' | 'general' | 'minor' }
  | { kind: 'assign'; desk: number; pick: number; engineer: number }
  | { kind: 'pause' | 'resume' | 'respond' | 'resolve'; desk: number; pick: number }
  | { kind: 'level'; desk: number; pick: number; level: 'critical' | 'major' | 'general' | 'minor' }
  | { kind: 'link'; desk: number; online: boolean }
  | { kind: 'loseAnswer'; desk: number }
  | { kind: 'sync'; desk: number }
  | { kind: 'replayPushes'; desk: number; reversed: boolean }
  | { kind: 'restartMidPush'; desk: number }

const desk = fc.integer({ min: 0, max: DESKS.length - 1 })
const pick = fc.nat(50)
const level = fc.constantFrom('critical', 'major', 'general', 'minor' as const)
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('ticket' as const), desk, level }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('assign' as const), desk, pick, engineer: fc.nat(9) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom('pause', 'resume', 'respond', 'resolve' as const), desk, pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('level' as const), desk, pick, level }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('link' as const), desk, online: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('loseAnswer' as const), desk }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), desk }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('replayPushes' as const), desk, reversed: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('restartMidPush' as const), desk }), weight: 1 },
)

interface Rig {
  server: SyncServer
  desks: Desk[]
  nets: TestNetwork[]
  /** Mutations each desk made (local calls that succeeded): ids 1..n on its client. */
  made: number[]
}

async function setUp(kind: 'pglite' | 'postgres'): Promise<Rig> {
  const server = await startSyncServer(kind)
  for (const d of DESKS) await server.account(d.username, d.userId)
  const nets = DESKS.map(() => new TestNetwork())
  const desks: Desk[] = []
  for (const [i, d] of DESKS.entries()) desks.push(await syncedDesk(server, { username: d.username, stationCode: d.stationCode, deskCode: d.deskCode, net: nets[i] }))
  const made = DESKS.map(() => 0)
  await customerAndTicket(desks[0]!)
  made[0]! += 2
  await desks[0]!.sync()
  return { server, desks, nets, made }
}

async function ticketIds(d: Desk): Promise<{ id: string; assigneeId: string | null }[]> {
  return (await d.call('tickets.list', { statuses: ['new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated'], limit: 60 })).rows.map((r) => ({
    id: r.id,
    assigneeId: (r as { assigneeId?: string | null }).assigneeId ?? null,
  }))
}

/**
 * The test's own requests (the proxy of replayPushes, the server view), which like any proxy and the
 * desk's own link send again when a kept-alive connection was closed by a server restart (regression 3).
 */
async function proxySend(p: { url: string; init: RequestInit }): Promise<Response> {
  try {
    return await fetch(p.url, p.init)
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw e
    return fetch(p.url, p.init)
  }
}

async function perform(rig: Rig, a: Action): Promise<void> {
  const d = rig.desks[a.desk]!
  const net = rig.nets[a.desk]!
  const station = DESKS[a.desk]!.stationCode.toLowerCase()
  const mutate = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      rig.made[a.desk]!++
    } catch (e) {
      // refused here already (nothing entered the outbox): a local rule, e.g. resume of a running clock
      if (!(e instanceof DeskError)) throw e
    }
  }
  const ticketAt = async (n: number) => {
    const ts = await ticketIds(d)
    return ts.length ? ts[n % ts.length]! : null
  }
  switch (a.kind) {
    case 'ticket': {
      const customers = await d.call('customers.lookup', { text: '139' })
      const customer = customers.find((c) => c.stationName.length > 0)
      if (!customer) return mutate(() => customerAndTicket(d, `${DESKS[a.desk]!.stationCode} 单位 ${rig.made[a.desk]}`).then(() => rig.made[a.desk]!++))
      return mutate(() =>
        d.call('ticket.create', { customerId: customer.id, reporterPhone: '13912345678', faultDescription: '随机故障', category: 'desktop', faultLevel: a.level, channel: 'phone', serviceMode: 'onsite' }),
      )
    }
    case 'assign': {
      const t = await ticketAt(a.pick)
      if (!t) return
      const engineerId = `st-${station}-eng-${String((a.engineer % 7) + 1).padStart(2, '0')}`
      return mutate(() => d.call('ticket.assign', { ticketId: t.id, engineerId, expectedAssigneeId: t.assigneeId }))
    }
    case 'pause':
    case 'resume':
    case 'respond':
    case 'resolve': {
      const t = await ticketAt(a.pick)
      if (!t) return
      if (a.kind === 'pause') return mutate(() => d.call('ticket.pause', { ticketId: t.id, reason: 'customer' }))
      if (a.kind === 'resume') return mutate(() => d.call('ticket.resume', { ticketId: t.id }))
      if (a.kind === 'respond') return mutate(() => d.call('ticket.respond', { ticketId: t.id }))
      return mutate(() => d.call('ticket.resolve', { ticketId: t.id, method: 'onsite' }))
    }
    case 'level': {
      const t = await ticketAt(a.pick)
      if (!t) return
      return mutate(() => d.call('ticket.setFaultLevel', { ticketId: t.id, faultLevel: a.level }))
    }
    case 'link':
      net.online = a.online
      return
    case 'loseAnswer':
      net.loseAnswers++
      await d.call('sync.now', {})
      return
    case 'sync':
      await d.call('sync.now', {})
      return
    case 'replayPushes': {
      // a proxy sends this desk's earlier pushes again, maybe in reverse: skipped or refused as a gap, never applied twice
      const pushes = [...net.pushes.slice(-4)]
      if (a.reversed) pushes.reverse()
      for (const p of pushes) {
        const res = await proxySend(p)
        expect([200, 409, 429]).toContain(res.status)
      }
      return
    }
    case 'restartMidPush': {
      const inFlight = d.call('sync.now', {})
      await rig.server.restart()
      await inFlight
      return
    }
  }
}

/** A table's rows as a desk holds them, or as the server gives them to that desk's account. */
function canonical(table: TableName, rows: Record<string, unknown>[]): string[] {
  const json = new Set<string>((JSON_COLUMNS[table] as readonly string[] | undefined) ?? [])
  return rows
    .map((r) => {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(r).sort()) {
        if (k === 'fault_rank' || k === 'row_version') continue
        out[k] = json.has(k) && typeof r[k] === 'string' ? JSON.parse(r[k] as string) : r[k]
      }
      return JSON.stringify(out)
    })
    .sort()
}

async function serverView(server: SyncServer, username: string): Promise<Record<string, Record<string, unknown>[]>> {
  const login = await proxySend({ url: `${server.url}/auth/login`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'desk-password-1' }) } })
  const { token } = (await login.json()) as { token: string }
  const res = await proxySend({
    url: `${server.url}/sync/pull`,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: '00000000-0000-4000-8000-000000000000', cursor: 0 }),
    },
  })
  return ((await res.json()) as { changes: Record<string, Record<string, unknown>[]> }).changes
}

async function checkConverged(rig: Rig): Promise<void> {
  for (const n of rig.nets) {
    n.online = true
    n.loseAnswers = 0
  }
  for (let round = 0; round < 2; round++) for (const d of rig.desks) await d.sync()
  for (const [i, d] of rig.desks.entries()) {
    const view = await serverView(rig.server, DESKS[i]!.username)
    const db = new Database(join(d.dataDir, 'desk.sqlite'), { readonly: true })
    try {
      for (const table of TABLE_NAMES) {
        const local = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]
        expect(canonical(table, local), `${DESKS[i]!.username}: ${table}`).toEqual(canonical(table, view[table] ?? []))
      }
      // every mutation made here was applied or is listed as rejected, with its reason, on both sides
      expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0)
      const [client] = await rig.server.store.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM clients WHERE client_id = $1', [d.identity.clientId])
      expect(Number(client?.last_mutation_id ?? 0), `${DESKS[i]!.username}: mutations on the server`).toBe(rig.made[i])
      const serverRejected = await rig.server.store.query<{ mutation_id: number; message: string }>(
        'SELECT mutation_id, message FROM rejections WHERE client_id = $1 ORDER BY mutation_id',
        [d.identity.clientId],
      )
      const deskRejected = db.prepare('SELECT mutation_id, message FROM sync_rejections ORDER BY mutation_id').all() as { mutation_id: number; message: string }[]
      expect(deskRejected).toEqual(serverRejected.map((r) => ({ mutation_id: Number(r.mutation_id), message: r.message })))
      for (const r of deskRejected) expect(r.message).toMatch(/[\u4e00-\u9fff]/)
      if (DESKS[i]!.username === 'lixm') expect(deskRejected.length).toBe(rig.made[i])
    } finally {
      db.close()
    }
  }
}

/**
 * Runs that failed once, kept as fixed cases (each described at its place). 1: after a server restart the desk's next request went out
 * on a kept-alive connection the old server had closed (UND_ERR_SOCKET) and the desk stayed offline
 * until its backoff ran out; the link now retries such a request once.
 */
const REGRESSIONS: Action[][] = [
  [
    { kind: 'ticket', desk: 1, level: 'critical' },
    { kind: 'assign', desk: 2, pick: 45, engineer: 7 },
    { kind: 'assign', desk: 0, pick: 36, engineer: 0 },
    { kind: 'loseAnswer', desk: 1 },
    { kind: 'link', desk: 1, online: false },
    { kind: 'link', desk: 3, online: false },
    { kind: 'assign', desk: 1, pick: 3, engineer: 2 },
    { kind: 'replayPushes', desk: 1, reversed: false },
    { kind: 'restartMidPush', desk: 3 },
  ],
  // 2: a proxy sent a desk's first push again while the first was still being applied: both found no
  // client row and both inserted one; the second failed with 500. The row is now made with ON CONFLICT.
  [
    { kind: 'ticket', desk: 3, level: 'general' },
    { kind: 'link', desk: 0, online: true },
    { kind: 'ticket', desk: 2, level: 'critical' },
    { kind: 'level', desk: 2, pick: 15, level: 'major' },
    { kind: 'replayPushes', desk: 3, reversed: false },
    { kind: 'link', desk: 1, online: false },
    { kind: 'ticket', desk: 0, level: 'major' },
    { kind: 'respond', desk: 3, pick: 40 },
    { kind: 'assign', desk: 3, pick: 37, engineer: 0 },
    { kind: 'respond', desk: 0, pick: 29 },
    { kind: 'restartMidPush', desk: 3 },
    { kind: 'replayPushes', desk: 1, reversed: false },
    { kind: 'resolve', desk: 0, pick: 50 },
    { kind: 'assign', desk: 3, pick: 35, engineer: 1 },
    { kind: 'respond', desk: 3, pick: 7 },
  ],
  // 3: the test's own proxy replayed pushes right after a server restart on a kept-alive connection
  // the old server had closed ("other side closed"): the proxy now retries once, as the desk does.
  [
    { kind: 'ticket', desk: 2, level: 'major' },
    { kind: 'link', desk: 1, online: false },
    { kind: 'link', desk: 2, online: false },
    { kind: 'resume', desk: 0, pick: 7 },
    { kind: 'restartMidPush', desk: 0 },
    { kind: 'resume', desk: 0, pick: 40 },
    { kind: 'link', desk: 0, online: true },
    { kind: 'replayPushes', desk: 0, reversed: false },
    { kind: 'link', desk: 3, online: false },
    { kind: 'respond', desk: 2, pick: 49 },
    { kind: 'restartMidPush', desk: 0 },
    { kind: 'assign', desk: 1, pick: 40, engineer: 0 },
    { kind: 'restartMidPush', desk: 3 },
    { kind: 'ticket', desk: 1, level: 'minor' },
    { kind: 'link', desk: 1, online: true },
    { kind: 'assign', desk: 1, pick: 13, engineer: 2 },
    { kind: 'assign', desk: 3, pick: 26, engineer: 3 },
    { kind: 'sync', desk: 3 },
    { kind: 'resolve', desk: 3, pick: 34 },
    { kind: 'restartMidPush', desk: 2 },
    { kind: 'replayPushes', desk: 2, reversed: false },
    { kind: 'respond', desk: 2, pick: 24 },
    { kind: 'sync', desk: 0 },
    { kind: 'restartMidPush', desk: 0 },
    { kind: 'assign', desk: 2, pick: 46, engineer: 1 },
    { kind: 'pause', desk: 3, pick: 21 },
    { kind: 'level', desk: 3, pick: 9, level: 'major' },
    { kind: 'resolve', desk: 1, pick: 49 },
  ],
]

describe.each(KINDS)('convergence on %s', (kind) => {
  const rigs: Rig[] = []
  afterAll(async () => {
    for (const r of rigs) {
      for (const d of r.desks) d.close()
      await r.server.close()
    }
  })

  it(
    'every desk ends equal to the server, and every change is applied or rejected with a reason',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 15, maxLength: 45 }), async (actions) => {
          const rig = await setUp(kind)
          rigs.push(rig)
          for (const a of actions) await perform(rig, a)
          await checkConverged(rig)
          for (const d of rig.desks) d.close()
          await rig.server.close()
          rigs.splice(rigs.indexOf(rig), 1)
        }),
        { numRuns: kind === 'pglite' ? RUNS : Math.max(2, RUNS - 1), endOnFailure: true, examples: REGRESSIONS.map((r) => [r]) },
      )
    },
    600_000,
  )
})
