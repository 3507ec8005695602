// A job's life after 派工 (issue 5): 已派工 → 已接单 → 在途 → 到达现场, then 完成 / 待备件 / 已升级
// (ticket.resolve, ticket.pause with reason 'parts', ticket.escalate). Also undoing a first assignment
// (the board's Ctrl+Z) and the helper engineers (协助工程师) of a job. Each step records its time on
// the ticket and a timeline event; arrival stops the arrival clock and the deadlines are recomputed.
import { z } from 'zod'
import { Id, Instant } from '../api/schemas'
import { ruleError } from '../api/errors'
import type { TicketStatus } from '../domain/enums'
import { event, openTicket, recomputeClocks } from './clocks'
import { UNASSIGNED, holder } from './assign'
import type { TicketRow, UserRow } from './tables'
import type { MutationContext, Tx } from './tx'

/** An engineer (running the mutation from a phone or a desk of his own) moves only his own jobs. */
function ownJob(t: TicketRow, ctx: MutationContext): void {
  if (ctx.role === 'engineer' && t.assignee_id !== ctx.userId && !t.helper_ids.includes(ctx.userId)) throw ruleError('errors.ticket.notYourJob')
}

// ---- 撤回派工 -------------------------------------------------------------

/** Statuses an assignment can still be taken back from: the engineer has not set off. */
const UNASSIGNABLE: readonly TicketStatus[] = ['assigned', 'accepted']

const UnassignFields = z.object({
  ticketId: Id,
  /** The assignee the dispatcher saw (the one the undo takes the ticket from). */
  expectedAssigneeId: Id,
})
export const UnassignInput = UnassignFields
export const UnassignArgs = UnassignFields.extend({ id: Id, at: Instant })
export type UnassignArgs = z.output<typeof UnassignArgs>

/** Back to 待派工: the ticket leaves its engineer, its appointment and its helpers (Ctrl+Z of a first 派工). */
export async function unassignTicket(tx: Tx, a: UnassignArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  ownJob(t, ctx)
  if (t.assignee_id === null) throw ruleError('errors.ticket.notAssigned', { number: t.number })
  if (t.assignee_id !== a.expectedAssigneeId) throw ruleError('errors.ticket.unassignConflict', await holder(tx, t))
  if (!UNASSIGNABLE.includes(t.status)) throw ruleError('errors.ticket.cannotUnassign', { status: t.status })
  await tx.update('tickets', t.id, { ...UNASSIGNED, helper_ids: [], updated_at: a.at })
  await event(tx, t, a.id, a.at, 'assigned', ctx.userId, { engineerId: null, from: t.assignee_id, desk: ctx.deskCode })
  return { ok: true }
}

/** Re-applying a rejected undo on the current state: it takes the ticket from whoever holds it now. */
export async function refreshUnassign(tx: Tx, a: UnassignArgs): Promise<UnassignArgs> {
  const t = await tx.get('tickets', a.ticketId)
  return { ...a, expectedAssigneeId: t?.assignee_id ?? a.expectedAssigneeId }
}

// ---- 协助工程师 -----------------------------------------------------------

const HelperFields = z.object({ ticketId: Id, engineerId: Id })
export const HelperInput = HelperFields
export const HelperArgs = HelperFields.extend({ id: Id, at: Instant })
export type HelperArgs = z.output<typeof HelperArgs>

async function helperEngineer(tx: Tx, t: TicketRow, engineerId: string): Promise<UserRow> {
  const engineer = await tx.get('users', engineerId)
  if (!engineer || engineer.role !== 'engineer' || !engineer.active) throw ruleError('errors.ticket.engineerNotFound')
  if (engineer.station_id !== t.station_id) throw ruleError('errors.ticket.helperOfOtherStation')
  return engineer
}

/** A second engineer on an assigned job (same station, not its assignee, once). */
export async function addHelper(tx: Tx, a: HelperArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  ownJob(t, ctx)
  if (t.assignee_id === null) throw ruleError('errors.ticket.helperNeedsAssignee')
  const engineer = await helperEngineer(tx, t, a.engineerId)
  if (engineer.id === t.assignee_id) throw ruleError('errors.ticket.helperIsAssignee', { name: engineer.name })
  if (t.helper_ids.includes(engineer.id)) throw ruleError('errors.ticket.alreadyHelper', { name: engineer.name })
  await tx.update('tickets', t.id, { helper_ids: [...t.helper_ids, engineer.id], updated_at: a.at })
  await event(tx, t, a.id, a.at, 'helper', ctx.userId, { change: 'added', engineerId: engineer.id, engineerName: engineer.name })
  return { ok: true }
}

export async function removeHelper(tx: Tx, a: HelperArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  ownJob(t, ctx)
  const engineer = await tx.get('users', a.engineerId)
  if (!t.helper_ids.includes(a.engineerId)) throw ruleError('errors.ticket.notHelper', { name: engineer?.name ?? a.engineerId })
  await tx.update('tickets', t.id, { helper_ids: t.helper_ids.filter((id) => id !== a.engineerId), updated_at: a.at })
  await event(tx, t, a.id, a.at, 'helper', ctx.userId, { change: 'removed', engineerId: a.engineerId, engineerName: engineer?.name ?? null })
  return { ok: true }
}

// ---- 接单 / 出发 / 到达 ---------------------------------------------------

export const JobStepInput = z.object({ ticketId: Id })
export const JobStepArgs = JobStepInput.extend({ id: Id, at: Instant })
export type JobStepArgs = z.output<typeof JobStepArgs>

interface Step {
  to: TicketStatus
  from: readonly TicketStatus[]
  refusal: 'errors.ticket.cannotAccept' | 'errors.ticket.cannotDepart' | 'errors.ticket.cannotArrive'
  stamp: 'accepted_at' | 'departed_at' | 'arrived_at'
}

const STEPS = {
  accept: { to: 'accepted', from: ['assigned'], refusal: 'errors.ticket.cannotAccept', stamp: 'accepted_at' },
  depart: { to: 'en_route', from: ['assigned', 'accepted'], refusal: 'errors.ticket.cannotDepart', stamp: 'departed_at' },
  arrive: { to: 'on_site', from: ['assigned', 'accepted', 'en_route'], refusal: 'errors.ticket.cannotArrive', stamp: 'arrived_at' },
} as const satisfies Record<string, Step>

async function jobStep(tx: Tx, step: Step, a: JobStepArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  ownJob(t, ctx)
  if (!step.from.includes(t.status)) throw ruleError(step.refusal, { status: t.status })
  const patch = { status: step.to, [step.stamp]: a.at, updated_at: a.at } as Partial<TicketRow>
  await tx.update('tickets', t.id, patch)
  await event(tx, t, a.id, a.at, 'status', ctx.userId, { from: t.status, to: step.to })
  // arriving stops the arrival clock: the next deadline is the resolution's (or none)
  if (step.stamp === 'arrived_at') await recomputeClocks(tx, { ...t, ...patch }, { repin: false, at: a.at })
  return { ok: true }
}

/** 已派工 → 已接单. */
export const acceptJob = (tx: Tx, a: JobStepArgs, ctx: MutationContext) => jobStep(tx, STEPS.accept, a, ctx)
/** 已接单 (or straight from 已派工) → 在途. */
export const departJob = (tx: Tx, a: JobStepArgs, ctx: MutationContext) => jobStep(tx, STEPS.depart, a, ctx)
/** 在途 / 已接单 / 已派工 → 到达现场: stops the arrival clock. */
export const arriveJob = (tx: Tx, a: JobStepArgs, ctx: MutationContext) => jobStep(tx, STEPS.arrive, a, ctx)
