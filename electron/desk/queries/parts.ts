// 备件's reads: the catalogue, the station's stock by place, what each engineer holds, the ledger (台帐)
// with its filters, the return slips and boxes, a ticket's parts, and the month's reconciliation.
import type { z } from 'zod'
import type { DamageAssessmentView, Holding, LedgerEntryView, LedgerFilter, Part, PartRequestView, ReconciliationView, ReturnBatchView, ReturnSlipView, StockLine } from '../../../shared/api/partsSchemas'
import { notFound } from '../../../shared/api/errors'
import { isKeptTooLong, reconcile, type Count, type Leg, type StockPlace } from '../../../shared/domain/parts'
import { atWallTime } from '../../../shared/domain/time'
import type { Db } from '../db/open'

const PART_COLUMNS = 'p.id, p.number, p.name, p.model, p.category, p.grade, p.unit_cost AS unitCost, p.price'

const SLIP_SQL = `
  SELECT s.id, s.number, bp.number AS partNumber, bp.name AS partName, gp.number AS goodPartNumber, s.ticket_id AS ticketId,
         coalesce(t.number, '') AS ticketNumber, coalesce(c.unit_name, '') AS customerName, coalesce(u.name, s.engineer_id) AS engineerName,
         s.fault_description AS faultDescription, s.note, s.status, b.number AS batchNumber, s.created_at AS createdAt, s.received_at AS receivedAt
  FROM return_slips s
  JOIN parts bp ON bp.id = s.part_id JOIN parts gp ON gp.id = s.good_part_id
  LEFT JOIN tickets t ON t.id = s.ticket_id LEFT JOIN customers c ON c.id = t.customer_id
  LEFT JOIN users u ON u.id = s.engineer_id LEFT JOIN return_batches b ON b.id = s.batch_id`

const MOVEMENT_SQL = `
  SELECT m.id, m.at, m.kind, p.number AS partNumber, p.name AS partName, m.qty, m.legs, e.name AS engineerName, t.number AS ticketNumber,
         coalesce(a.name, m.actor_id) AS actorName, k.name AS clerkName, g.name AS managerName, m.reason, m.approval_note AS approvalNote,
         m.reference, s.number AS slipNumber
  FROM part_movements m JOIN parts p ON p.id = m.part_id
  LEFT JOIN users e ON e.id = m.engineer_id LEFT JOIN tickets t ON t.id = m.ticket_id LEFT JOIN users a ON a.id = m.actor_id
  LEFT JOIN users k ON k.id = m.clerk_id LEFT JOIN users g ON g.id = m.manager_id LEFT JOIN return_slips s ON s.id = m.slip_id`

type SlipRead = Omit<ReturnSlipView, 'keptTooLong'>
type MovementRead = Omit<LedgerEntryView, 'legs'> & { legs: string }

export function partsQueries(db: Db, now: () => Date) {
  const catalogue = db.prepare(`SELECT ${PART_COLUMNS} FROM parts p WHERE p.active = 1 ORDER BY p.number`)
  const stock = db.prepare(`
    SELECT ${PART_COLUMNS},
      coalesce(sum(CASE s.place WHEN 'shelf' THEN s.qty END), 0) AS shelf,
      coalesce(sum(CASE s.place WHEN 'engineer' THEN s.qty END), 0) AS engineer,
      coalesce(sum(CASE s.place WHEN 'bad' THEN s.qty END), 0) AS bad,
      coalesce(sum(CASE s.place WHEN 'transit' THEN s.qty END), 0) AS transit,
      coalesce(sum(CASE s.place WHEN 'loaned' THEN s.qty END), 0) AS loaned
    FROM parts p LEFT JOIN part_stock s ON s.part_id = p.id AND s.station_id = ?
    WHERE p.active = 1 GROUP BY p.id ORDER BY p.number`)
  const holdings = db.prepare(`
    SELECT s.holder_id AS engineerId, coalesce(u.name, s.holder_id) AS engineerName, p.id AS partId, p.number AS partNumber, p.name AS partName, s.qty
    FROM part_stock s JOIN parts p ON p.id = s.part_id LEFT JOIN users u ON u.id = s.holder_id
    WHERE s.station_id = ? AND s.place = 'engineer' AND s.qty > 0 ORDER BY u.name, p.number`)
  const slipsOf = db.prepare(`${SLIP_SQL} WHERE s.station_id = ? ORDER BY s.status = 'received', s.created_at DESC LIMIT 2000`)
  const slipsOfTicket = db.prepare(`${SLIP_SQL} WHERE s.ticket_id = ? ORDER BY s.created_at`)
  const slipById = db.prepare(`${SLIP_SQL} WHERE s.id = ?`)
  const slipStation = db.prepare('SELECT st.code, st.name FROM return_slips s JOIN stations st ON st.id = s.station_id WHERE s.id = ?')
  const slipsOfBatch = db.prepare(`${SLIP_SQL} WHERE s.batch_id = ? ORDER BY s.number`)
  const batches = db.prepare(`
    SELECT b.id, b.number, b.status, b.shipped_at AS shippedAt, coalesce(u.name, b.shipped_by) AS shippedBy, b.received_at AS receivedAt
    FROM return_batches b LEFT JOIN users u ON u.id = b.shipped_by WHERE b.station_id = ? ORDER BY b.shipped_at DESC LIMIT 200`)
  const batchById = db.prepare(`
    SELECT b.id, b.number, b.status, b.shipped_at AS shippedAt, coalesce(u.name, b.shipped_by) AS shippedBy, b.received_at AS receivedAt, b.station_id AS stationId
    FROM return_batches b LEFT JOIN users u ON u.id = b.shipped_by WHERE b.id = ?`)
  const movementsOfTicket = db.prepare(`${MOVEMENT_SQL} WHERE m.ticket_id = ? ORDER BY m.at, m.id`)
  const monthLegs = db.prepare('SELECT month, legs FROM part_movements WHERE station_id = ? AND month <= ?')
  const reconciliationRow = db.prepare(`
    SELECT r.counts, r.clerk_id AS clerkId, k.name AS clerkName, r.clerk_signed_at AS clerkAt, r.manager_id AS managerId, g.name AS managerName,
           r.manager_signed_at AS managerAt, r.locked_at AS lockedAt
    FROM reconciliations r LEFT JOIN users k ON k.id = r.clerk_id LEFT JOIN users g ON g.id = r.manager_id
    WHERE r.station_id = ? AND r.month = ?`)
  const partNames = db.prepare('SELECT id, number, name FROM parts')
  const names = db.prepare('SELECT id, name FROM users WHERE station_id = ?')
  const ticketNumber = db.prepare('SELECT number FROM tickets WHERE id = ?')
  const station = db.prepare('SELECT code, name, timezone FROM stations WHERE id = ?')
  const requests = db.prepare(`
    SELECT r.id, r.number, r.lines, r.reason, r.status, coalesce(u.name, r.requested_by) AS requestedBy, r.requested_at AS requestedAt,
           d.name AS decidedBy, r.decided_at AS decidedAt, r.decision_note AS decisionNote
    FROM part_requests r LEFT JOIN users u ON u.id = r.requested_by LEFT JOIN users d ON d.id = r.decided_by
    WHERE r.station_id = ? ORDER BY r.requested_at DESC LIMIT 200`)
  const assessments = db.prepare(`
    SELECT a.id, a.number, a.ticket_id AS ticketId, coalesce(t.number, '') AS ticketNumber, p.number AS partNumber, p.name AS partName, a.finding, a.status,
           d.name AS decidedBy, a.decision_note AS decisionNote, a.used_by IS NOT NULL AS used
    FROM damage_assessments a JOIN parts p ON p.id = a.part_id LEFT JOIN tickets t ON t.id = a.ticket_id LEFT JOIN users d ON d.id = a.decided_by
    WHERE a.station_id = ? ORDER BY a.assessed_at DESC LIMIT 200`)
  const people = db.prepare("SELECT id, name, role FROM users WHERE station_id = ? AND active = 1 AND role IN ('engineer', 'clerk', 'manager') ORDER BY role, name")

  const slipView = (r: SlipRead): ReturnSlipView => ({ ...r, keptTooLong: r.status === 'open' && isKeptTooLong(r.createdAt, now().toISOString()) })

  /** Who a leg's holder is, in words: an engineer's name, or the ticket number of a loaner. */
  function holderNamer(stationId: string) {
    const users = new Map((names.all(stationId) as { id: string; name: string }[]).map((u) => [u.id, u.name]))
    // a loaner's holder is a ticket: looked up one by one (a station has few loaners and many tickets)
    const tickets = new Map<string, string>()
    return (place: StockPlace, holderId: string | null): string | null => {
      if (holderId === null) return null
      if (place !== 'loaned') return users.get(holderId) ?? holderId
      if (!tickets.has(holderId)) tickets.set(holderId, (ticketNumber.get(holderId) as { number: string } | undefined)?.number ?? holderId)
      return tickets.get(holderId)!
    }
  }

  function movementViews(rows: MovementRead[], stationId: string): LedgerEntryView[] {
    const holder = holderNamer(stationId)
    const parts = new Map((partNames.all() as { id: string; number: string }[]).map((p) => [p.id, p.number]))
    return rows.map((r) => ({
      ...r,
      legs: (JSON.parse(r.legs) as Leg[]).map((l) => ({ place: l.place, holder: holder(l.place, l.holderId), delta: l.delta, partNumber: parts.get(l.partId) ?? l.partId })),
    }))
  }

  return {
    catalogue: (): Part[] => catalogue.all() as Part[],
    stock: (stationId: string): StockLine[] => stock.all(stationId) as StockLine[],
    holdings: (stationId: string): Holding[] => holdings.all(stationId) as Holding[],
    people: (stationId: string) => people.all(stationId) as { id: string; name: string; role: 'engineer' | 'clerk' | 'manager' }[],

    ledger(stationId: string, f: z.output<typeof LedgerFilter>): LedgerEntryView[] {
      const where = ['m.station_id = ?']
      const params: unknown[] = [stationId]
      if (f.partId) where.push('m.part_id = ?'), params.push(f.partId)
      if (f.engineerId) where.push('m.engineer_id = ?'), params.push(f.engineerId)
      if (f.ticketId) where.push('m.ticket_id = ?'), params.push(f.ticketId)
      const tz = (station.get(stationId) as { timezone: string } | undefined)?.timezone
      // local dates, inclusive: from the first one's midnight to the midnight after the last one
      const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
      if (f.from) where.push('m.at >= ?'), params.push(atWallTime(f.from, '00:00', tz))
      if (f.to) where.push('m.at < ?'), params.push(atWallTime(dayAfter(f.to), '00:00', tz))
      const rows = db.prepare(`${MOVEMENT_SQL} WHERE ${where.join(' AND ')} ORDER BY m.at DESC, m.id DESC LIMIT ?`).all(...params, f.limit) as MovementRead[]
      return movementViews(rows, stationId)
    },

    requests(stationId: string): { requests: PartRequestView[]; assessments: DamageAssessmentView[] } {
      const parts = new Map((partNames.all() as { id: string; number: string; name: string }[]).map((p) => [p.id, p]))
      return {
        requests: (requests.all(stationId) as (Omit<PartRequestView, 'lines'> & { lines: string })[]).map((r) => ({
          ...r,
          lines: (JSON.parse(r.lines) as { partId: string; qty: number }[]).map((l) => ({ ...l, partNumber: parts.get(l.partId)?.number ?? l.partId, partName: parts.get(l.partId)?.name ?? '' })),
        })),
        assessments: (assessments.all(stationId) as (Omit<DamageAssessmentView, 'used'> & { used: number })[]).map((a) => ({ ...a, used: a.used === 1 })),
      }
    },

    returns(stationId: string): { slips: ReturnSlipView[]; batches: ReturnBatchView[] } {
      const slips = (slipsOf.all(stationId) as SlipRead[]).map(slipView)
      const list = (batches.all(stationId) as Omit<ReturnBatchView, 'slips'>[]).map((b) => ({ ...b, slips: (slipsOfBatch.all(b.id) as SlipRead[]).map(slipView) }))
      return { slips, batches: list }
    },

    slip(id: string): ReturnSlipView & { station: { code: string; name: string } } {
      const r = slipById.get(id) as SlipRead | undefined
      if (!r) throw notFound()
      return { ...slipView(r), station: slipStation.get(id) as { code: string; name: string } }
    },

    batch(id: string): ReturnBatchView & { station: { code: string; name: string } } {
      const b = batchById.get(id) as (Omit<ReturnBatchView, 'slips'> & { stationId: string }) | undefined
      if (!b) throw notFound()
      const { stationId, ...rest } = b
      const st = station.get(stationId) as { code: string; name: string }
      return { ...rest, slips: (slipsOfBatch.all(id) as SlipRead[]).map(slipView), station: { code: st.code, name: st.name } }
    },

    ofTicket(ticketId: string, stationId: string) {
      return { movements: movementViews(movementsOfTicket.all(ticketId) as MovementRead[], stationId), slips: (slipsOfTicket.all(ticketId) as SlipRead[]).map(slipView) }
    },

    reconciliation(stationId: string, month: string): ReconciliationView {
      const st = station.get(stationId) as { code: string; name: string } | undefined
      if (!st) throw notFound()
      const r = reconciliationRow.get(stationId, month) as
        | { counts: string; clerkId: string | null; clerkName: string | null; clerkAt: string | null; managerId: string | null; managerName: string | null; managerAt: string | null; lockedAt: string | null }
        | undefined
      const entries = (monthLegs.all(stationId, month) as { month: string; legs: string }[]).map((e) => ({ month: e.month, legs: JSON.parse(e.legs) as Leg[] }))
      const counts = r ? (JSON.parse(r.counts) as Count[]) : []
      const parts = new Map((partNames.all() as { id: string; number: string; name: string }[]).map((p) => [p.id, p]))
      const holder = holderNamer(stationId)
      const lines = reconcile(entries, month, counts)
        .map((l) => ({ ...l, partNumber: parts.get(l.partId)?.number ?? l.partId, partName: parts.get(l.partId)?.name ?? '', holderName: holder(l.place, l.holderId) }))
        .sort((a, b) => (a.partNumber < b.partNumber ? -1 : a.partNumber > b.partNumber ? 1 : PLACE_ORDER[a.place] - PLACE_ORDER[b.place] || (a.holderName ?? '').localeCompare(b.holderName ?? '', 'zh-CN')))
      return {
        month,
        station: { code: st.code, name: st.name },
        lines,
        clerk: r?.clerkId ? { id: r.clerkId, name: r.clerkName ?? r.clerkId, at: r.clerkAt! } : null,
        manager: r?.managerId ? { id: r.managerId, name: r.managerName ?? r.managerId, at: r.managerAt! } : null,
        lockedAt: r?.lockedAt ?? null,
      }
    },
  }
}
export type PartsQueries = ReturnType<typeof partsQueries>

const PLACE_ORDER: Record<StockPlace, number> = { shelf: 0, engineer: 1, bad: 2, transit: 3, loaned: 4 }
