// 派工看板: every open ticket and every active engineer of a station, in one read. One SQL pass per
// table (open tickets with their customers, their pauses, the engineers); jobs, statuses and positions
// are put together here, and each ticket's clock comes from the fast path (runningUrgency).
// 10,000 open tickets and 500 engineers: about 170 ms on the 2-core development machine, of which
// some 90 ms is SQLite and better-sqlite3 handing over the 230,000 values (test/desk/board.test.ts
// prints the figure).
import type { BoardEngineer, BoardJob, BoardSnapshot, BoardTicket } from '../../../shared/api/boardSchemas'
import { notFound } from '../../../shared/api/errors'
import { OPEN_TICKET_STATUSES, type EngineerStatus, type Skill } from '../../../shared/domain/enums'
import { shiftEndToday } from '../../../shared/domain/shift'
import type { ClockName } from '../../../shared/domain/sla'
import { runningUrgency } from '../../../shared/domain/ticketClocks'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'
import { summaryFacts } from './ticketSummary'

// Literal, so SQLite uses the partial indexes on open tickets (the values are our own enum).
const OPEN_SQL = OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')

const KIND: Record<ClockName, NonNullable<BoardTicket['clock']>['kind']> = { respond: 'response', arrive: 'arrival', resolve: 'resolution' }

// The tickets query's columns, read as arrays (raw): the one object made per ticket is the board's.
const COLUMNS = {
  id: 't.id',
  number: 't.number',
  status: 't.status',
  faultLevel: 't.fault_level',
  category: 't.category',
  zone: 't.zone',
  serviceMode: 't.service_mode',
  lat: 'c.lat',
  lng: 'c.lng',
  customerName: 'c.unit_name',
  faultDescription: 'substr(t.fault_description, 1, 40)',
  assigneeId: 't.assignee_id',
  helperIds: 't.helper_ids',
  appointmentStart: 't.appointment_start',
  appointmentEnd: 't.appointment_end',
  nextDue: 't.next_due',
  createdAt: 't.created_at',
  // the clock facts
  serviceLevel: 't.service_level',
  rulesVersion: 't.rules_version',
  respondedAt: 't.responded_at',
  arrivedAt: 't.arrived_at',
  resolvedAt: 't.resolved_at',
} as const
type Raw = unknown[]
/** Column positions by name. */
const C = Object.fromEntries(Object.keys(COLUMNS).map((k, i) => [k, i])) as Record<keyof typeof COLUMNS, number>

interface EngineerRead {
  id: string
  name: string
  phone: string
  skills: string
  status: EngineerStatus | null
  homeLat: number | null
  homeLng: number | null
}

export function boardQueries(db: Db, rules: RulesReader, now: () => Date) {
  const station = db.prepare('SELECT id, name, lat, lng, timezone FROM stations WHERE id = ?')
  // Driven from the open-ticket urgency index (most urgent first, no sort), each customer by its key.
  const tickets = db
    .prepare(
      `SELECT ${Object.values(COLUMNS).join(', ')}
       FROM tickets t INDEXED BY tickets_open_station_urgency CROSS JOIN customers c ON c.id = t.customer_id
       WHERE t.station_id = ? AND t.status IN (${OPEN_SQL})
       ORDER BY t.next_due IS NULL, t.next_due, t.created_at DESC`,
    )
    .raw()
  const pauses = db.prepare(`
    SELECT p.ticket_id AS ticketId, p.from_at AS fromAt, p.to_at AS toAt
    FROM tickets t INDEXED BY tickets_open_station_urgency CROSS JOIN ticket_pauses p ON p.ticket_id = t.id
    WHERE t.station_id = ? AND t.status IN (${OPEN_SQL})`)
  const engineers = db.prepare(`
    SELECT id, name, phone, skills, status, home_lat AS homeLat, home_lng AS homeLng
    FROM users WHERE station_id = ? AND role = 'engineer' AND active = 1 ORDER BY name, id`)

  // Any write of this connection (the desk's only one) moves total_changes(): a kept snapshot is good while
  // it has not moved and the minute has not turned, so a clock's state in it is under a minute old (the
  // board keeps the states it has read until its next reload anyway).
  const changes = db.prepare('SELECT total_changes()').pluck()
  let kept: { key: string; snapshot: BoardSnapshot } | null = null

  function snapshot(stationId: string, at: Date): BoardSnapshot {
    const st = station.get(stationId) as BoardSnapshot['station'] | undefined
    if (!st) throw notFound()
    const nowMs = at.getTime()

    const pausesOf = new Map<string, { fromAt: string; toAt: string | null }[]>()
    for (const p of pauses.all(stationId) as { ticketId: string; fromAt: string; toAt: string | null }[]) {
      const list = pausesOf.get(p.ticketId)
      if (list) list.push(p)
      else pausesOf.set(p.ticketId, [p])
    }

    // Deadlines fall on whole minutes and repeat across tickets: each instant is formatted once.
    const isoOf = new Map<number, string>()
    const iso = (ms: number | null) => {
      if (ms === null) return null
      let s = isoOf.get(ms)
      if (s === undefined) isoOf.set(ms, (s = new Date(ms).toISOString()))
      return s
    }
    const out: BoardTicket[] = []
    // .all(), not .iterate(): the iterator's round trip into SQLite per row cost ~60 ms at 10,000 rows
    for (const r of tickets.all(stationId) as Raw[]) {
      const id = r[C.id] as string
      const rulesVersion = r[C.rulesVersion] as number | null
      let clock: BoardTicket['clock'] = null
      let arrivalDue: string | null = null
      if (rulesVersion !== null) {
        // the same clocks, and the same pick of the most urgent, as the 工单 list (stopped clocks are history, not urgency)
        const facts = summaryFacts(
          {
            createdAt: r[C.createdAt] as string,
            serviceMode: r[C.serviceMode] as string,
            serviceLevel: r[C.serviceLevel] as string,
            zone: r[C.zone] as string,
            faultLevelFact: r[C.faultLevel] as string,
            respondedAt: r[C.respondedAt] as string | null,
            arrivedAt: r[C.arrivedAt] as string | null,
            resolvedAt: r[C.resolvedAt] as string | null,
          },
          pausesOf.get(id) ?? [],
        )
        const u = runningUrgency(rules.version(rulesVersion), facts, nowMs)
        if (u.clock !== null && u.state !== 'met') clock = { kind: KIND[u.clock], state: u.state, dueAt: iso(u.dueAt) }
        arrivalDue = iso(u.arrivalDue)
      }
      const helpers = r[C.helperIds] as string
      out.push({
        id,
        number: r[C.number] as string,
        status: r[C.status] as BoardTicket['status'],
        faultLevel: r[C.faultLevel] as BoardTicket['faultLevel'],
        category: r[C.category] as BoardTicket['category'],
        zone: r[C.zone] as BoardTicket['zone'],
        serviceMode: r[C.serviceMode] as BoardTicket['serviceMode'],
        lat: r[C.lat] as number | null,
        lng: r[C.lng] as number | null,
        customerName: r[C.customerName] as string,
        faultDescription: r[C.faultDescription] as string,
        assigneeId: r[C.assigneeId] as string | null,
        helperIds: helpers === '[]' ? [] : (JSON.parse(helpers) as string[]),
        appointmentStart: r[C.appointmentStart] as string | null,
        appointmentEnd: r[C.appointmentEnd] as string | null,
        clock,
        arrivalDue,
        nextDue: r[C.nextDue] as string | null,
        createdAt: r[C.createdAt] as string,
      })
    }

    // Each engineer's open jobs, as assignee or helper, and the customer of a job he is on site at: his
    // status and place. The jobs themselves are not sent: the board has the tickets and reads them there.
    const jobsOf = new Map<string, BoardJob[]>()
    const onSiteAt = new Map<string, BoardTicket>()
    const addJob = (engineerId: string, t: BoardTicket, helper: boolean) => {
      const job: BoardJob = { ticketId: t.id, number: t.number, status: t.status, appointmentStart: t.appointmentStart, appointmentEnd: t.appointmentEnd, helper }
      const list = jobsOf.get(engineerId)
      if (list) list.push(job)
      else jobsOf.set(engineerId, [job])
      if (t.status === 'on_site' && !onSiteAt.has(engineerId)) onSiteAt.set(engineerId, t)
    }
    for (const t of out) {
      if (t.assigneeId) addJob(t.assigneeId, t, false)
      for (const h of t.helperIds) addJob(h, t, true)
    }

    const shiftEnd = shiftEndToday(at, st.timezone)
    const roster: BoardEngineer[] = (engineers.all(stationId) as EngineerRead[]).map((e) => {
      const jobs = jobsOf.get(e.id) ?? []
      const off = e.status === 'off'
      const status: EngineerStatus = off ? 'off' : jobs.some((j) => j.status === 'on_site') ? 'on_site' : jobs.some((j) => j.status === 'en_route') ? 'en_route' : 'idle'
      const site = onSiteAt.get(e.id)
      const [lat, lng] = site && site.lat !== null && site.lng !== null ? [site.lat, site.lng] : [e.homeLat, e.homeLng]
      return {
        id: e.id,
        name: e.name,
        phone: e.phone,
        skills: JSON.parse(e.skills) as Skill[],
        status,
        lat,
        lng,
        shiftEnd: off ? null : shiftEnd,
      }
    })

    return { now: at.toISOString(), station: st, tickets: out, engineers: roster }
  }

  return {
    /** The board of a station as of now: read again only after a write or at the next minute. */
    snapshot(stationId: string): BoardSnapshot {
      const at = now()
      const key = `${stationId}|${Math.floor(at.getTime() / 60_000)}|${changes.get() as number}`
      if (kept?.key === key) return { ...kept.snapshot, now: at.toISOString() }
      const fresh = snapshot(stationId, at)
      kept = { key, snapshot: fresh }
      return fresh
    },
  }
}
export type BoardQueries = ReturnType<typeof boardQueries>
