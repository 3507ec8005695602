// 备品备件 (issue 6, seed 002 §十): the catalogue, every movement of the ledger (台帐) with the balances it
// moves, the bad-part return chain (返修单 → 装箱单 → 仓库签收) and the monthly reconciliation (月度对帐).
// Each movement is refused, changing nothing, if it would take a balance below zero, if its month is
// closed, or if it lacks the signatures, approval or reason the seed's forms ask for.
import { z } from 'zod'
import { ruleError } from '../api/errors'
import { Id, Instant } from '../api/schemas'
import { applyLegs, balanceKey, checkSignable, lastDayOf, legsOf, monthOf, reconcile, MONTH_RE, PART_CATEGORIES, STOCK_PLACES, type Leg, type MovementInput, type StockPlace } from '../domain/parts'
import type { Role } from '../domain/enums'
import { localDate } from '../domain/time'
import type { PartMovementRow, PartRow, ReconciliationRow, ReturnSlipRow, UserRow } from './tables'
import type { MutationContext, Tx } from './tx'

const text = (max: number) => z.string({ error: 'errors.field.invalid' }).trim().max(max, { error: 'errors.field.tooLong' })
const required = (max: number) => text(max).min(1, { error: 'errors.field.required' })
/** Yuan with at most two decimals in the form; fen (分) in the store. */
const Fen = z.number({ error: 'errors.field.invalid' }).int({ error: 'errors.field.invalid' }).min(0, { error: 'errors.field.invalid' }).max(100_000_000, { error: 'errors.field.invalid' })
const Qty = z.number({ error: 'errors.parts.qty' }).int({ error: 'errors.parts.qty' }).min(1, { error: 'errors.parts.qty' }).max(10_000, { error: 'errors.parts.qty' })
const Month = z.string({ error: 'errors.parts.monthInvalid' }).regex(MONTH_RE, { error: 'errors.parts.monthInvalid' })

// ---- 备件目录 --------------------------------------------------------------

export const PartFields = z.object({
  number: required(40),
  name: required(60),
  model: text(60),
  category: z.enum(PART_CATEGORIES, { error: 'errors.field.choice' }),
  grade: z.number({ error: 'errors.field.invalid' }).int({ error: 'errors.field.invalid' }).min(1, { error: 'errors.field.invalid' }).max(9, { error: 'errors.field.invalid' }),
  unitCost: Fen,
  price: Fen,
})
export type PartFields = z.output<typeof PartFields>
export const PartCreateArgs = PartFields.extend({ id: Id, at: Instant })
export type PartCreateArgs = z.output<typeof PartCreateArgs>

const partRow = (id: string, p: PartFields, at: string): PartRow => ({
  id,
  number: p.number,
  name: p.name,
  model: p.model,
  category: p.category,
  grade: p.grade,
  unit_cost: p.unitCost,
  price: p.price,
  active: 1,
  created_at: at,
})

export async function createPart(tx: Tx, a: PartCreateArgs): Promise<{ id: string }> {
  if ((await tx.list('parts', { number: a.number })).length) throw ruleError('errors.parts.partNumberTaken', { number: a.number })
  await tx.put('parts', partRow(a.id, a, a.at))
  return { id: a.id }
}

/** A price list or catalogue file: new numbers are added, known ones take the file's name, grade and prices. */
export const PartImportArgs = z.object({ at: Instant, parts: z.array(PartFields.extend({ id: Id })).min(1, { error: 'errors.parts.importEmpty' }).max(5000) })
export type PartImportArgs = z.output<typeof PartImportArgs>

export async function importParts(tx: Tx, a: PartImportArgs): Promise<{ added: number; updated: number }> {
  let added = 0
  let updated = 0
  for (const p of a.parts) {
    const [known] = await tx.list('parts', { number: p.number })
    if (known) {
      await tx.update('parts', known.id, { name: p.name, model: p.model, category: p.category, grade: p.grade, unit_cost: p.unitCost, price: p.price, active: 1 })
      updated++
    } else {
      await tx.put('parts', partRow(p.id, p, a.at))
      added++
    }
  }
  return { added, updated }
}

// ---- the ledger ------------------------------------------------------------

/** A balance's row id: one row per station, part, place and holder. */
export const stockRowId = (stationId: string, l: Pick<Leg, 'partId' | 'place' | 'holderId'>) => `${stationId}|${balanceKey(l.partId, l.place, l.holderId)}`

export async function part(tx: Tx, id: string): Promise<PartRow> {
  const p = await tx.get('parts', id)
  if (!p) throw ruleError('errors.parts.partNotFound')
  return p
}

const partLabel = (p: PartRow) => `${p.name} ${p.number}`

async function stationMonth(tx: Tx, ctx: MutationContext, at: string): Promise<string> {
  const station = await tx.get('stations', ctx.stationId)
  return monthOf(localDate(new Date(at), station?.timezone))
}

/** A closed month takes nothing more; one signed by one side only loses that signature, its books having changed. */
async function refuseLocked(tx: Tx, stationId: string, month: string, at: string): Promise<void> {
  const r = await tx.get('reconciliations', reconciliationId(stationId, month))
  if (r?.locked_at) throw ruleError('errors.parts.monthLocked', { month })
  if (r && (r.clerk_id || r.manager_id)) await tx.update('reconciliations', r.id, { clerk_id: null, clerk_signed_at: null, manager_id: null, manager_signed_at: null, updated_at: at })
}

/** A person of this station in the role a form names them for (the signer, the approving manager). */
export async function stationUser(tx: Tx, ctx: MutationContext, id: string | null | undefined, role: Role): Promise<UserRow> {
  const u = id ? await tx.get('users', id) : undefined
  if (!u || u.station_id !== ctx.stationId || u.role !== role || !u.active) {
    throw ruleError('errors.parts.signerRole', { name: u?.name ?? id ?? '', role })
  }
  return u
}

export async function stationEngineer(tx: Tx, ctx: MutationContext, id: string | null | undefined): Promise<UserRow> {
  if (!id) throw ruleError('errors.parts.engineerRequired')
  return stationUser(tx, ctx, id, 'engineer')
}

interface Booking extends MovementInput {
  id: string
  at: string
  clerkId?: string | null
  managerId?: string | null
  reason?: string
  approvedBy?: string | null
  approvalNote?: string
  reference?: string
  slipId?: string | null
  batchId?: string | null
}

/** Books one movement: its legs move the balances (none below zero) and it joins the ledger. */
async function book(tx: Tx, ctx: MutationContext, b: Booking): Promise<PartMovementRow> {
  const month = await stationMonth(tx, ctx, b.at)
  await refuseLocked(tx, ctx.stationId, month, b.at)
  const legs = legsOf(b)
  const names = new Map<string, string>()
  for (const l of legs) if (!names.has(l.partId)) names.set(l.partId, partLabel(await part(tx, l.partId)))
  const rows = new Map<string, number>()
  for (const l of legs) {
    const id = stockRowId(ctx.stationId, l)
    rows.set(balanceKey(l.partId, l.place, l.holderId), (await tx.get('part_stock', id))?.qty ?? 0)
  }
  const after = applyLegs(rows, legs, (id) => names.get(id) ?? id)
  for (const l of legs) {
    await tx.put('part_stock', {
      id: stockRowId(ctx.stationId, l),
      station_id: ctx.stationId,
      part_id: l.partId,
      place: l.place,
      holder_id: l.holderId,
      qty: after.get(balanceKey(l.partId, l.place, l.holderId))!,
      updated_at: b.at,
    })
  }
  const row: PartMovementRow = {
    id: b.id,
    station_id: ctx.stationId,
    kind: b.kind,
    at: b.at,
    month,
    part_id: b.partId,
    qty: b.qty,
    engineer_id: b.engineerId ?? null,
    ticket_id: b.ticketId ?? null,
    legs,
    actor_id: ctx.userId,
    clerk_id: b.clerkId ?? null,
    manager_id: b.managerId ?? null,
    reason: b.reason ?? '',
    approved_by: b.approvedBy ?? null,
    approval_note: b.approvalNote ?? '',
    reference: b.reference ?? '',
    slip_id: b.slipId ?? null,
    batch_id: b.batchId ?? null,
  }
  await tx.put('part_movements', row)
  return row
}

type Ok = { ok: true }
const OK: Ok = { ok: true }

/** 入库: parts from the branch warehouse, against its shipment number or an approved request (申请表). */
export const ReceiveFields = z.object({ partId: Id, qty: Qty, reference: text(60), requestId: Id.optional() })
export const ReceiveArgs = ReceiveFields.extend({ id: Id, at: Instant })
export async function receiveParts(tx: Tx, a: z.output<typeof ReceiveArgs>, ctx: MutationContext): Promise<Ok> {
  let reference = a.reference
  if (a.requestId) {
    const r = await tx.get('part_requests', a.requestId)
    if (!r || r.station_id !== ctx.stationId) throw ruleError('errors.notFound')
    if (r.status !== 'approved' && r.status !== 'received') throw ruleError('errors.parts.requestNotApproved', { number: r.number })
    if (!r.lines.some((l) => l.partId === a.partId)) throw ruleError('errors.parts.notRequested', { number: r.number })
    await tx.update('part_requests', r.id, { status: 'received', received_at: r.received_at ?? a.at })
    reference = reference || r.number
  }
  await book(tx, ctx, { ...a, reference, kind: 'receive' })
  return OK
}

// ---- 申请表 -----------------------------------------------------------------

/** The station asks the branch for parts (by its use and the good parts it has left). */
export const RequestFields = z.object({
  lines: z.array(z.object({ partId: Id, qty: Qty })).min(1, { error: 'errors.parts.requestEmpty' }).max(100),
  reason: text(200),
})
export const RequestArgs = RequestFields.extend({ id: Id, at: Instant, number: z.string().min(1).max(40) })
export async function requestParts(tx: Tx, a: z.output<typeof RequestArgs>, ctx: MutationContext): Promise<{ id: string; number: string }> {
  for (const l of a.lines) await part(tx, l.partId)
  await tx.put('part_requests', {
    id: a.id,
    station_id: ctx.stationId,
    number: a.number,
    lines: a.lines,
    reason: a.reason,
    status: 'requested',
    requested_by: ctx.userId,
    requested_at: a.at,
    decided_by: null,
    decided_at: null,
    decision_note: '',
    received_at: null,
  })
  return { id: a.id, number: a.number }
}

/** The branch's service center (总部客服中心) approves or refuses, naming who decided. */
export const DecisionFields = z.object({ approve: z.boolean(), approverId: Id, note: text(200) })
/** The branch's service center: HQ staff and administrators, who see and decide for every station. */
const isBranch = (role: Role) => role === 'hq' || role === 'admin'

async function branchApprover(tx: Tx, id: string): Promise<UserRow> {
  const u = await tx.get('users', id)
  if (!u || !isBranch(u.role) || !u.active) throw ruleError('errors.parts.approverRole', { name: u?.name ?? id })
  return u
}

export const DecideRequestFields = DecisionFields.extend({ requestId: Id })
export const DecideRequestArgs = DecideRequestFields.extend({ at: Instant })
export async function decideRequest(tx: Tx, a: z.output<typeof DecideRequestArgs>, ctx: MutationContext): Promise<Ok> {
  const r = await tx.get('part_requests', a.requestId)
  if (!r || (r.station_id !== ctx.stationId && !isBranch(ctx.role))) throw ruleError('errors.notFound')
  if (r.status !== 'requested') throw ruleError('errors.parts.alreadyDecided', { number: r.number })
  await branchApprover(tx, a.approverId)
  await tx.update('part_requests', r.id, { status: a.approve ? 'approved' : 'rejected', decided_by: a.approverId, decided_at: a.at, decision_note: a.note })
  return OK
}

// ---- 物理损坏鉴定表 ---------------------------------------------------------------

/** A part the user damaged: the station writes down what it found; the branch approves before the exchange. */
export const AssessFields = z.object({ ticketId: Id, partId: Id, finding: text(300).refine((s) => s.length >= 4, { error: 'errors.parts.findingRequired' }) })
export const AssessArgs = AssessFields.extend({ id: Id, at: Instant, number: z.string().min(1).max(40) })
export async function assessDamage(tx: Tx, a: z.output<typeof AssessArgs>, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const ticket = await tx.get('tickets', a.ticketId)
  if (!ticket || ticket.station_id !== ctx.stationId) throw ruleError('errors.parts.ticketNotFound')
  await part(tx, a.partId)
  await tx.put('damage_assessments', {
    id: a.id,
    station_id: ctx.stationId,
    number: a.number,
    ticket_id: a.ticketId,
    part_id: a.partId,
    finding: a.finding,
    status: 'pending',
    assessed_by: ctx.userId,
    assessed_at: a.at,
    decided_by: null,
    decided_at: null,
    decision_note: '',
    used_by: null,
  })
  return { id: a.id, number: a.number }
}

export const DecideAssessmentFields = DecisionFields.extend({ assessmentId: Id })
export const DecideAssessmentArgs = DecideAssessmentFields.extend({ at: Instant })
export async function decideAssessment(tx: Tx, a: z.output<typeof DecideAssessmentArgs>, ctx: MutationContext): Promise<Ok> {
  const d = await tx.get('damage_assessments', a.assessmentId)
  if (!d || (d.station_id !== ctx.stationId && !isBranch(ctx.role))) throw ruleError('errors.notFound')
  if (d.status !== 'pending') throw ruleError('errors.parts.alreadyDecided', { number: d.number })
  await branchApprover(tx, a.approverId)
  await tx.update('damage_assessments', d.id, { status: a.approve ? 'approved' : 'rejected', decided_by: a.approverId, decided_at: a.at, decision_note: a.note })
  return OK
}

/** 申领单 / 退库补领单: checked good parts to an engineer and back, signed by the clerk and the manager. */
export const HandOverFields = z.object({ partId: Id, qty: Qty, engineerId: Id, clerkId: Id, managerId: Id })
export const HandOverArgs = HandOverFields.extend({ id: Id, at: Instant })
type HandOverArgs = z.output<typeof HandOverArgs>

async function signers(tx: Tx, ctx: MutationContext, a: HandOverArgs): Promise<void> {
  await stationEngineer(tx, ctx, a.engineerId)
  await stationUser(tx, ctx, a.clerkId, 'clerk')
  await stationUser(tx, ctx, a.managerId, 'manager')
}

export async function issueParts(tx: Tx, a: HandOverArgs, ctx: MutationContext): Promise<Ok> {
  await signers(tx, ctx, a)
  await book(tx, ctx, { ...a, kind: 'issue' })
  return OK
}

export async function returnGoodParts(tx: Tx, a: HandOverArgs, ctx: MutationContext): Promise<Ok> {
  await signers(tx, ctx, a)
  await book(tx, ctx, { ...a, kind: 'return_good' })
  return OK
}

/**
 * 更换: the engineer's good part goes into the customer's machine on a ticket, one for one; the bad part
 * taken out is booked against the same ticket and gets its return slip (返修单) with the exact fault. A
 * part of another number stands in only if it is of the same kind and no lower grade, with the approval noted.
 */
export const SwapFields = z.object({
  ticketId: Id,
  engineerId: Id,
  partId: Id,
  /** The part taken out; omitted: the same number as the one put in. */
  badPartId: Id.optional(),
  faultDescription: text(300).refine((s) => s.length >= 4, { error: 'errors.parts.faultRequired' }),
  approvedBy: Id.optional(),
  approvalNote: text(200).default(''),
  /** The part was damaged by the user: the exchange needs the branch's approved assessment for it. */
  physicalDamage: z.boolean().default(false),
  assessmentId: Id.optional(),
})
export const SwapArgs = SwapFields.extend({ id: Id, at: Instant, slipId: Id, slipNumber: z.string().min(1).max(40) })
export type SwapArgs = z.output<typeof SwapArgs>

export async function swapPart(tx: Tx, a: SwapArgs, ctx: MutationContext): Promise<{ slipId: string; slipNumber: string }> {
  const ticket = await tx.get('tickets', a.ticketId)
  if (!ticket || ticket.station_id !== ctx.stationId) throw ruleError('errors.parts.ticketNotFound')
  await stationEngineer(tx, ctx, a.engineerId)
  const good = await part(tx, a.partId)
  const bad = a.badPartId && a.badPartId !== a.partId ? await part(tx, a.badPartId) : good
  let note = ''
  if (bad.id !== good.id) {
    if (bad.category !== good.category) throw ruleError('errors.parts.substituteCategory', { good: partLabel(good), bad: partLabel(bad) })
    if (good.grade < bad.grade) throw ruleError('errors.parts.substituteLowerGrade', { good: partLabel(good), bad: partLabel(bad) })
    if (!a.approvedBy || a.approvalNote === '') throw ruleError('errors.parts.substituteNeedsApproval', { good: partLabel(good), bad: partLabel(bad) })
    await stationUser(tx, ctx, a.approvedBy, 'manager')
    // the seed: 在歸還壞備品備件時，在備注欄注明是不同型號的部件更換
    note = `不同型号更换：以 ${good.number} 代 ${bad.number}；${a.approvalNote}`
  }
  if (a.physicalDamage) {
    const d = a.assessmentId ? await tx.get('damage_assessments', a.assessmentId) : undefined
    if (!d || d.ticket_id !== ticket.id || d.part_id !== bad.id || d.status !== 'approved' || d.used_by !== null) throw ruleError('errors.parts.damageNeedsApproval', { part: partLabel(bad) })
    await tx.update('damage_assessments', d.id, { used_by: a.id })
    note = [note, `物理损坏，鉴定表 ${d.number} 已批准`].filter(Boolean).join('；')
  }
  await book(tx, ctx, { ...a, kind: 'swap', qty: 1, badPartId: bad.id, approvedBy: a.approvedBy ?? null, approvalNote: a.approvalNote, slipId: a.slipId })
  const slip: ReturnSlipRow = {
    id: a.slipId,
    station_id: ctx.stationId,
    number: a.slipNumber,
    part_id: bad.id,
    good_part_id: good.id,
    ticket_id: ticket.id,
    engineer_id: a.engineerId,
    movement_id: a.id,
    fault_description: a.faultDescription,
    note,
    status: 'open',
    batch_id: null,
    created_at: a.at,
    received_at: null,
  }
  await tx.put('return_slips', slip)
  return { slipId: slip.id, slipNumber: slip.number }
}

/** 替代机: a loaner from the shelf to the customer of a ticket, and back. */
export const LoanFields = z.object({ partId: Id, ticketId: Id })
export const LoanArgs = LoanFields.extend({ id: Id, at: Instant })
type LoanArgs = z.output<typeof LoanArgs>

async function loan(tx: Tx, a: LoanArgs, ctx: MutationContext, kind: 'loan_out' | 'loan_back'): Promise<Ok> {
  const ticket = await tx.get('tickets', a.ticketId)
  if (!ticket || ticket.station_id !== ctx.stationId) throw ruleError('errors.parts.ticketNotFound')
  await book(tx, ctx, { ...a, kind, qty: 1 })
  return OK
}
export const lendLoaner = (tx: Tx, a: LoanArgs, ctx: MutationContext) => loan(tx, a, ctx, 'loan_out')
export const takeBackLoaner = (tx: Tx, a: LoanArgs, ctx: MutationContext) => loan(tx, a, ctx, 'loan_back')

/** 调整: a balance put right (found, lost, damaged): signed by the station manager, always with the reason. */
export const AdjustFields = z.object({
  partId: Id,
  place: z.enum(STOCK_PLACES, { error: 'errors.field.choice' }),
  holderId: Id.nullable().default(null),
  delta: z.number({ error: 'errors.parts.qty' }).int({ error: 'errors.parts.qty' }).refine((n) => n !== 0, { error: 'errors.parts.qty' }),
  reason: text(200).min(2, { error: 'errors.parts.reasonRequired' }),
  managerId: Id,
})
export const AdjustArgs = AdjustFields.extend({ id: Id, at: Instant })
export async function adjustStock(tx: Tx, a: z.output<typeof AdjustArgs>, ctx: MutationContext): Promise<Ok> {
  await stationUser(tx, ctx, a.managerId, 'manager')
  await book(tx, ctx, { id: a.id, at: a.at, kind: 'adjust', partId: a.partId, qty: a.delta, place: a.place as StockPlace, holderId: a.holderId, reason: a.reason, managerId: a.managerId })
  return OK
}

// ---- 坏件返库 ---------------------------------------------------------------

/** The week's box: the open return slips given (or all open ones) go to the warehouse with a packing list. Its movements' ids are the box's, numbered. */
export const ShipFields = z.object({ slipIds: z.array(Id).max(500).optional() })
export const ShipArgs = ShipFields.extend({ id: Id, at: Instant, batchNumber: z.string().min(1).max(40) })
export type ShipArgs = z.output<typeof ShipArgs>

export async function shipBadParts(tx: Tx, a: ShipArgs, ctx: MutationContext): Promise<{ batchId: string; batchNumber: string; slips: number }> {
  const open = (await tx.list('return_slips', { station_id: ctx.stationId, status: 'open' })).sort((x, y) => (x.number < y.number ? -1 : 1))
  const chosen = a.slipIds ? a.slipIds.map((id) => open.find((s) => s.id === id) ?? null) : open
  const missing = chosen.findIndex((s) => s === null)
  if (missing >= 0) {
    const slip = await tx.get('return_slips', a.slipIds![missing]!)
    throw ruleError('errors.parts.slipNotOpen', { number: slip?.number ?? '' })
  }
  const slips = chosen as ReturnSlipRow[]
  if (slips.length === 0) throw ruleError('errors.parts.batchEmpty')
  await tx.put('return_batches', { id: a.id, station_id: ctx.stationId, number: a.batchNumber, status: 'shipped', shipped_at: a.at, shipped_by: ctx.userId, received_at: null })
  for (const [i, s] of slips.entries()) {
    await book(tx, ctx, { id: `${a.id}-${i + 1}`, at: a.at, kind: 'ship_bad', partId: s.part_id, qty: 1, slipId: s.id, batchId: a.id, reference: a.batchNumber })
    await tx.update('return_slips', s.id, { status: 'boxed', batch_id: a.id })
  }
  return { batchId: a.id, batchNumber: a.batchNumber, slips: slips.length }
}

/** 仓库签收: the warehouse has the box; its slips are closed. */
export const ReceiptFields = z.object({ batchId: Id })
export const ReceiptArgs = ReceiptFields.extend({ id: Id, at: Instant })
export async function receiveReturnBatch(tx: Tx, a: z.output<typeof ReceiptArgs>, ctx: MutationContext): Promise<Ok> {
  const batch = await tx.get('return_batches', a.batchId)
  if (!batch || batch.station_id !== ctx.stationId) throw ruleError('errors.notFound')
  if (batch.status !== 'shipped') throw ruleError('errors.parts.batchNotShipped', { number: batch.number })
  const slips = (await tx.list('return_slips', { batch_id: batch.id })).sort((x, y) => (x.number < y.number ? -1 : 1))
  for (const [i, s] of slips.entries()) {
    await book(tx, ctx, { id: `${a.id}-${i + 1}`, at: a.at, kind: 'warehouse_receipt', partId: s.part_id, qty: 1, slipId: s.id, batchId: batch.id, reference: batch.number })
    await tx.update('return_slips', s.id, { status: 'received', received_at: a.at })
  }
  await tx.update('return_batches', batch.id, { status: 'received', received_at: a.at })
  return OK
}

// ---- 月度对帐 ---------------------------------------------------------------

export const reconciliationId = (stationId: string, month: string) => `${stationId}|${month}`

export const CountLine = z.object({
  partId: Id,
  place: z.enum(STOCK_PLACES, { error: 'errors.field.choice' }),
  holderId: Id.nullable().default(null),
  counted: z.number({ error: 'errors.field.invalid' }).int({ error: 'errors.field.invalid' }).min(0, { error: 'errors.field.invalid' }).max(1_000_000),
  reason: text(200).default(''),
})
export const CountFields = z.object({ month: Month, counts: z.array(CountLine).max(20_000) })
export const CountArgs = CountFields.extend({ at: Instant })

async function openReconciliation(tx: Tx, ctx: MutationContext, month: string): Promise<ReconciliationRow | undefined> {
  const r = await tx.get('reconciliations', reconciliationId(ctx.stationId, month))
  if (r?.locked_at) throw ruleError('errors.parts.monthLocked', { month })
  return r
}

/** The counted quantities (扫码 or typed) and the reasons for differences. A change of counts voids signatures given. */
export async function countStock(tx: Tx, a: z.output<typeof CountArgs>, ctx: MutationContext): Promise<Ok> {
  const r = await openReconciliation(tx, ctx, a.month)
  const counts = a.counts.map((c) => ({ partId: c.partId, place: c.place, holderId: c.holderId, counted: c.counted, reason: c.reason }))
  const row: ReconciliationRow = {
    id: reconciliationId(ctx.stationId, a.month),
    station_id: ctx.stationId,
    month: a.month,
    counts,
    clerk_id: null,
    clerk_signed_at: null,
    manager_id: null,
    manager_signed_at: null,
    locked_at: null,
    updated_at: a.at,
  }
  const same = r && JSON.stringify(r.counts) === JSON.stringify(counts)
  await tx.put('reconciliations', same ? { ...r, updated_at: a.at } : row)
  return OK
}

/** Manager and clerk sign once the month is over, every balance counted and every difference explained; both: the month is closed. */
export const SignFields = z.object({ month: Month, signerId: Id })
export const SignArgs = SignFields.extend({ at: Instant })
export async function signReconciliation(tx: Tx, a: z.output<typeof SignArgs>, ctx: MutationContext): Promise<{ locked: boolean }> {
  const r = await openReconciliation(tx, ctx, a.month)
  const station = await tx.get('stations', ctx.stationId)
  if (localDate(new Date(a.at), station?.timezone) < lastDayOf(a.month)) throw ruleError('errors.parts.monthNotOver', { month: a.month })
  const signer = await tx.get('users', a.signerId)
  const role = signer?.role === 'clerk' || signer?.role === 'manager' ? signer.role : null
  if (!signer || !role || signer.station_id !== ctx.stationId) throw ruleError('errors.parts.signerNotAccountant', { name: signer?.name ?? a.signerId })
  const entries = (await tx.list('part_movements', { station_id: ctx.stationId })).map((m) => ({ month: m.month, legs: m.legs }))
  const lines = reconcile(entries, a.month, r?.counts ?? [])
  const names = new Map((await Promise.all([...new Set(lines.map((l) => l.partId))].map((id) => tx.get('parts', id)))).filter((p): p is PartRow => Boolean(p)).map((p) => [p.id, partLabel(p)]))
  checkSignable(lines, (id) => names.get(id) ?? id)
  const base = r ?? { id: reconciliationId(ctx.stationId, a.month), station_id: ctx.stationId, month: a.month, counts: [], clerk_id: null, clerk_signed_at: null, manager_id: null, manager_signed_at: null, locked_at: null, updated_at: a.at }
  if ((role === 'clerk' ? base.clerk_id : base.manager_id) !== null) throw ruleError('errors.parts.alreadySigned', { name: signer.name })
  const signed = role === 'clerk' ? { ...base, clerk_id: signer.id, clerk_signed_at: a.at } : { ...base, manager_id: signer.id, manager_signed_at: a.at }
  const locked = signed.clerk_id !== null && signed.manager_id !== null
  await tx.put('reconciliations', { ...signed, locked_at: locked ? a.at : null, updated_at: a.at })
  return { locked }
}
