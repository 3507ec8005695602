// 报表: the Monday/Thursday station report (客服工作报表, seed 002 §八) and the KPI dashboard, both read
// from what the work left behind: the tickets, their outcomes fixed at resolution, the visits and their
// surveys, the complaints and the parts ledger. Nothing here is typed in.
import type { Dashboard, Rate, StationReport } from '../../../shared/api/followUpSchemas'
import { CATEGORIES, FAULT_LEVELS, ZONES, type Category, type FaultLevel, type Zone } from '../../../shared/domain/enums'
import { COMPLAINT_CATEGORIES, addDays, reportPeriod, type ComplaintCategory } from '../../../shared/domain/followUp'
import { readTicketClocks } from '../../../shared/domain/ticketClocks'
import { atWallTime, utcOffsetMinutes } from '../../../shared/domain/time'
import { ticketFacts, type TicketPauseRow, type TicketRow } from '../../../shared/mutators'
import { endOfDay } from '../../../shared/mutators/followUp'
import { zhCN } from '../../../shared/i18n'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'

/** Upper bounds of the histogram buckets (service minutes, days); the last bucket is open. */
export const RESPONSE_BUCKETS = [10, 30, 60, 120, 240] as const
export const ARRIVAL_BUCKETS = [60, 120, 240, 480, 1440] as const
export const CLOSE_DAY_BUCKETS = [1, 2, 3, 5, 10] as const

const bucketSql = (column: string, bounds: readonly number[]) => `CASE ${bounds.map((b, i) => `WHEN ${column} <= ${b} THEN ${i}`).join(' ')} ELSE ${bounds.length} END`
const histogram = (bounds: readonly number[], rows: { b: number; n: number }[]) =>
  [...bounds, null].map((upTo, i) => ({ upTo, count: rows.find((r) => r.b === i)?.n ?? 0 }))

const SLA_SUMS = `count(*) AS tickets, coalesce(sum(respond_met), 0) AS rm, count(respond_met) AS rt, coalesce(sum(arrive_met), 0) AS am, count(arrive_met) AS at,
  coalesce(sum(resolve_met), 0) AS sm, count(resolve_met) AS st`
type SlaSums = { tickets: number; rm: number; rt: number; am: number; at: number; sm: number; st: number }
const rates = (r: SlaSums | undefined) => ({
  respond: { met: r?.rm ?? 0, total: r?.rt ?? 0 },
  arrive: { met: r?.am ?? 0, total: r?.at ?? 0 },
  resolve: { met: r?.sm ?? 0, total: r?.st ?? 0 },
})
/** A ticket met its SLA when every clock it ran was met. */
const ALL_MET = 'coalesce(respond_met, 1) * coalesce(arrive_met, 1) * coalesce(resolve_met, 1)'
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

export function reportQueries(db: Db, rules: RulesReader, now: () => Date) {
  const station = db.prepare('SELECT code, name, timezone FROM stations WHERE id = ?')
  const s = {
    // station report
    received: db.prepare('SELECT category, service_mode AS mode, count(*) AS n FROM tickets WHERE station_id = ? AND created_at >= ? AND created_at < ? GROUP BY category, service_mode'),
    openAtEnd: db.prepare(`SELECT * FROM tickets WHERE station_id = ? AND created_at < ? AND status <> 'cancelled' AND (resolved_at IS NULL OR resolved_at >= ?)`),
    pausesOf: db.prepare('SELECT from_at, to_at FROM ticket_pauses WHERE ticket_id = ?'),
    resolvedSums: db.prepare(`SELECT ${SLA_SUMS}, coalesce(sum(first_visit), 0) AS fv, count(first_visit) AS ft FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ?`),
    byEngineerInPeriod: db.prepare(`SELECT coalesce(u.name, o.engineer_id, '') AS name, count(*) AS n, sum(${ALL_MET}) AS met FROM ticket_outcomes o LEFT JOIN users u ON u.id = o.engineer_id
      WHERE o.station_id = ? AND o.day >= ? AND o.day <= ? GROUP BY o.engineer_id ORDER BY n DESC, name`),
    visitsOwed: db.prepare(`SELECT count(*) AS owed, coalesce(sum(status = 'done'), 0) AS done, coalesce(sum(CASE WHEN done_at IS NULL THEN due_at < ? ELSE done_at > due_at END), 0) AS late
      FROM return_visits WHERE station_id = ? AND kind <> 'level2' AND due_on >= ? AND due_on <= ?`),
    surveys: db.prepare(`SELECT count(*) AS n, avg(overall) AS avg, coalesce(sum(min(overall, timeliness, attitude, quality) <= 2), 0) AS unhappy
      FROM return_visits WHERE station_id = ? AND status = 'done' AND done_at >= ? AND done_at < ? AND overall IS NOT NULL`),
    complaintsOpened: db.prepare('SELECT category, count(*) AS n FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? GROUP BY category'),
    complaintsClosed: db.prepare('SELECT count(*) FROM complaints WHERE station_id = ? AND closed_at >= ? AND closed_at < ?').pluck(),
    complaintsOpenAtEnd: db.prepare(`SELECT count(*) AS open, coalesce(sum(due_at < ? OR category = 'timeliness'), 0) AS escalated FROM complaints
      WHERE station_id = ? AND received_at < ? AND (closed_at IS NULL OR closed_at >= ?)`),
    partsSwapped: db.prepare(`SELECT p.number AS partNumber, p.name, sum(m.qty) AS qty FROM part_movements m JOIN parts p ON p.id = m.part_id
      WHERE m.station_id = ? AND m.kind = 'swap' AND m.at >= ? AND m.at < ? GROUP BY m.part_id ORDER BY qty DESC, p.number LIMIT ?`),
    // dashboard
    slaBy: (column: string) => db.prepare(`SELECT ${column} AS key, ${SLA_SUMS} FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? GROUP BY ${column}`),
    totals: db.prepare(`SELECT ${SLA_SUMS}, coalesce(sum(first_visit), 0) AS fv, count(first_visit) AS ft FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ?`),
    byMonth: db.prepare(`SELECT substr(day, 1, 7) AS month, count(*) AS n, sum(${ALL_MET}) AS met FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? GROUP BY month ORDER BY month`),
    responseHist: db.prepare(`SELECT ${bucketSql('respond_minutes', RESPONSE_BUCKETS)} AS b, count(*) AS n FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? AND respond_minutes IS NOT NULL GROUP BY b`),
    arrivalHist: db.prepare(`SELECT ${bucketSql('arrive_minutes', ARRIVAL_BUCKETS)} AS b, count(*) AS n FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? AND arrive_minutes IS NOT NULL GROUP BY b`),
    engineerNames: db.prepare('SELECT id, name FROM users'),
    satisfaction: db.prepare(`SELECT overall, count(*) AS n FROM return_visits WHERE station_id = ? AND status = 'done' AND done_at >= ? AND done_at < ? AND overall IS NOT NULL GROUP BY overall`),
    satisfactionByMonth: db.prepare(`SELECT substr(datetime(done_at, ? || ' minutes'), 1, 7) AS month, avg(overall) AS avg, count(*) AS n FROM return_visits
      WHERE station_id = ? AND status = 'done' AND done_at >= ? AND done_at < ? AND overall IS NOT NULL GROUP BY month ORDER BY month`),
    complaintsByCategory: db.prepare('SELECT category, count(*) AS n FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? GROUP BY category'),
    closeDays: db.prepare(`SELECT ${bucketSql('(julianday(closed_at) - julianday(received_at))', CLOSE_DAY_BUCKETS)} AS b, count(*) AS n, avg(julianday(closed_at) - julianday(received_at)) AS avg
      FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? AND closed_at IS NOT NULL GROUP BY b`),
  }
  const slaByZone = s.slaBy('zone')
  const slaByLevel = s.slaBy('fault_level')
  const slaByEngineer = s.slaBy('engineer_id')

  /** The instants a range of station-local days covers: [first midnight, the midnight after the last). */
  const instants = (from: string, to: string, timezone: string) => ({ fromAt: endOfDay(addDays(from, -1), timezone), toAt: endOfDay(to, timezone) })

  /** Open at the end of the period, and of those, how many had a clock past its limit then. */
  function openAt(stationId: string, toAt: string): { open: number; overdue: number } {
    const end = Date.parse(toAt)
    const open = s.openAtEnd.all(stationId, toAt, toAt) as (Omit<TicketRow, 'warranty' | 'helper_ids'> & { warranty: string; helper_ids: string })[]
    let overdue = 0
    for (const t of open) {
      const version = t.rules_version ?? rules.headVersion()
      // only what was known at the end of the period
      const seen = (iso: string | null) => (iso && Date.parse(iso) < end ? iso : null)
      const pauses = (s.pausesOf.all(t.id) as Pick<TicketPauseRow, 'from_at' | 'to_at'>[]).filter((p) => Date.parse(p.from_at) < end).map((p) => ({ ...p, to_at: seen(p.to_at) }))
      const facts = ticketFacts({ ...t, responded_at: seen(t.responded_at), arrived_at: seen(t.arrived_at), resolved_at: null } as unknown as TicketRow, pauses)
      if (readTicketClocks(rules.version(version), facts, end).some((c) => c.state === 'breached' && !c.stopped)) overdue++
    }
    return { open: open.length, overdue }
  }

  return {
    station(stationId: string, day: string): StationReport {
      const st = station.get(stationId) as { code: string; name: string; timezone: string }
      const period = reportPeriod(day)
      const { fromAt, toAt } = instants(period.from, period.to, st.timezone)
      const received = s.received.all(stationId, fromAt, toAt) as { category: Category; mode: string; n: number }[]
      const sums = s.resolvedSums.get(stationId, period.from, period.to) as SlaSums & { fv: number; ft: number }
      const end = openAt(stationId, toAt)
      const visits = s.visitsOwed.get(toAt, stationId, period.from, period.to) as { owed: number; done: number; late: number }
      const surveys = s.surveys.get(stationId, fromAt, toAt) as { n: number; avg: number | null; unhappy: number }
      const opened = s.complaintsOpened.all(stationId, fromAt, toAt) as { category: ComplaintCategory; n: number }[]
      const complaintsEnd = s.complaintsOpenAtEnd.get(toAt, stationId, toAt, toAt) as { open: number; escalated: number }
      const parts = s.partsSwapped.all(stationId, fromAt, toAt, 50) as { partNumber: string; name: string; qty: number }[]
      const byMode = new Map<string, number>()
      for (const r of received) byMode.set(r.mode, (byMode.get(r.mode) ?? 0) + r.n)
      return {
        station: { code: st.code, name: st.name },
        dueOn: period.dueOn,
        dueAt: atWallTime(period.dueOn, '10:00', st.timezone)!,
        from: period.from,
        to: period.to,
        generatedAt: now().toISOString(),
        tickets: {
          received: received.reduce((n, r) => n + r.n, 0),
          byCategory: CATEGORIES.map((category) => ({ category, count: received.filter((r) => r.category === category).reduce((n, r) => n + r.n, 0) })).filter((c) => c.count > 0),
          byMode: [...byMode].map(([mode, count]) => ({ mode, count })),
          resolved: sums.tickets,
          openAtEnd: end.open,
          overdueAtEnd: end.overdue,
        },
        sla: rates(sums),
        firstVisit: { met: sums.fv, total: sums.ft },
        visits: { ...visits, avgOverall: round1(surveys.avg), dissatisfied: surveys.unhappy },
        complaints: {
          opened: opened.reduce((n, r) => n + r.n, 0),
          closed: s.complaintsClosed.get(stationId, fromAt, toAt) as number,
          openAtEnd: complaintsEnd.open,
          escalated: complaintsEnd.escalated,
          byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: opened.find((r) => r.category === category)?.n ?? 0 })),
        },
        parts: { swapped: parts.reduce((n, p) => n + p.qty, 0), lines: parts },
        engineers: (s.byEngineerInPeriod.all(stationId, period.from, period.to) as { name: string; n: number; met: number }[]).map((e) => ({ name: e.name, resolved: e.n, sla: { met: e.met, total: e.n } satisfies Rate })),
      }
    },

    dashboard(stationId: string, from: string, to: string): Dashboard {
      const st = station.get(stationId) as { timezone: string }
      const { fromAt, toAt } = instants(from, to, st.timezone)
      const range = [stationId, from, to] as const
      const totals = s.totals.get(...range) as SlaSums & { fv: number; ft: number }
      const keyed = <K extends string>(rows: (SlaSums & { key: K })[], keys: readonly K[], label: (k: K) => string) =>
        keys.map((key) => rows.find((r) => r.key === key)).filter((r): r is SlaSums & { key: K } => r !== undefined).map((r) => ({ key: r.key, label: label(r.key), tickets: r.tickets, ...rates(r) }))
      const names = new Map((s.engineerNames.all() as { id: string; name: string }[]).map((u) => [u.id, u.name]))
      const engineers = (slaByEngineer.all(...range) as (SlaSums & { key: string | null })[]).sort((a, b) => b.tickets - a.tickets)
      const distribution = s.satisfaction.all(stationId, fromAt, toAt) as { overall: number; n: number }[]
      const surveys = distribution.reduce((n, r) => n + r.n, 0)
      const offset = utcOffsetMinutes(st.timezone, Date.parse(toAt))
      const closeDays = s.closeDays.all(stationId, fromAt, toAt) as { b: number; n: number; avg: number }[]
      const closedCount = closeDays.reduce((n, r) => n + r.n, 0)
      const byCategory = s.complaintsByCategory.all(stationId, fromAt, toAt) as { category: ComplaintCategory; n: number }[]
      return {
        from,
        to,
        tickets: totals.tickets,
        sla: rates(totals),
        byZone: keyed(slaByZone.all(...range) as (SlaSums & { key: Zone })[], ZONES, (k) => zhCN.enums.zone[k]),
        byLevel: keyed(slaByLevel.all(...range) as (SlaSums & { key: FaultLevel })[], FAULT_LEVELS, (k) => zhCN.enums.faultLevel[k]),
        byEngineer: engineers.map((r) => ({ key: r.key ?? '', label: (r.key && names.get(r.key)) || '未派工', tickets: r.tickets, ...rates(r) })),
        responseMinutes: histogram(RESPONSE_BUCKETS, s.responseHist.all(...range) as { b: number; n: number }[]),
        arrivalMinutes: histogram(ARRIVAL_BUCKETS, s.arrivalHist.all(...range) as { b: number; n: number }[]),
        firstVisit: { met: totals.fv, total: totals.ft },
        parts: s.partsSwapped.all(stationId, fromAt, toAt, 15) as { partNumber: string; name: string; qty: number }[],
        satisfaction: {
          surveys,
          avgOverall: surveys ? round1(distribution.reduce((n, r) => n + r.overall * r.n, 0) / surveys) : null,
          distribution: [1, 2, 3, 4, 5].map((score) => distribution.find((r) => r.overall === score)?.n ?? 0),
          byMonth: (s.satisfactionByMonth.all(`+${offset}`, stationId, fromAt, toAt) as { month: string; avg: number; n: number }[]).map((m) => ({ month: m.month, avg: round1(m.avg)!, count: m.n })),
        },
        complaints: {
          total: byCategory.reduce((n, r) => n + r.n, 0),
          byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: byCategory.find((r) => r.category === category)?.n ?? 0 })),
          closeDays: histogram(CLOSE_DAY_BUCKETS, closeDays),
          avgCloseDays: closedCount ? round1(closeDays.reduce((n, r) => n + r.avg * r.n, 0) / closedCount) : null,
        },
        byMonth: (s.byMonth.all(...range) as { month: string; n: number; met: number }[]).map((m) => ({ month: m.month, tickets: m.n, slaMet: m.met, slaTotal: m.n })),
      }
    },
  }
}
