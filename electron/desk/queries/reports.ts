// 报表: the Monday/Thursday station report (客服工作报表, seed 002 §八) and the KPI dashboard, both read
// from what the work left behind: the tickets, their outcomes fixed at resolution, the visits and their
// surveys, the complaints and the parts ledger. Nothing here is typed in.
import type { Dashboard, Rate, StationReport } from '../../../shared/api/followUpSchemas'
import { CATEGORIES, FAULT_LEVELS, OPEN_TICKET_STATUSES, ZONES, type Category, type FaultLevel, type Zone } from '../../../shared/domain/enums'
import { COMPLAINT_CATEGORIES, addDays, reportPeriod, type ComplaintCategory } from '../../../shared/domain/followUp'
import { readTicketClocks } from '../../../shared/domain/ticketClocks'
import { atWallTime } from '../../../shared/domain/time'
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
const OPEN_SQL = OPEN_TICKET_STATUSES.map((x) => `'${x}'`).join(', ')
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

export function reportQueries(db: Db, rules: RulesReader, now: () => Date) {
  const station = db.prepare('SELECT code, name, timezone FROM stations WHERE id = ?')
  const s = {
    // station report
    received: db.prepare('SELECT category, service_mode AS mode, count(*) AS n FROM tickets WHERE station_id = ? AND created_at >= ? AND created_at < ? GROUP BY category, service_mode'),
    // open at the end of a period: still open now, or resolved since (each read by its own index)
    openNow: db.prepare(`SELECT * FROM tickets WHERE station_id = ? AND status IN (${OPEN_SQL}) AND created_at < ?`),
    resolvedSince: db.prepare(`SELECT * FROM tickets WHERE station_id = ? AND resolved_at >= ? AND resolved_at IS NOT NULL AND created_at < ?`),
    pausesOf: db.prepare('SELECT from_at, to_at FROM ticket_pauses WHERE ticket_id = ?'),
    resolvedSums: db.prepare(`SELECT ${SLA_SUMS}, coalesce(sum(first_visit), 0) AS fv, count(first_visit) AS ft FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ?`),
    byEngineerInPeriod: db.prepare(`SELECT coalesce(u.name, o.engineer_id, '') AS name, count(*) AS n, sum(${ALL_MET}) AS met FROM ticket_outcomes o LEFT JOIN users u ON u.id = o.engineer_id
      WHERE o.station_id = ? AND o.day >= ? AND o.day <= ? GROUP BY o.engineer_id ORDER BY n DESC, name`),
    // as they stood at the period's end: a visit made later was not done then
    visitsOwed: db.prepare(`SELECT count(*) AS owed, coalesce(sum(done_at < @end), 0) AS done,
      coalesce(sum(CASE WHEN done_at IS NULL OR done_at >= @end THEN due_at < @end ELSE done_at > due_at END), 0) AS late
      FROM return_visits WHERE station_id = @station AND kind <> 'level2' AND due_on >= @from AND due_on <= @to`),
    surveys: db.prepare(`SELECT count(*) AS n, avg(overall) AS avg, coalesce(sum(min(overall, timeliness, attitude, quality) <= 2), 0) AS unhappy
      FROM return_visits WHERE station_id = ? AND status = 'done' AND done_on >= ? AND done_on <= ? AND overall IS NOT NULL AND kind <> 'level2'`),
    complaintsOpened: db.prepare('SELECT category, count(*) AS n FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? GROUP BY category'),
    complaintsClosed: db.prepare('SELECT count(*) FROM complaints WHERE station_id = ? AND closed_at >= ? AND closed_at < ?').pluck(),
    complaintsOpenAtEnd: db.prepare(`SELECT count(*) AS open, coalesce(sum(due_at < ? OR category = 'timeliness'), 0) AS escalated FROM complaints
      WHERE station_id = ? AND received_at < ? AND (closed_at IS NULL OR closed_at >= ?)`),
    partsSwapped: db.prepare(`SELECT p.number AS partNumber, p.name, sum(m.qty) AS qty FROM part_movements m JOIN parts p ON p.id = m.part_id
      WHERE m.station_id = ? AND m.kind = 'swap' AND m.at >= ? AND m.at < ? GROUP BY m.part_id ORDER BY qty DESC, p.number LIMIT ?`),
    // dashboard
    // one scan of the outcomes in a few thousand groups; the zone, level, engineer and month figures are summed from them
    slaCube: db.prepare(`SELECT zone, fault_level AS level, engineer_id AS engineer, substr(day, 1, 7) AS month, ${SLA_SUMS}, coalesce(sum(first_visit), 0) AS fv,
      count(first_visit) AS ft, sum(${ALL_MET}) AS allMet FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? GROUP BY zone, fault_level, engineer_id, month`),
    // both histograms in one scan
    histograms: db.prepare(`SELECT CASE WHEN respond_minutes IS NULL THEN -1 ELSE ${bucketSql('respond_minutes', RESPONSE_BUCKETS)} END AS rb,
      CASE WHEN arrive_minutes IS NULL THEN -1 ELSE ${bucketSql('arrive_minutes', ARRIVAL_BUCKETS)} END AS ab, count(*) AS n
      FROM ticket_outcomes WHERE station_id = ? AND day >= ? AND day <= ? GROUP BY rb, ab`),
    engineerNames: db.prepare('SELECT id, name FROM users'),
    satisfaction: db.prepare(`SELECT substr(done_on, 1, 7) AS month, overall, count(*) AS n FROM return_visits
      WHERE station_id = ? AND status = 'done' AND done_on >= ? AND done_on <= ? AND overall IS NOT NULL GROUP BY month, overall ORDER BY month`),
    complaintsByCategory: db.prepare('SELECT category, count(*) AS n FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? GROUP BY category'),
    closeDays: db.prepare(`SELECT ${bucketSql('(julianday(closed_at) - julianday(received_at))', CLOSE_DAY_BUCKETS)} AS b, count(*) AS n, avg(julianday(closed_at) - julianday(received_at)) AS avg
      FROM complaints WHERE station_id = ? AND received_at >= ? AND received_at < ? AND closed_at IS NOT NULL GROUP BY b`),
  }

  /** The instants a range of station-local days covers: [first midnight, the midnight after the last). */
  const instants = (from: string, to: string, timezone: string) => ({ fromAt: endOfDay(addDays(from, -1), timezone), toAt: endOfDay(to, timezone) })

  /** Open at the end of the period, and of those, how many had a clock past its limit then. */
  function openAt(stationId: string, toAt: string): { open: number; overdue: number } {
    const end = Date.parse(toAt)
    const open = [...s.openNow.all(stationId, toAt), ...s.resolvedSince.all(stationId, toAt, toAt)] as (Omit<TicketRow, 'warranty' | 'helper_ids'> & { warranty: string; helper_ids: string })[]
    let overdue = 0
    for (const t of open) {
      // planned work runs no SLA clocks
      if (t.rules_version === null) continue
      const version = t.rules_version
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
      const { fromAt, toAt: endAt } = instants(period.from, period.to, st.timezone)
      // a period still running is read up to now (what happened this very moment included)
      const nowAt = now().toISOString()
      const upToNow = new Date(now().getTime() + 1).toISOString()
      const toAt = endAt < upToNow ? endAt : upToNow
      const received = s.received.all(stationId, fromAt, toAt) as { category: Category; mode: string; n: number }[]
      const sums = s.resolvedSums.get(stationId, period.from, period.to) as SlaSums & { fv: number; ft: number }
      const end = openAt(stationId, toAt)
      const visits = s.visitsOwed.get({ end: toAt, station: stationId, from: period.from, to: period.to }) as { owed: number; done: number; late: number }
      const surveys = s.surveys.get(stationId, period.from, period.to) as { n: number; avg: number | null; unhappy: number }
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
        generatedAt: nowAt,
        complete: endAt <= nowAt,
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
      const cube = s.slaCube.all(...range) as (SlaSums & { zone: Zone; level: FaultLevel; engineer: string | null; month: string; fv: number; ft: number; allMet: number })[]
      const sumBy = <K>(key: (r: (typeof cube)[number]) => K) => {
        const out = new Map<K, SlaSums & { fv: number; ft: number; allMet: number }>()
        for (const r of cube) {
          const k = key(r)
          const acc = out.get(k) ?? { tickets: 0, rm: 0, rt: 0, am: 0, at: 0, sm: 0, st: 0, fv: 0, ft: 0, allMet: 0 }
          for (const f of ['tickets', 'rm', 'rt', 'am', 'at', 'sm', 'st', 'fv', 'ft', 'allMet'] as const) acc[f] += r[f]
          out.set(k, acc)
        }
        return out
      }
      const totals = sumBy(() => 'all').get('all')
      const keyed = <K extends string>(sums: Map<K, SlaSums>, keys: readonly K[], label: (k: K) => string) =>
        keys.filter((k) => sums.has(k)).map((key) => ({ key, label: label(key), tickets: sums.get(key)!.tickets, ...rates(sums.get(key)) }))
      const names = new Map((s.engineerNames.all() as { id: string; name: string }[]).map((u) => [u.id, u.name]))
      const engineers = [...sumBy((r) => r.engineer)].sort((a, b) => b[1].tickets - a[1].tickets)
      const hist = s.histograms.all(...range) as { rb: number; ab: number; n: number }[]
      const bucketed = (pick: 'rb' | 'ab') => {
        const counts = new Map<number, number>()
        for (const h of hist) if (h[pick] >= 0) counts.set(h[pick], (counts.get(h[pick]) ?? 0) + h.n)
        return [...counts].map(([b, n]) => ({ b, n }))
      }
      const surveyed = s.satisfaction.all(...range) as { month: string; overall: number; n: number }[]
      const surveys = surveyed.reduce((n, r) => n + r.n, 0)
      const months = new Map<string, { sum: number; n: number }>()
      for (const r of surveyed) {
        const m = months.get(r.month) ?? { sum: 0, n: 0 }
        m.sum += r.overall * r.n
        m.n += r.n
        months.set(r.month, m)
      }
      const closeDays = s.closeDays.all(stationId, fromAt, toAt) as { b: number; n: number; avg: number }[]
      const closedCount = closeDays.reduce((n, r) => n + r.n, 0)
      const byCategory = s.complaintsByCategory.all(stationId, fromAt, toAt) as { category: ComplaintCategory; n: number }[]
      return {
        from,
        to,
        tickets: totals?.tickets ?? 0,
        sla: rates(totals),
        byZone: keyed(sumBy((r) => r.zone), ZONES, (k) => zhCN.enums.zone[k]),
        byLevel: keyed(sumBy((r) => r.level), FAULT_LEVELS, (k) => zhCN.enums.faultLevel[k]),
        byEngineer: engineers.map(([key, r]) => ({ key: key ?? '', label: (key && names.get(key)) || '', tickets: r.tickets, ...rates(r) })),
        responseMinutes: histogram(RESPONSE_BUCKETS, bucketed('rb')),
        arrivalMinutes: histogram(ARRIVAL_BUCKETS, bucketed('ab')),
        firstVisit: { met: totals?.fv ?? 0, total: totals?.ft ?? 0 },
        parts: s.partsSwapped.all(stationId, fromAt, toAt, 15) as { partNumber: string; name: string; qty: number }[],
        satisfaction: {
          surveys,
          avgOverall: surveys ? round1(surveyed.reduce((n, r) => n + r.overall * r.n, 0) / surveys) : null,
          distribution: [1, 2, 3, 4, 5].map((score) => surveyed.filter((r) => r.overall === score).reduce((n, r) => n + r.n, 0)),
          byMonth: [...months].map(([month, m]) => ({ month, avg: round1(m.sum / m.n)!, count: m.n })),
        },
        complaints: {
          total: byCategory.reduce((n, r) => n + r.n, 0),
          byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: byCategory.find((r) => r.category === category)?.n ?? 0 })),
          closeDays: histogram(CLOSE_DAY_BUCKETS, closeDays),
          avgCloseDays: closedCount ? round1(closeDays.reduce((n, r) => n + r.avg * r.n, 0) / closedCount) : null,
        },
        byMonth: [...sumBy((r) => r.month)].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, m]) => ({ month, tickets: m.tickets, slaMet: m.allMet, slaTotal: m.tickets })),
      }
    },
  }
}
