// 投诉与回访's reads: the visits owed and done (the station's, or HQ's level-2 calls), a ticket's follow-up,
// the complaint register with each complaint's escalation read at the moment of asking, its statistics,
// and the inspection plans with the ticket each owes today.
import type { ComplaintDetail, ComplaintListQuery, ComplaintStats, ComplaintSummary, PlanView, VisitView } from '../../../shared/api/followUpSchemas'
import { ruleError } from '../../../shared/api/errors'
import { complaintEscalation, holidayMap, inspectionDue, keyAccountCall, nextStep, visitBy, visitStanding, COMPLAINT_CATEGORIES, type ComplaintCategory, type VisitKind } from '../../../shared/domain/followUp'
import type { TicketStatus } from '../../../shared/domain/enums'
import { localDate } from '../../../shared/domain/time'
import { endOfDay, inspectionTicketId, keyAccountVisitId } from '../../../shared/mutators/followUp'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'

const VISIT_SQL = `
  SELECT v.id, v.kind, st.code AS stationCode, v.ticket_id AS ticketId, t.number AS ticketNumber, coalesce(t.fault_description, '') AS faultDescription,
         t.resolved_at AS resolvedAt, v.customer_id AS customerId, c.unit_name AS unitName,
         coalesce(nullif(t.reporter_name, ''), json_extract(c.contacts, '$[0].name'), '') AS contactName,
         coalesce(nullif(t.reporter_phone, ''), json_extract(c.contacts, '$[0].phone'), '') AS phone,
         e.name AS engineerName, v.period, v.due_on AS dueOn, v.due_at AS dueAt, v.status, v.attempts, v.last_attempt_at AS lastAttemptAt, v.note,
         v.done_at AS doneAt, vu.name AS visitorName, v.overall, v.timeliness, v.attitude, v.quality, v.comment, v.complaint_id AS complaintId, k.number AS complaintNumber
  FROM return_visits v JOIN customers c ON c.id = v.customer_id JOIN stations st ON st.id = v.station_id
  LEFT JOIN tickets t ON t.id = v.ticket_id LEFT JOIN users e ON e.id = v.engineer_id LEFT JOIN users vu ON vu.id = v.visitor_id
  LEFT JOIN complaints k ON k.id = v.complaint_id`

type VisitRead = Omit<VisitView, 'by' | 'standing' | 'scores'> & { status: 'due' | 'done'; overall: number | null; timeliness: number | null; attitude: number | null; quality: number | null }

const COMPLAINT_SQL = `
  SELECT k.id, k.number, k.received_at AS receivedAt, k.customer_id AS customerId, c.unit_name AS unitName, k.complainant_name AS complainantName,
         k.complainant_phone AS complainantPhone, k.channel, k.category, k.severity, k.description, k.status, k.ticket_id AS ticketId, t.number AS ticketNumber,
         k.engineer_id AS engineerId, e.name AS engineerName, k.due_on AS dueOn, k.due_at AS dueAt, k.hq_at AS hqAt, k.closed_at AS closedAt
  FROM complaints k JOIN customers c ON c.id = k.customer_id LEFT JOIN tickets t ON t.id = k.ticket_id LEFT JOIN users e ON e.id = k.engineer_id`

type ComplaintRead = Omit<ComplaintSummary, 'nextStep' | 'escalation'>

const DAY_MS = 86_400_000

export function followUpQueries(db: Db, rules: RulesReader, now: () => Date) {
  const openVisits = db.prepare(`${VISIT_SQL} WHERE v.station_id = ? AND v.status = 'due' AND v.kind <> 'level2' ORDER BY v.due_at LIMIT 1000`)
  const openHqVisits = db.prepare(`${VISIT_SQL} WHERE (? IS NULL OR v.station_id = ?) AND v.status = 'due' AND v.kind = 'level2' ORDER BY v.due_at LIMIT 1000`)
  const doneVisits = db.prepare(`${VISIT_SQL} WHERE (? IS NULL OR v.station_id = ?) AND v.status = 'done' AND (v.kind = 'level2') = ? ORDER BY v.done_at DESC LIMIT 500`)
  const visitsOfTicket = db.prepare(`${VISIT_SQL} WHERE v.ticket_id = ? ORDER BY v.due_at`)
  const complaintsOfTicket = db.prepare(`${COMPLAINT_SQL} WHERE k.ticket_id = ? ORDER BY k.received_at`)
  // the register's row and the record's other fields
  const complaintById = db.prepare(`${COMPLAINT_SQL.replace(
    'FROM complaints k',
    `, k.station_id AS stationId, k.visit_id AS visitId, k.findings, k.resolution, k.replied_on AS repliedOn, k.reaction, k.reply_note AS replyNote,
       k.corrective, k.preventive, cb.name AS closedByName, coalesce(cr.name, k.created_by) AS createdByName
     FROM complaints k LEFT JOIN users cb ON cb.id = k.closed_by LEFT JOIN users cr ON cr.id = k.created_by`,
  )} WHERE k.id = ?`)
  const eventsOf = db.prepare('SELECT ev.id, ev.at, ev.kind, coalesce(u.name, ev.actor_id) AS actorName, ev.data FROM complaint_events ev LEFT JOIN users u ON u.id = ev.actor_id WHERE ev.complaint_id = ? ORDER BY ev.at, ev.id')
  const visitById = db.prepare('SELECT id, kind, overall, timeliness, attitude, quality, comment FROM return_visits WHERE id = ?')
  const plans = db.prepare(`
    SELECT p.id, p.number, p.customer_id AS customerId, c.unit_name AS unitName, p.contract_id AS contractId, ct.number AS contractNumber, p.frequency,
           p.starts_on AS startsOn, p.ends_on AS endsOn, p.note, p.active,
           (SELECT count(*) FROM tickets t WHERE t.id > p.id || ':' AND t.id < p.id || ';') AS ticketsMade
    FROM inspection_plans p JOIN customers c ON c.id = p.customer_id LEFT JOIN contracts ct ON ct.id = p.contract_id
    WHERE p.station_id = ? ORDER BY p.active DESC, c.unit_name, p.number`)
  const ticketById = db.prepare('SELECT number, status FROM tickets WHERE id = ?')
  const activePlans = db.prepare("SELECT id, frequency, starts_on AS startsOn, ends_on AS endsOn FROM inspection_plans WHERE station_id = ? AND active = 1")
  const keyCustomers = db.prepare('SELECT id FROM customers WHERE station_id = ? AND key_account = 1').pluck()
  const exists = db.prepare('SELECT 1 FROM return_visits WHERE id = ?').pluck()
  const ticketExists = db.prepare('SELECT 1 FROM tickets WHERE id = ?').pluck()

  const nowIso = () => now().toISOString()
  const holidays = () => holidayMap(rules.inForce().rules.holidays)

  function visitOf(r: VisitRead, nowAt: string, today: string): VisitView {
    const { status, overall, timeliness, attitude, quality, ...rest } = r
    return {
      ...rest,
      by: visitBy(r.kind as VisitKind),
      standing: status === 'done' ? 'done' : visitStanding(r.dueAt, nowAt, r.dueOn, today),
      scores: overall === null ? null : { overall, timeliness: timeliness ?? 0, attitude: attitude ?? 0, quality: quality ?? 0 },
    }
  }

  function complaintOf<R extends ComplaintRead>(r: R, nowAt: string): R & Pick<ComplaintSummary, 'nextStep' | 'escalation'> {
    return { ...r, nextStep: nextStep(r.status), escalation: complaintEscalation(r, nowAt) }
  }

  /** The register's filter as SQL: escalation is a comparison of the stored deadlines with now. */
  function complaintWhere(stationId: string | null, timezone: string, q: ComplaintListQuery & { range?: { from: string; to: string } }, nowAt: string): { sql: string; params: unknown[] } {
    const where = stationId === null ? ['1 = 1'] : ['k.station_id = ?']
    const params: unknown[] = stationId === null ? [] : [stationId]
    if (q.status === 'open') where.push("k.status <> 'closed'")
    if (q.status === 'closed') where.push("k.status = 'closed'")
    if (q.status === 'overdue') where.push("k.status <> 'closed' AND k.due_at < ?"), params.push(nowAt)
    if (q.status === 'escalated') where.push("k.status <> 'closed' AND (k.due_at < ? OR k.category = 'timeliness')"), params.push(nowAt)
    if (q.category) where.push('k.category = ?'), params.push(q.category)
    if (q.severity) where.push('k.severity = ?'), params.push(q.severity)
    if (q.engineerId) where.push('k.engineer_id = ?'), params.push(q.engineerId)
    if (q.month) where.push('k.received_at >= ? AND k.received_at < ?'), params.push(monthStart(q.month, timezone), monthStart(nextMonth(q.month), timezone))
    if (q.range) where.push('k.received_at >= ? AND k.received_at < ?'), params.push(monthStart(q.range.from, timezone), monthStart(nextMonth(q.range.to), timezone))
    if (q.search) {
      const like = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
      where.push("(k.number LIKE ? ESCAPE '\\' OR c.unit_name LIKE ? ESCAPE '\\' OR k.complainant_name LIKE ? ESCAPE '\\' OR k.complainant_phone LIKE ? ESCAPE '\\' OR k.description LIKE ? ESCAPE '\\' OR t.number LIKE ? ESCAPE '\\')")
      params.push(like, like, like, like, like, like)
    }
    return { sql: where.join(' AND '), params }
  }

  return {
    visits(stationId: string, isHq: boolean, timezone: string, q: { scope: 'station' | 'hq'; state: 'open' | 'done'; kind?: VisitKind; search?: string }) {
      const nowAt = nowIso()
      const today = localDate(now(), timezone)
      // an HQ desk makes the level-2 calls of every station
      const scope = isHq ? null : stationId
      const rows = (
        q.state === 'done'
          ? doneVisits.all(scope, scope, q.scope === 'hq' ? 1 : 0)
          : q.scope === 'hq'
            ? openHqVisits.all(scope, scope)
            : openVisits.all(stationId)
      ) as VisitRead[]
      const text = q.search?.toLowerCase()
      const views = rows
        .map((r) => visitOf(r, nowAt, today))
        .filter((v) => (!q.kind || v.kind === q.kind) && (!text || [v.unitName, v.contactName, v.phone, v.ticketNumber ?? '', v.faultDescription].some((s) => s.toLowerCase().includes(text))))
      const counts = { late: 0, today: 0, upcoming: 0 }
      for (const v of views) if (v.standing !== 'done') counts[v.standing]++
      return { rows: views, counts }
    },

    ofTicket(ticketId: string, timezone: string) {
      const nowAt = nowIso()
      const today = localDate(now(), timezone)
      return {
        visits: (visitsOfTicket.all(ticketId) as VisitRead[]).map((r) => visitOf(r, nowAt, today)),
        complaints: (complaintsOfTicket.all(ticketId) as ComplaintRead[]).map((r) => complaintOf(r, nowAt)),
      }
    },

    /** The register; an HQ desk (stationId null) reads every station's. */
    complaints(stationId: string | null, timezone: string, q: ComplaintListQuery & { status: NonNullable<ComplaintListQuery['status']>; limit: number; range?: { from: string; to: string } }) {
      const nowAt = nowIso()
      const { sql, params } = complaintWhere(stationId, timezone, q, nowAt)
      const from = 'FROM complaints k JOIN customers c ON c.id = k.customer_id LEFT JOIN tickets t ON t.id = k.ticket_id'
      const total = (db.prepare(`SELECT count(*) ${from} WHERE ${sql}`).pluck().get(...params) as number) ?? 0
      // the ones running late first, then the newest
      const rows = db.prepare(`${COMPLAINT_SQL} WHERE ${sql} ORDER BY (k.status = 'closed'), (k.status <> 'closed' AND k.due_at < ?) DESC, k.received_at DESC LIMIT ?`).all(...params, nowAt, q.limit) as ComplaintRead[]
      return { total, rows: rows.map((r) => complaintOf(r, nowAt)) }
    },

    complaint(id: string, stationId: string | null): ComplaintDetail {
      type DetailRead = ComplaintRead & Omit<ComplaintDetail, keyof ComplaintSummary | 'visit' | 'events'> & { stationId: string; visitId: string | null }
      const r = complaintById.get(id) as DetailRead | undefined
      if (!r || (stationId !== null && r.stationId !== stationId)) throw ruleError('errors.complaint.notFound')
      const { stationId: _station, visitId, ...row } = r
      const visit = visitId ? (visitById.get(visitId) as { id: string; kind: VisitKind; overall: number | null; timeliness: number; attitude: number; quality: number; comment: string } | undefined) : undefined
      return {
        ...complaintOf(row, nowIso()),
        visit: visit ? { id: visit.id, kind: visit.kind, scores: visit.overall === null ? null : { overall: visit.overall, timeliness: visit.timeliness, attitude: visit.attitude, quality: visit.quality }, comment: visit.comment } : null,
        events: (eventsOf.all(id) as { id: string; at: string; kind: string; actorName: string; data: string }[]).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })),
      }
    },

    complaintStats(stationId: string | null, timezone: string, from: string, to: string): ComplaintStats {
      // months are the station's, so the range runs from local midnight to local midnight
      const rows = db
        .prepare(`SELECT k.received_at AS receivedAt, k.closed_at AS closedAt, k.due_at AS dueAt, k.category, k.engineer_id AS engineerId, e.name AS engineerName
                  FROM complaints k LEFT JOIN users e ON e.id = k.engineer_id WHERE (? IS NULL OR k.station_id = ?) AND k.received_at >= ? AND k.received_at < ?`)
        .all(stationId, stationId, monthStart(from, timezone), monthStart(nextMonth(to), timezone)) as { receivedAt: string; closedAt: string | null; dueAt: string; category: ComplaintCategory; engineerId: string | null; engineerName: string | null }[]
      const inRange = rows.map((r) => ({ ...r, month: localDate(new Date(r.receivedAt), timezone).slice(0, 7) }))
      const days = (r: { receivedAt: string; closedAt: string | null }) => (r.closedAt ? (Date.parse(r.closedAt) - Date.parse(r.receivedAt)) / DAY_MS : null)
      const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null)
      const closed = inRange.filter((r) => r.closedAt)
      const byEngineer = new Map<string | null, { engineerId: string | null; name: string; count: number }>()
      for (const r of inRange) {
        const e = byEngineer.get(r.engineerId) ?? { engineerId: r.engineerId, name: r.engineerName ?? '', count: 0 }
        e.count++
        byEngineer.set(r.engineerId, e)
      }
      const months = new Map<string, { month: string; count: number; closed: number }>()
      for (const r of inRange) {
        const m = months.get(r.month) ?? { month: r.month, count: 0, closed: 0 }
        m.count++
        if (r.closedAt) m.closed++
        months.set(r.month, m)
      }
      return {
        total: inRange.length,
        closed: closed.length,
        closedOnTime: closed.filter((r) => r.closedAt! <= r.dueAt).length,
        avgCloseDays: avg(closed.map((r) => days(r)!)),
        byCategory: COMPLAINT_CATEGORIES.map((category) => {
          const of = inRange.filter((r) => r.category === category)
          const done = of.filter((r) => r.closedAt)
          return { category, count: of.length, closed: done.length, avgCloseDays: avg(done.map((r) => days(r)!)) }
        }),
        byEngineer: [...byEngineer.values()].sort((a, b) => b.count - a.count),
        byMonth: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
      }
    },

    plans(stationId: string, timezone: string): PlanView[] {
      const today = localDate(now(), timezone)
      const hol = holidays()
      return (plans.all(stationId) as (Omit<PlanView, 'active' | 'current'> & { active: number })[]).map((p) => {
        const due = p.active ? inspectionDue(p, today, hol) : null
        const ticketId = due ? inspectionTicketId(p.id, due.period) : null
        const made = ticketId ? (ticketById.get(ticketId) as { number: string; status: TicketStatus } | undefined) : undefined
        return {
          ...p,
          active: p.active === 1,
          current: due && ticketId ? { period: due.period, dueOn: due.dueOn, ticketId, ticketNumber: made?.number ?? null, ticketStatus: made?.status ?? null } : null,
        }
      })
    },

    /** Whether the schedule has anything to make today, so the desk writes no empty runs to its outbox. */
    scheduleDue(stationId: string, timezone: string): boolean {
      const today = localDate(now(), timezone)
      const hol = holidays()
      const call = keyAccountCall(today, hol)
      if ((keyCustomers.all(stationId) as string[]).some((id) => !exists.get(keyAccountVisitId(id, call.period)))) return true
      return (activePlans.all(stationId) as { id: string; frequency: 'monthly' | 'quarterly'; startsOn: string; endsOn: string | null }[]).some((p) => {
        const due = inspectionDue(p, today, hol)
        return due !== null && !ticketExists.get(inspectionTicketId(p.id, due.period))
      })
    },
  }
}

const prevDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
/** The instant a station-local month begins. */
const monthStart = (month: string, timezone: string) => endOfDay(prevDay(`${month}-01`), timezone)
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
