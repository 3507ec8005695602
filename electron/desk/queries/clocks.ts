import type { ClockView, TicketSummary } from '../../../shared/api/schemas'
import { OPEN_TICKET_STATUSES, type TicketStatus } from '../../../shared/domain/enums'
import { mostUrgent, readTicketClocks } from '../../../shared/domain/ticketClocks'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'
import { summaryFacts as facts, type SummaryRow } from './ticketSummary'

type Pause = { ticketId: string; reason: 'customer' | 'parts'; note: string; fromAt: string; toAt: string | null }

/** Reads clocks for tickets from their facts, at the desk's now. */
export function clockReader(db: Db, rules: RulesReader, now: () => Date) {
  const pausesOf = db.prepare(
    'SELECT ticket_id AS ticketId, reason, note, from_at AS fromAt, to_at AS toAt FROM ticket_pauses WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY from_at',
  )
  function pauses(ids: string[]): Map<string, Pause[]> {
    const out = new Map<string, Pause[]>()
    if (ids.length === 0) return out
    for (const p of pausesOf.all(JSON.stringify(ids)) as Pause[]) out.set(p.ticketId, [...(out.get(p.ticketId) ?? []), p])
    return out
  }
  const isOpen = (status: string) => OPEN_TICKET_STATUSES.includes(status as TicketStatus)

  return {
    pauses,
    /** Clocks of one ticket. */
    clocks(r: SummaryRow, ps: Pause[]): ClockView[] {
      if (r.rulesVersion === null) return []
      return readTicketClocks(rules.version(r.rulesVersion), facts(r, ps), now().getTime())
    },
    /** List rows with their most urgent clock (open tickets only). */
    summaries(rows: SummaryRow[]): TicketSummary[] {
      const ps = pauses(rows.filter((r) => isOpen(r.status)).map((r) => r.id))
      const t = now().getTime()
      return rows.map((r) => {
        const { serviceLevel: _l, zone: _z, faultLevelFact: _f, rulesVersion: _v, respondedAt: _r, arrivedAt: _a, resolvedAt: _s, ...summary } = r
        const urgency = isOpen(r.status) && r.rulesVersion !== null ? mostUrgent(readTicketClocks(rules.version(r.rulesVersion), facts(r, ps.get(r.id) ?? []), t)) : null
        return { ...summary, urgency } as TicketSummary
      })
    },
  }
}
export type ClockReader = ReturnType<typeof clockReader>
