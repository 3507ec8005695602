import type { TicketFacts } from '../../../shared/domain/ticketClocks'

/** The columns and joins of a ticket row in lists (工单 list, a customer's earlier tickets). */
export const TICKET_SUMMARY_SELECT = `
  SELECT t.id, t.number, t.created_at AS createdAt, c.unit_name AS customerName, t.reporter_phone AS reporterPhone,
         substr(t.fault_description, 1, 200) AS faultDescription, t.category, t.fault_level AS faultLevel,
         t.service_mode AS serviceMode, t.status, t.assignee_id AS assigneeId, u.name AS assigneeName, s.name AS stationName,
         t.service_level AS serviceLevel, t.zone, t.fault_level AS faultLevelFact, t.rules_version AS rulesVersion,
         t.responded_at AS respondedAt, t.arrived_at AS arrivedAt, t.resolved_at AS resolvedAt
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  JOIN stations s ON s.id = t.station_id
  LEFT JOIN users u ON u.id = t.assignee_id`

/** A summary row as read, with the clock facts the urgency is computed from. */
export interface SummaryRow {
  id: string
  number: string
  createdAt: string
  customerName: string
  reporterPhone: string
  faultDescription: string
  category: string
  faultLevel: string
  serviceMode: string
  status: string
  assigneeId: string | null
  assigneeName: string | null
  stationName: string
  serviceLevel: string
  zone: string
  faultLevelFact: string
  rulesVersion: number | null
  respondedAt: string | null
  arrivedAt: string | null
  resolvedAt: string | null
}

/** The facts a summary row's clocks are read from. */
export function summaryFacts(
  r: Pick<SummaryRow, 'createdAt' | 'serviceMode' | 'serviceLevel' | 'zone' | 'faultLevelFact' | 'respondedAt' | 'arrivedAt' | 'resolvedAt'>,
  pauses: readonly { fromAt: string; toAt: string | null }[],
): TicketFacts {
  return {
    createdAt: r.createdAt,
    serviceMode: r.serviceMode as TicketFacts['serviceMode'],
    serviceLevel: r.serviceLevel as TicketFacts['serviceLevel'],
    zone: r.zone as TicketFacts['zone'],
    faultLevel: r.faultLevelFact as TicketFacts['faultLevel'],
    respondedAt: r.respondedAt,
    arrivedAt: r.arrivedAt,
    resolvedAt: r.resolvedAt,
    pauses,
  }
}
