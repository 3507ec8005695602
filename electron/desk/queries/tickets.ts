import type { z } from 'zod'
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/enums'
import { normalizePhone } from '../../../shared/domain/phone'
import type { TicketDetail, TicketListQuery, TicketSummary } from '../../../shared/api/schemas'
import { notFound } from '../../../shared/api/errors'
import type { Db } from '../db/open'
import type { CustomerQueries } from './customers'
import { globPrefix, likeAnywhere, statementCache } from './statements'
import { TICKET_SUMMARY_SELECT } from './ticketSummary'

type ListInput = z.output<typeof TicketListQuery>

const ORDER = {
  newest: 't.created_at DESC, t.id DESC',
  oldest: 't.created_at ASC, t.id ASC',
  level: 't.fault_rank ASC, t.created_at DESC, t.id DESC',
} as const

interface DetailRow {
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
  zone: TicketDetail['customer']['zone']
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

export function ticketQueries(db: Db, customers: CustomerQueries) {
  const stmt = statementCache(db)
  return {
    list(input: ListInput): { total: number; rows: TicketSummary[] } {
      const w = where(input)
      // Two steps, so the planner only ever chooses among the tickets table's indexes:
      // the page's ids in order, then the display columns of just those ids.
      const ids = stmt(`SELECT t.id FROM tickets t ${w.sql} ORDER BY ${ORDER[input.sort]} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...w.params, input.limit, input.offset) as string[]
      const byId = new Map(
        (stmt(`${TICKET_SUMMARY_SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as TicketSummary[]).map((r) => [r.id, r]),
      )
      const total = (stmt(`SELECT count(*) AS n FROM tickets t ${w.sql}`).get(...w.params) as { n: number }).n
      return { total, rows: ids.map((id) => byId.get(id)!) }
    },

    get(id: string): TicketDetail {
      const summary = stmt(`${TICKET_SUMMARY_SELECT} WHERE t.id = ?`).get(id) as TicketSummary | undefined
      if (!summary) throw notFound()
      const d = stmt(`
        SELECT t.fault_description AS fullDescription, t.reporter_name AS reporterName, t.customer_id AS customerId,
               t.asset_id AS assetId, t.contract_id AS contractId, t.channel, t.appointment_start AS appointmentStart,
               t.appointment_end AS appointmentEnd, cb.name AS createdByName, c.address, c.zone, c.key_account AS keyAccount
        FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN users cb ON cb.id = t.created_by
        WHERE t.id = ?`).get(id) as DetailRow
      const events = (
        stmt(`SELECT e.id, e.at, e.kind, u.name AS actorName, e.data FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
              WHERE e.ticket_id = ? ORDER BY e.at, e.id`).all(id) as { data: string }[]
      ).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })) as TicketDetail['events']
      return {
        ...summary,
        faultDescription: d.fullDescription,
        reporterName: d.reporterName,
        channel: d.channel,
        appointmentStart: d.appointmentStart,
        appointmentEnd: d.appointmentEnd,
        createdByName: d.createdByName,
        customer: { id: d.customerId, unitName: summary.customerName, address: d.address, zone: d.zone, keyAccount: d.keyAccount === 1 },
        asset: d.assetId ? customers.asset(d.assetId) : null,
        contract: d.contractId ? customers.contract(d.contractId) : null,
        events,
      }
    },
  }
}
