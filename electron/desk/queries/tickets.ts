import type { z } from 'zod'
import { OPEN_TICKET_STATUSES, type TicketStatus } from '../../../shared/domain/enums'
import { normalizePhone } from '../../../shared/domain/phone'
import type { TicketDetail, TicketListQuery, TicketSummary } from '../../../shared/api/schemas'
import { proposeEscalation, type EscalationStep } from '../../../shared/domain/escalation'
import type { FaultLevel } from '../../../shared/domain/enums'
import { activeTicketMinutes } from '../../../shared/domain/ticketClocks'
import { notFound } from '../../../shared/api/errors'
import type { Db } from '../db/open'
import type { CustomerQueries } from './customers'
import { globPrefix, likeAnywhere, statementCache } from './statements'
import { TICKET_SUMMARY_SELECT, summaryFacts, type SummaryRow } from './ticketSummary'
import type { ClockReader } from './clocks'
import type { RulesReader } from './rules'

type ListInput = z.output<typeof TicketListQuery>

const ORDER = {
  // next_due is the earliest running deadline; paused and finished tickets have none and come last
  urgency: 't.next_due IS NULL, t.next_due, t.created_at DESC',
  newest: 't.created_at DESC, t.id DESC',
  oldest: 't.created_at ASC, t.id ASC',
  level: 't.fault_rank ASC, t.created_at DESC, t.id DESC',
} as const

interface DetailRow {
  escalationStep: number
  warranty: string | null
  recheckDue: string | null
  stationId: string
  customerZone: TicketDetail['customer']['zone']
  fullDescription: string
  reporterName: string
  customerId: string
  assetId: string | null
  contractId: string | null
  channel: TicketDetail['channel']
  appointmentStart: string | null
  appointmentEnd: string | null
  createdByName: string | null
  address: string
  keyAccount: number
}

function where(input: ListInput): { sql: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  if (input.openOnly) {
    // Literal, so SQLite can use the partial indexes on open tickets (the values are our own enum).
    clauses.push(`t.status IN (${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')})`)
  } else if (input.statuses && input.statuses.length > 0) {
    clauses.push(`t.status IN (${input.statuses.map(() => '?').join(', ')})`)
    params.push(...input.statuses)
  }
  if (input.stationId) {
    clauses.push('t.station_id = ?')
    params.push(input.stationId)
  }
  if (input.faultLevel) {
    clauses.push('t.fault_level = ?')
    params.push(input.faultLevel)
  }
  const search = input.search?.trim()
  if (search) {
    // A ticket number prefix, a phone prefix, or part of the customer's name. With statistics
    // (PRAGMA optimize) SQLite runs each arm of the OR as its own index lookup.
    const phone = normalizePhone(search)
    const arms = ['t.number GLOB ?']
    params.push(globPrefix(search.toUpperCase()))
    if (/^\d{3,}$/.test(phone)) {
      arms.push('t.reporter_phone GLOB ?', 't.customer_id IN (SELECT customer_id FROM customer_phones WHERE phone GLOB ?)')
      params.push(globPrefix(phone), globPrefix(phone))
    }
    arms.push("t.customer_id IN (SELECT id FROM customers WHERE unit_name LIKE ? ESCAPE '\\')")
    params.push(likeAnywhere(search))
    clauses.push(`(${arms.join(' OR ')})`)
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

/**
 * The dispatcher's everyday view (open tickets, most urgent first) always walks its index: with sampled
 * statistics SQLite sometimes picked the status index and sorted every open ticket (180 ms at 100,000).
 */
function pinnedIndex(input: ListInput): string {
  if (input.sort !== 'urgency' || !input.openOnly || input.faultLevel || input.search?.trim()) return ''
  return input.stationId ? 'INDEXED BY tickets_open_station_urgency' : 'INDEXED BY tickets_open_urgency'
}

export function ticketQueries(db: Db, customers: CustomerQueries, clocks: ClockReader, rules: RulesReader, now: () => Date) {
  const stmt = statementCache(db)
  return {
    list(input: ListInput): { total: number; rows: TicketSummary[] } {
      const w = where(input)
      // Two steps, so the planner only ever chooses among the tickets table's indexes:
      // the page's ids in order, then the display columns of just those ids.
      const ids = stmt(`SELECT t.id FROM tickets t ${pinnedIndex(input)} ${w.sql} ORDER BY ${ORDER[input.sort]} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...w.params, input.limit, input.offset) as string[]
      const byId = new Map(
        (stmt(`${TICKET_SUMMARY_SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SummaryRow[]).map((r) => [r.id, r]),
      )
      const total = (stmt(`SELECT count(*) AS n FROM tickets t ${w.sql}`).get(...w.params) as { n: number }).n
      return { total, rows: clocks.summaries(ids.map((id) => byId.get(id)!)) }
    },

    get(id: string): TicketDetail {
      const row = stmt(`${TICKET_SUMMARY_SELECT} WHERE t.id = ?`).get(id) as SummaryRow | undefined
      if (!row) throw notFound()
      const d = stmt(`
        SELECT t.fault_description AS fullDescription, t.reporter_name AS reporterName, t.customer_id AS customerId,
               t.asset_id AS assetId, t.contract_id AS contractId, t.channel, t.appointment_start AS appointmentStart,
               t.appointment_end AS appointmentEnd, cb.name AS createdByName, c.address, c.zone AS customerZone, c.key_account AS keyAccount,
               t.escalation_step AS escalationStep, t.warranty, t.recheck_due AS recheckDue, t.station_id AS stationId
        FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN users cb ON cb.id = t.created_by
        WHERE t.id = ?`).get(id) as DetailRow
      const events = (
        stmt(`SELECT e.id, e.at, e.kind, u.name AS actorName, e.data FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
              WHERE e.ticket_id = ? ORDER BY e.at, e.id`).all(id) as { data: string }[]
      ).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })) as TicketDetail['events']
      const pauses = clocks.pauses([id]).get(id) ?? []
      const clockViews = clocks.clocks(row, pauses)
      const [summary] = clocks.summaries([row])
      const rulesNow = row.rulesVersion !== null ? rules.version(row.rulesVersion) : rules.inForce().rules
      const resolve = clockViews.find((c) => c.clock === 'resolve') ?? null
      const open = OPEN_TICKET_STATUSES.includes(row.status as TicketStatus)
      const proposal = proposeEscalation(rulesNow.escalation, {
        step: d.escalationStep as EscalationStep,
        faultLevel: row.faultLevelFact as FaultLevel,
        resolved: !open,
        activeMinutes: activeTicketMinutes(rulesNow, summaryFacts(row, pauses), now().getTime()),
        resolve: resolve ? { state: resolve.state, warnAt: null, dueAt: null, leftMinutes: resolve.leftMinutes } : null,
      })
      return {
        ...summary!,
        faultDescription: d.fullDescription,
        reporterName: d.reporterName,
        channel: d.channel,
        appointmentStart: d.appointmentStart,
        appointmentEnd: d.appointmentEnd,
        createdByName: d.createdByName,
        customer: { id: d.customerId, unitName: row.customerName, address: d.address, zone: d.customerZone, keyAccount: d.keyAccount === 1 },
        asset: d.assetId ? customers.asset(d.assetId) : null,
        contract: d.contractId ? customers.contract(d.contractId) : null,
        events,
        serviceLevel: row.serviceLevel as TicketDetail['serviceLevel'],
        zone: row.zone as TicketDetail['zone'],
        rulesVersion: row.rulesVersion,
        clocks: clockViews,
        pauses: pauses.map(({ ticketId: _t, ...p }) => p),
        warranty: d.warranty ? (JSON.parse(d.warranty) as TicketDetail['warranty']) : null,
        recheckDue: d.recheckDue,
        escalation: {
          step: d.escalationStep,
          proposal,
          supervisors: stmt(`SELECT u.id, u.name, u.role, s.name AS stationName FROM users u JOIN stations s ON s.id = u.station_id
                             WHERE u.active = 1 AND ((u.role = 'manager' AND u.station_id = ?) OR u.role = 'hq') ORDER BY u.role DESC`).all(d.stationId) as TicketDetail['escalation']['supervisors'],
        },
      }
    },
  }
}
