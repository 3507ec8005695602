// 完工, 上门未遇 and 送修 (issue 7): the close-out of a job as the engineer phones it in (cause, fix,
// advice, the parts swapped from what he holds, the charges the warranty engine gives, the customer's
// signature); a visit where nobody was in; a device taken in at the counter until its pick-up.
import { z } from 'zod'
import { Day, Id, Instant } from '../api/schemas'
import { ruleError } from '../api/errors'
import { CARRY_IN_STEPS, accessoryDiff } from '../domain/carryIn'
import { MISSED_VISIT_WAIT_MINUTES, chargesOfJob, minutesWaited } from '../domain/closeout'
import { CATEGORIES, type TicketStatus } from '../domain/enums'
import { localDate } from '../domain/time'
import { FAULT_CAUSES, type Component } from '../domain/warranty'
import { event, openTicket, pauseTicket, recomputeClocks, resolved, resumeTicket } from './clocks'
import { SwapFields, part, stationEngineer, stationUser, swapPart } from './parts'
import { rulesInForce } from './rules'
import type { CarryInRow, JobLine, JobReportRow, TicketRow } from './tables'
import type { MutationContext, Tx } from './tx'

const text = (max: number) => z.string({ error: 'errors.field.invalid' }).trim().max(max, { error: 'errors.field.tooLong' })
const said = (max: number, error: string) => text(max).refine((s) => s.length >= 2, { error })

/** 客户签字: drawn on the screen (a PNG), or on the paper slip the customer keeps. */
export const Signature = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('drawn'),
      image: z
        .string()
        .max(400_000, { error: 'errors.closeout.signatureTooLarge' })
        .regex(/^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]+=*$/, { error: 'errors.closeout.signatureImage' }),
      signer: said(40, 'errors.closeout.signerRequired'),
    }),
    z.object({ kind: z.literal('paper'), signer: text(40).default('') }),
  ],
  { error: 'errors.closeout.signatureRequired' },
)
export type Signature = z.output<typeof Signature>

async function stationTimezone(tx: Tx, ctx: MutationContext): Promise<string | undefined> {
  return (await tx.get('stations', ctx.stationId))?.timezone
}

function sameStation(t: TicketRow, ctx: MutationContext): void {
  if (t.station_id !== ctx.stationId) throw ruleError('errors.parts.ticketNotFound')
}

// ---- 完工 -----------------------------------------------------------------

/** A part swapped on the job: the swap's own fields, without the ticket and engineer the close-out names once. */
const PartLine = SwapFields.omit({ ticketId: true, engineerId: true })

export const CloseOutFields = z.object({
  ticketId: Id,
  /** The engineer who did the work: his holdings give the parts. */
  engineerId: Id,
  /** On site: when he arrived and left (arrival defaults to the one phoned in). */
  arrivedAt: Instant.optional(),
  departedAt: Instant.optional(),
  cause: said(500, 'errors.closeout.causeRequired'),
  fix: said(500, 'errors.closeout.fixRequired'),
  advice: text(500).default(''),
  /** The customer backed up the data (and signed for it) before work began. */
  dataBackedUp: z.boolean({ error: 'errors.closeout.backupRequired' }),
  damage: z.enum(FAULT_CAUSES, { error: 'errors.field.choice' }).default('normal'),
  /** The customer asked for the visit (保外上门 50 元/次). */
  onsiteRequested: z.boolean().default(false),
  parts: z.array(PartLine).max(10, { error: 'errors.closeout.tooManyParts' }).default([]),
  /** The charges as agreed, if not the rules' figure: with a reason and the station manager who allows it. */
  adjustment: z
    .object({
      total: z.number({ error: 'errors.closeout.amount' }).int({ error: 'errors.closeout.amount' }).min(0, { error: 'errors.closeout.amount' }).max(100_000_000, { error: 'errors.closeout.amount' }),
      reason: said(200, 'errors.parts.reasonRequired'),
      managerId: Id,
    })
    .optional(),
  signature: Signature,
})
export const CloseOutArgs = CloseOutFields.extend({
  id: Id,
  at: Instant,
  /** Made by the desk for each part line: the movement's id and its return slip's id and number. */
  lines: z.array(z.object({ movementId: Id, slipId: Id, slipNumber: z.string().min(1).max(40) })),
})
export type CloseOutArgs = z.output<typeof CloseOutArgs>


export async function closeOutJob(tx: Tx, a: CloseOutArgs, ctx: MutationContext): Promise<{ reportId: string; total: number; slips: string[] }> {
  const t = await openTicket(tx, a.ticketId)
  sameStation(t, ctx)
  if (a.lines.length !== a.parts.length) throw ruleError('errors.field.invalid')
  const carryIn = t.service_mode === 'carry_in'
  const engineer = await stationEngineer(tx, ctx, a.engineerId)
  if (ctx.role === 'engineer' && engineer.id !== ctx.userId) throw ruleError('errors.ticket.notYourJob')
  let arrivedAt: string | null = null
  let departedAt: string | null = null
  let taken: CarryInRow | undefined
  if (carryIn) {
    ;[taken] = await tx.list('carry_ins', { ticket_id: t.id })
    if (!taken) throw ruleError('errors.closeout.notTakenIn', { number: t.number })
  } else {
    if (t.assignee_id !== engineer.id && !t.helper_ids.includes(engineer.id)) throw ruleError('errors.closeout.engineerNotOnJob', { name: engineer.name, number: t.number })
    arrivedAt = a.arrivedAt ?? t.arrived_at
    departedAt = a.departedAt ?? null
    if (!arrivedAt || !departedAt) throw ruleError('errors.closeout.timesRequired')
    if (departedAt < arrivedAt || departedAt > a.at) throw ruleError('errors.closeout.timesOrder')
  }

  // the parts, one swap each: from the engineer's own holdings, each bad part with its return slip
  const timezone = await stationTimezone(tx, ctx)
  const picked: { line: CloseOutArgs['lines'][number]; partId: string; component: Component; price: number; userDamaged: boolean }[] = []
  for (const [i, p] of a.parts.entries()) {
    const line = a.lines[i]!
    await swapPart(tx, { ...p, ticketId: t.id, engineerId: engineer.id, id: line.movementId, at: a.at, slipId: line.slipId, slipNumber: line.slipNumber }, ctx)
    const good = await part(tx, p.partId)
    picked.push({ line, partId: good.id, component: good.category, price: good.price, userDamaged: p.physicalDamage })
  }

  const asset = t.asset_id ? await tx.get('assets', t.asset_id) : undefined
  const { rules } = await rulesInForce(tx)
  const onsiteRequested = !carryIn && a.onsiteRequested
  const computed = chargesOfJob(rules.warranty, {
    device: asset ? { category: asset.category, brand: asset.brand, invoiceDate: asset.invoice_date, factoryMonth: asset.factory_month } : null,
    reportedAt: t.created_at,
    timezone,
    cause: a.damage,
    onsiteRequested,
    parts: picked,
    earlier: (t.asset_id ? await tx.list('job_reports', { asset_id: t.asset_id }) : []).map((r) => ({ closedAt: r.closed_at, lines: r.lines, total: r.charges.total })),
  })
  let total = computed.total
  if (a.adjustment) {
    await stationUser(tx, ctx, a.adjustment.managerId, 'manager')
    total = a.adjustment.total
  }
  const lines: JobLine[] = picked.map((p, i) => ({ ...p.line, partId: p.partId, component: p.component, price: p.price, ...computed.lines[i]! }))

  const report: JobReportRow = {
    id: a.id,
    station_id: t.station_id,
    ticket_id: t.id,
    asset_id: t.asset_id,
    engineer_id: engineer.id,
    service_mode: t.service_mode,
    arrived_at: arrivedAt,
    departed_at: departedAt,
    cause: a.cause,
    fix: a.fix,
    advice: a.advice,
    data_backed_up: a.dataBackedUp ? 1 : 0,
    damage: a.damage,
    onsite_requested: onsiteRequested ? 1 : 0,
    lines,
    charges: { materials: computed.materials, labour: computed.labour, onsiteFee: computed.onsiteFee, computed: computed.total, total, deviceCovered: computed.deviceCovered },
    adjust_reason: a.adjustment?.reason ?? '',
    adjusted_by: a.adjustment?.managerId ?? null,
    signature_kind: a.signature.kind,
    signature: a.signature.kind === 'drawn' ? a.signature.image : '',
    signer_name: a.signature.signer,
    closed_by: ctx.userId,
    closed_at: a.at,
    print_count: 0,
  }
  await tx.put('job_reports', report)
  // arriving stops the arrival clock; a close-out phoned in without the arrival first records it now
  if (arrivedAt && !t.arrived_at) await tx.update('tickets', t.id, { arrived_at: arrivedAt })
  await resolved(tx, { ...t, arrived_at: t.arrived_at ?? arrivedAt }, { at: a.at, method: carryIn ? 'carry_in' : 'onsite', note: a.fix }, ctx)
  if (taken) await tx.update('carry_ins', taken.id, { status: 'ready', ready_at: a.at, updated_at: a.at })
  await event(tx, t, `${a.id}:closed_out`, a.at, 'closed_out', ctx.userId, { engineerName: engineer.name, total, parts: lines.length, signature: a.signature.kind })
  return { reportId: report.id, total, slips: lines.map((l) => l.slipNumber) }
}

// ---- 上门未遇 --------------------------------------------------------------

export const VisitMissedFields = z.object({
  ticketId: Id,
  arrivedAt: Instant,
  leftAt: Instant,
  /** 留言条: when he came, when he left, how to reach him. */
  noteLeft: said(300, 'errors.closeout.noteRequired'),
  appointmentStart: Instant,
  appointmentEnd: Instant,
})
export const VisitMissedArgs = VisitMissedFields.extend({ id: Id, at: Instant })
export type VisitMissedArgs = z.output<typeof VisitMissedArgs>

/** Where a job can be when the engineer finds nobody in. */
const ON_THE_WAY: readonly TicketStatus[] = ['assigned', 'accepted', 'en_route', 'on_site']

/** Nobody in: after the 20-minute wait and the note, the job goes back to its engineer with a new window. */
export async function recordMissedVisit(tx: Tx, a: VisitMissedArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  sameStation(t, ctx)
  if (!t.assignee_id) throw ruleError('errors.ticket.notAssigned', { number: t.number })
  if (!ON_THE_WAY.includes(t.status)) throw ruleError('errors.closeout.notOnTheWay', { status: t.status })
  if (ctx.role === 'engineer' && t.assignee_id !== ctx.userId && !t.helper_ids.includes(ctx.userId)) throw ruleError('errors.ticket.notYourJob')
  const waited = minutesWaited(a.arrivedAt, a.leftAt)
  if (waited === null || a.leftAt > a.at) throw ruleError('errors.closeout.timesOrder')
  if (waited < MISSED_VISIT_WAIT_MINUTES) throw ruleError('errors.closeout.waitTooShort', { minutes: waited, wait: MISSED_VISIT_WAIT_MINUTES })
  if (a.appointmentEnd <= a.appointmentStart || a.appointmentStart < a.leftAt) throw ruleError('errors.closeout.newWindow')
  // the visit did not happen: the job starts over from 已派工 with the new window, its arrival clock running again
  const patch = { status: 'assigned', appointment_start: a.appointmentStart, appointment_end: a.appointmentEnd, accepted_at: null, departed_at: null, arrived_at: null, updated_at: a.at } as const
  await tx.update('tickets', t.id, patch)
  await recomputeClocks(tx, { ...t, ...patch }, { repin: false, at: a.at })
  await event(tx, t, a.id, a.at, 'visit_missed', ctx.userId, {
    arrivedAt: a.arrivedAt,
    leftAt: a.leftAt,
    waited,
    note: a.noteLeft,
    appointmentStart: a.appointmentStart,
    appointmentEnd: a.appointmentEnd,
  })
  return { ok: true }
}

// ---- 送修 -----------------------------------------------------------------

const AccessoryLine = z.object({ item: said(30, 'errors.carryIn.accessoryName'), standard: z.boolean(), present: z.boolean() })

export const IntakeFields = z.object({
  ticketId: Id,
  /** The number or mark put on the machine, by which it is found again at pick-up. */
  tagNumber: text(40)
    .refine((s) => s.length >= 1, { error: 'errors.carryIn.tagRequired' })
    // one tag whatever the case it is typed in
    .transform((s) => s.toUpperCase()),
  device: z.object({
    category: z.enum(CATEGORIES, { error: 'errors.field.choice' }),
    brand: text(40),
    model: text(60),
    serial: text(60),
  }),
  accessories: z.array(AccessoryLine).max(40, { error: 'errors.field.tooLong' }),
  conditionNote: text(300).default(''),
  promisedOn: Day,
})
export const IntakeArgs = IntakeFields.extend({ id: Id, at: Instant, number: z.string().min(1).max(40) })
export type IntakeArgs = z.output<typeof IntakeArgs>

async function takenIn(tx: Tx, ctx: MutationContext, id: string): Promise<CarryInRow> {
  const c = await tx.get('carry_ins', id)
  if (!c || c.station_id !== ctx.stationId) throw ruleError('errors.carryIn.notFound')
  return c
}

async function carryInEvent(tx: Tx, c: CarryInRow, id: string, at: string, ctx: MutationContext, data: Record<string, unknown>): Promise<void> {
  const t = await tx.get('tickets', c.ticket_id)
  if (t) await event(tx, t, id, at, 'carry_in', ctx.userId, { number: c.number, ...data })
}

/** 收机: the device at the counter, checked in front of the customer, gets its take-in receipt. */
export async function takeInDevice(tx: Tx, a: IntakeArgs, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const t = await openTicket(tx, a.ticketId)
  sameStation(t, ctx)
  if (t.service_mode !== 'carry_in') throw ruleError('errors.carryIn.notCarryIn', { number: t.number })
  if ((await tx.list('carry_ins', { ticket_id: t.id })).length) throw ruleError('errors.carryIn.alreadyTakenIn', { number: t.number })
  const inUse = (await tx.list('carry_ins', { station_id: ctx.stationId, tag_number: a.tagNumber })).find((c) => c.status !== 'picked_up')
  if (inUse) throw ruleError('errors.carryIn.tagInUse', { tag: a.tagNumber, number: inUse.number })
  const items = a.accessories.map((x) => x.item)
  if (new Set(items).size !== items.length) throw ruleError('errors.carryIn.accessoryTwice')
  if (a.promisedOn < localDate(new Date(a.at), await stationTimezone(tx, ctx))) throw ruleError('errors.carryIn.promiseInPast')
  const row: CarryInRow = {
    id: a.id,
    station_id: t.station_id,
    ticket_id: t.id,
    number: a.number,
    received_at: a.at,
    received_by: ctx.userId,
    device_category: a.device.category,
    device_brand: a.device.brand,
    device_model: a.device.model,
    device_serial: a.device.serial,
    tag_number: a.tagNumber,
    accessories: a.accessories,
    condition_note: a.conditionNote,
    promised_on: a.promisedOn,
    status: 'received',
    notices: [],
    ready_at: null,
    picked_up_at: null,
    picked_up_by: '',
    handed_over_by: null,
    pickup_checks: 0,
    pickup_signature_kind: null,
    pickup_signature: '',
    print_count: 0,
    updated_at: a.at,
  }
  await tx.put('carry_ins', row)
  await carryInEvent(tx, row, `${a.id}:received`, a.at, ctx, { step: 'received', ...accessoryDiff(a.accessories) })
  return { id: row.id, number: row.number }
}

export const CarryInStepFields = z.object({ carryInId: Id, to: z.enum(['repairing', 'waiting_parts'], { error: 'errors.field.choice' }) })
export const CarryInStepArgs = CarryInStepFields.extend({ id: Id, at: Instant })

/** 检测维修 / 待备件 at the bench (修复 is the close-out); waiting for a part pauses the ticket's clocks as on site. */
export async function carryInStep(tx: Tx, a: z.output<typeof CarryInStepArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const c = await takenIn(tx, ctx, a.carryInId)
  if (!CARRY_IN_STEPS[c.status].includes(a.to)) throw ruleError('errors.carryIn.cannotStep', { from: c.status, to: a.to })
  await tx.update('carry_ins', c.id, { status: a.to, updated_at: a.at })
  const open = (await tx.list('ticket_pauses', { ticket_id: c.ticket_id })).find((p) => p.to_at === null)
  if (a.to === 'waiting_parts' && !open) await pauseTicket(tx, { ticketId: c.ticket_id, id: a.id, at: a.at, reason: 'parts', note: '' }, ctx)
  if (a.to === 'repairing' && open?.reason === 'parts') await resumeTicket(tx, { ticketId: c.ticket_id, at: a.at }, ctx)
  await carryInEvent(tx, c, a.id, a.at, ctx, { step: a.to })
  return { ok: true }
}

export const NoticeFields = z.object({ carryInId: Id, note: said(200, 'errors.carryIn.noticeRequired') })
export const NoticeArgs = NoticeFields.extend({ id: Id, at: Instant })

/** 告知客户: a call telling the customer the repair runs late and how it stands. */
export async function noticeCustomer(tx: Tx, a: z.output<typeof NoticeArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const c = await takenIn(tx, ctx, a.carryInId)
  if (c.status === 'picked_up') throw ruleError('errors.carryIn.pickedUp', { number: c.number })
  await tx.update('carry_ins', c.id, { notices: [...c.notices, { at: a.at, by: ctx.userId, note: a.note }], updated_at: a.at })
  await carryInEvent(tx, c, a.id, a.at, ctx, { step: 'notice', note: a.note })
  return { ok: true }
}

export const PickUpFields = z.object({
  carryInId: Id,
  /** Read off the customer's take-in receipt. */
  receiptNumber: text(40),
  /** 复验两次以上 in front of the customer. */
  checks: z.number().int().min(0).max(9),
  pickedUpBy: said(40, 'errors.carryIn.pickedUpByRequired'),
  signature: Signature,
})
export const PickUpArgs = PickUpFields.extend({ at: Instant })

/** 取机: the receipt's number matches, the repair is checked twice before the customer, who signs for it. */
export async function pickUpDevice(tx: Tx, a: z.output<typeof PickUpArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const c = await takenIn(tx, ctx, a.carryInId)
  if (c.status === 'picked_up') throw ruleError('errors.carryIn.pickedUp', { number: c.number })
  if (c.status !== 'ready') throw ruleError('errors.carryIn.notReady', { number: c.number })
  if (a.receiptNumber.toUpperCase() !== c.number.toUpperCase()) throw ruleError('errors.carryIn.receiptMismatch', { typed: a.receiptNumber })
  if (a.checks < 2) throw ruleError('errors.carryIn.doubleCheck')
  await tx.update('carry_ins', c.id, {
    status: 'picked_up',
    picked_up_at: a.at,
    picked_up_by: a.pickedUpBy,
    handed_over_by: ctx.userId,
    pickup_checks: a.checks,
    pickup_signature_kind: a.signature.kind,
    pickup_signature: a.signature.kind === 'drawn' ? a.signature.image : '',
    updated_at: a.at,
  })
  const t = await tx.get('tickets', c.ticket_id)
  if (t && t.status === 'resolved') await tx.update('tickets', t.id, { status: 'closed', closed_at: a.at, updated_at: a.at })
  await carryInEvent(tx, c, `${c.id}:picked_up`, a.at, ctx, { step: 'picked_up', by: a.pickedUpBy, checks: a.checks })
  return { ok: true }
}

// ---- 打印 -----------------------------------------------------------------

export const PrintedFields = z.object({
  kind: z.enum(['repair_slip', 'take_in'], { error: 'errors.field.choice' }),
  ids: z.array(Id).min(1, { error: 'errors.field.required' }).max(500, { error: 'errors.field.tooLong' }),
})
export const PrintedArgs = PrintedFields.extend({ at: Instant })

/** A slip went to the printer: the next print of it says 补打. */
export async function recordPrint(tx: Tx, a: z.output<typeof PrintedArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  for (const id of new Set(a.ids)) {
    const row = a.kind === 'repair_slip' ? await tx.get('job_reports', id) : await tx.get('carry_ins', id)
    if (!row || row.station_id !== ctx.stationId) throw ruleError(a.kind === 'repair_slip' ? 'errors.closeout.reportNotFound' : 'errors.carryIn.notFound')
    if (a.kind === 'repair_slip') await tx.update('job_reports', id, { print_count: row.print_count + 1 })
    else await tx.update('carry_ins', id, { print_count: row.print_count + 1 })
  }
  return { ok: true }
}
