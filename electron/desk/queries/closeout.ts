// 完工与送修's reads: the close-out form and its live quote, the repair slip (one, or a day's batch),
// the carry-ins at the counter with the calls owed to their customers, and the take-in receipt.
import type { CarryInView, CloseOutForm, CloseOutQuote, RepairSlipDoc, SlipStation, TakeInReceiptDoc } from '../../../shared/api/closeoutSchemas'
import { notFound } from '../../../shared/api/errors'
import { lateRepairNotice } from '../../../shared/domain/carryIn'
import { chargesOfJob, type JobDevice } from '../../../shared/domain/closeout'
import type { FaultCause } from '../../../shared/domain/warranty'
import { atWallTime, localDate } from '../../../shared/domain/time'
import type { Accessory } from '../../../shared/domain/carryIn'
import type { CarryInNotice, JobChargesRecord, JobLine } from '../../../shared/mutators'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'

const STATION = 'st.code AS stCode, st.name AS stName, st.address AS stAddress, st.phone AS stPhone'
const CUSTOMER = 'c.unit_name AS unitName, c.address, t.reporter_name AS contactName, t.reporter_phone AS phone'

interface StationRead {
  stCode: string
  stName: string
  stAddress: string
  stPhone: string
}
const stationOf = (r: StationRead): SlipStation => ({ code: r.stCode, name: r.stName, address: r.stAddress, phone: r.stPhone })

const REPORT_SQL = `
  SELECT r.id, r.station_id AS stationId, r.ticket_id AS ticketId, t.number AS ticketNumber, t.service_mode AS serviceMode, t.category, t.created_at AS reportedAt,
         t.fault_description AS faultDescription, t.helper_ids AS helperIds, ${CUSTOMER}, a.brand, a.model, a.serial,
         coalesce(e.name, r.engineer_id) AS engineerName, r.arrived_at AS arrivedAt, r.departed_at AS departedAt, r.cause, r.fix, r.advice,
         r.data_backed_up AS dataBackedUp, r.damage, r.onsite_requested AS onsiteRequested, r.lines, r.charges, r.adjust_reason AS adjustReason,
         m.name AS adjustedByName, r.signature_kind AS signatureKind, r.signature, r.signer_name AS signerName, r.closed_at AS closedAt,
         coalesce(cb.name, r.closed_by) AS closedByName, r.print_count AS printCount, ${STATION}
  FROM job_reports r JOIN tickets t ON t.id = r.ticket_id JOIN customers c ON c.id = t.customer_id JOIN stations st ON st.id = r.station_id
  LEFT JOIN assets a ON a.id = t.asset_id LEFT JOIN users e ON e.id = r.engineer_id
  LEFT JOIN users cb ON cb.id = r.closed_by LEFT JOIN users m ON m.id = r.adjusted_by`

type ReportRead = StationRead &
  Omit<RepairSlipDoc, 'reportId' | 'station' | 'customer' | 'asset' | 'deviceCovered' | 'helperNames' | 'dataBackedUp' | 'onsiteRequested' | 'lines' | 'charges' | 'signature'> & {
    id: string
    stationId: string
    helperIds: string
    unitName: string
    address: string
    contactName: string
    phone: string
    brand: string | null
    model: string | null
    serial: string | null
    dataBackedUp: number
    onsiteRequested: number
    lines: string
    charges: string
    adjustReason: string
    adjustedByName: string | null
    signatureKind: 'drawn' | 'paper'
    signature: string
    signerName: string
  }

const CARRY_IN_SQL = `
  SELECT k.id, k.station_id AS stationId, k.number, k.ticket_id AS ticketId, t.number AS ticketNumber, k.received_at AS receivedAt, coalesce(u.name, k.received_by) AS receivedByName,
         ${CUSTOMER}, k.device_category AS category, k.device_brand AS brand, k.device_model AS model, k.device_serial AS serial, k.tag_number AS tagNumber,
         k.accessories, k.condition_note AS conditionNote, t.fault_description AS faultDescription, k.promised_on AS promisedOn, k.print_count AS printCount,
         k.status, k.notices, k.ready_at AS readyAt, k.picked_up_at AS pickedUpAt, k.picked_up_by AS pickedUpBy, st.timezone, ${STATION}
  FROM carry_ins k JOIN tickets t ON t.id = k.ticket_id JOIN customers c ON c.id = t.customer_id JOIN stations st ON st.id = k.station_id
  LEFT JOIN users u ON u.id = k.received_by`

type CarryInRead = StationRead &
  Omit<CarryInView, 'station' | 'customer' | 'device' | 'accessories' | 'notices' | 'lateNotice'> & {
    unitName: string
    address: string
    contactName: string
    phone: string
    category: CarryInView['device']['category']
    brand: string
    model: string
    serial: string
    accessories: string
    notices: string
    timezone: string
    stationId: string
  }

export function closeoutQueries(db: Db, rules: RulesReader, now: () => Date) {
  const reportById = db.prepare(`${REPORT_SQL} WHERE r.id = ?`)
  const reportOfTicket = db.prepare(`${REPORT_SQL} WHERE r.ticket_id = ?`)
  const reportsOfDay = db.prepare(`${REPORT_SQL} WHERE r.station_id = ? AND r.closed_at >= ? AND r.closed_at < ? ORDER BY r.closed_at LIMIT 500`)
  const partNames = db.prepare('SELECT id, number, name, category, price FROM parts')
  const partById = db.prepare('SELECT id, number, name, category, price FROM parts WHERE id = ?')
  const userNames = db.prepare('SELECT id, name FROM users WHERE station_id = ?')
  const ticket = db.prepare(`
    SELECT t.id, t.number, t.status, t.service_mode AS serviceMode, t.arrived_at AS arrivedAt, t.appointment_start AS appointmentStart,
           t.appointment_end AS appointmentEnd, t.assignee_id AS assigneeId, t.helper_ids AS helperIds, t.asset_id AS assetId, t.station_id AS stationId, t.created_at AS createdAt, st.timezone
    FROM tickets t JOIN stations st ON st.id = t.station_id WHERE t.id = ?`)
  const engineers = db.prepare("SELECT id, name FROM users WHERE station_id = ? AND role = 'engineer' AND active = 1 ORDER BY name, id")
  const carryInOfTicket = db.prepare(`${CARRY_IN_SQL} WHERE k.ticket_id = ?`)
  const carryInById = db.prepare(`${CARRY_IN_SQL} WHERE k.id = ?`)
  // at the counter: everything not yet collected, and what went home in the last week
  const carryInsOfStation = db.prepare(`${CARRY_IN_SQL} WHERE k.station_id = ? AND (k.status <> 'picked_up' OR k.picked_up_at >= ?) ORDER BY k.promised_on, k.received_at LIMIT 1000`)
  const asset = db.prepare('SELECT category, brand, invoice_date AS invoiceDate, factory_month AS factoryMonth FROM assets WHERE id = ?')
  const earlierReports = db.prepare('SELECT closed_at AS closedAt, lines, charges FROM job_reports WHERE asset_id = ?')

  type PartInfo = { id: string; number: string; name: string; category: JobLine['component']; price: number }
  const catalogue = () => new Map((partNames.all() as PartInfo[]).map((p) => [p.id, p]))

  function slipOf(r: ReportRead, parts: Map<string, PartInfo>, names: Map<string, string>): RepairSlipDoc {
    const charges = JSON.parse(r.charges) as JobChargesRecord
    return {
      reportId: r.id,
      ticketId: r.ticketId,
      ticketNumber: r.ticketNumber,
      station: stationOf(r),
      serviceMode: r.serviceMode,
      category: r.category,
      reportedAt: r.reportedAt,
      faultDescription: r.faultDescription,
      customer: { unitName: r.unitName, address: r.address, contactName: r.contactName, phone: r.phone },
      asset: r.brand === null ? null : { brand: r.brand, model: r.model ?? '', serial: r.serial ?? '' },
      deviceCovered: charges.deviceCovered,
      engineerName: r.engineerName,
      helperNames: (JSON.parse(r.helperIds) as string[]).map((id) => names.get(id) ?? id),
      arrivedAt: r.arrivedAt,
      departedAt: r.departedAt,
      cause: r.cause,
      fix: r.fix,
      advice: r.advice,
      dataBackedUp: r.dataBackedUp === 1,
      damage: r.damage,
      onsiteRequested: r.onsiteRequested === 1,
      lines: (JSON.parse(r.lines) as JobLine[]).map((l) => ({
        slipNumber: l.slipNumber,
        partNumber: parts.get(l.partId)?.number ?? l.partId,
        partName: parts.get(l.partId)?.name ?? '',
        component: l.component,
        price: l.price,
        covered: l.covered,
        reason: l.reason,
        charged: l.charged,
      })),
      charges: { materials: charges.materials, labour: charges.labour, onsiteFee: charges.onsiteFee, computed: charges.computed, total: charges.total, adjustReason: r.adjustReason, adjustedByName: r.adjustedByName },
      signature: { kind: r.signatureKind, image: r.signature, signer: r.signerName },
      closedAt: r.closedAt,
      closedByName: r.closedByName,
      printCount: r.printCount,
    }
  }

  /** The station's people by id (every row read at once is of one station). */
  const namesOf = (stationId: string | undefined) => new Map((stationId ? (userNames.all(stationId) as { id: string; name: string }[]) : []).map((u) => [u.id, u.name]))

  const slips = (rows: ReportRead[]) => {
    const parts = catalogue()
    const names = namesOf(rows[0]?.stationId)
    return rows.map((r) => slipOf(r, parts, names))
  }

  function carryInOf(r: CarryInRead, today: string, names: Map<string, string>): CarryInView {
    const notices = JSON.parse(r.notices) as CarryInNotice[]
    return {
      id: r.id,
      number: r.number,
      ticketId: r.ticketId,
      ticketNumber: r.ticketNumber,
      station: stationOf(r),
      receivedAt: r.receivedAt,
      receivedByName: r.receivedByName,
      customer: { unitName: r.unitName, address: r.address, contactName: r.contactName, phone: r.phone },
      device: { category: r.category, brand: r.brand, model: r.model, serial: r.serial },
      tagNumber: r.tagNumber,
      accessories: JSON.parse(r.accessories) as Accessory[],
      conditionNote: r.conditionNote,
      faultDescription: r.faultDescription,
      promisedOn: r.promisedOn,
      printCount: r.printCount,
      status: r.status,
      notices: notices.map((n) => ({ at: n.at, byName: names.get(n.by) ?? n.by, note: n.note })),
      readyAt: r.readyAt,
      pickedUpAt: r.pickedUpAt,
      pickedUpBy: r.pickedUpBy,
      lateNotice: lateRepairNotice({ status: r.status, promisedOn: r.promisedOn, noticeDays: notices.map((n) => localDate(new Date(n.at), r.timezone)) }, today),
    }
  }

  return {
    form(ticketId: string): CloseOutForm {
      const t = ticket.get(ticketId) as
        | (Omit<CloseOutForm, 'ticketId' | 'engineers' | 'carryIn' | 'report'> & { id: string; assigneeId: string | null; helperIds: string; stationId: string })
        | undefined
      if (!t) throw notFound()
      const helpers = JSON.parse(t.helperIds) as string[]
      const k = carryInOfTicket.get(t.id) as CarryInRead | undefined
      const r = reportOfTicket.get(t.id) as ReportRead | undefined
      return {
        ticketId: t.id,
        number: t.number,
        status: t.status,
        serviceMode: t.serviceMode,
        arrivedAt: t.arrivedAt,
        appointmentStart: t.appointmentStart,
        appointmentEnd: t.appointmentEnd,
        engineers: (engineers.all(t.stationId) as { id: string; name: string }[]).map((e) => ({ ...e, onJob: e.id === t.assigneeId ? 'assignee' : helpers.includes(e.id) ? 'helper' : null })),
        carryIn: k ? { id: k.id, number: k.number, status: k.status } : null,
        report: r ? { id: r.id, closedAt: r.closedAt, total: (JSON.parse(r.charges) as JobChargesRecord).total, printCount: r.printCount } : null,
      }
    },

    /** The rules' charges for the parts picked so far, as the close-out will compute them now. */
    quote(input: { ticketId: string; partIds: string[]; damage: FaultCause; onsiteRequested: boolean }): CloseOutQuote {
      const t = ticket.get(input.ticketId) as { assetId: string | null; serviceMode: string; timezone: string; createdAt: string } | undefined
      if (!t) throw notFound()
      // asked again at each pick in the form: only the parts picked are read
      const picked = input.partIds.map((id) => {
        const p = partById.get(id) as PartInfo | undefined
        if (!p) throw notFound()
        return p
      })
      const c = chargesOfJob(rules.inForce().rules.warranty, {
        device: t.assetId ? ((asset.get(t.assetId) as JobDevice | undefined) ?? null) : null,
        reportedAt: t.createdAt,
        timezone: t.timezone,
        cause: input.damage,
        onsiteRequested: t.serviceMode !== 'carry_in' && input.onsiteRequested,
        parts: picked.map((p) => ({ component: p.category, price: p.price, userDamaged: false })),
        earlier: t.assetId
          ? (earlierReports.all(t.assetId) as { closedAt: string; lines: string; charges: string }[]).map((r) => ({ closedAt: r.closedAt, lines: JSON.parse(r.lines) as JobLine[], total: (JSON.parse(r.charges) as JobChargesRecord).total }))
          : [],
      })
      return { deviceCovered: c.deviceCovered, lines: c.lines.map((l, i) => ({ partId: picked[i]!.id, ...l })), materials: c.materials, labour: c.labour, onsiteFee: c.onsiteFee, total: c.total }
    },

    slip(ticketId: string): RepairSlipDoc {
      const r = (reportOfTicket.get(ticketId) ?? reportById.get(ticketId)) as ReportRead | undefined
      if (!r) throw notFound()
      return slips([r])[0]!
    },

    /** The close-outs of a local day, for a batch print. */
    slipsOfDay(stationId: string, timezone: string, day: string): RepairSlipDoc[] {
      const from = atWallTime(`${day}T12:00:00Z`, '00:00', timezone)
      if (!from) throw notFound()
      const to = new Date(Date.parse(from) + 86_400_000).toISOString()
      return slips(reportsOfDay.all(stationId, from, to) as ReportRead[])
    },

    carryIns(stationId: string, timezone: string): CarryInView[] {
      const today = localDate(now(), timezone)
      const weekAgo = new Date(now().getTime() - 7 * 86_400_000).toISOString()
      const names = namesOf(stationId)
      return (carryInsOfStation.all(stationId, weekAgo) as CarryInRead[]).map((r) => carryInOf(r, today, names))
    },

    carryInOfTicket(ticketId: string, timezone: string): CarryInView | null {
      const r = carryInOfTicket.get(ticketId) as CarryInRead | undefined
      return r ? carryInOf(r, localDate(now(), timezone), namesOf(r.stationId)) : null
    },

    receipt(id: string): TakeInReceiptDoc {
      const r = carryInById.get(id) as CarryInRead | undefined
      if (!r) throw notFound()
      const { status: _s, notices: _n, readyAt: _r, pickedUpAt: _p, pickedUpBy: _b, lateNotice: _l, ...doc } = carryInOf(r, localDate(now(), r.timezone), namesOf(r.stationId))
      return doc
    },
  }
}
export type CloseoutQueries = ReturnType<typeof closeoutQueries>
