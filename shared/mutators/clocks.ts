// Writes that change a ticket's clocks: pause and resume (待客户 / 待备件), first response, resolution,
// a new fault level, escalation. Each records the fact and recomputes the stored next deadline.
import { z } from 'zod'
import { FaultLevel, Id, Instant, Zone } from '../api/schemas'
import { ruleError } from '../api/errors'
import { DIRECT_RESOLVE_METHODS, OPEN_TICKET_STATUSES, type ResolveMethod, type TicketStatus } from '../domain/enums'
import { nextDue, type TicketFacts } from '../domain/ticketClocks'
import { PAUSE_REASONS } from '../domain/sla'
import type { TicketEventRow, TicketPauseRow, TicketRow } from './tables'
import { rulesInForce, rulesVersion } from './rules'
import { followUpJob } from './followUp'
import type { MutationContext, Tx } from './tx'

export function ticketFacts(t: TicketRow, pauses: readonly Pick<TicketPauseRow, 'from_at' | 'to_at'>[]): TicketFacts {
  return {
    createdAt: t.created_at,
    serviceMode: t.service_mode,
    serviceLevel: t.service_level,
    zone: t.zone,
    faultLevel: t.fault_level,
    respondedAt: t.responded_at,
    arrivedAt: t.arrived_at,
    resolvedAt: t.resolved_at,
    pauses: pauses.map((p) => ({ fromAt: p.from_at, toAt: p.to_at })),
  }
}

/** Recomputes the stored next deadline from the facts; `repin` moves the ticket to the rules in force. */
export async function recomputeClocks(tx: Tx, ticket: TicketRow, opts: { repin: boolean; at: string; pauses?: readonly TicketPauseRow[] }): Promise<void> {
  // planned work (定期巡检) runs no SLA clocks
  if (ticket.channel === 'plan') return
  const { version, rules } = opts.repin || ticket.rules_version === null ? await rulesInForce(tx) : { version: ticket.rules_version, rules: await rulesVersion(tx, ticket.rules_version) }
  const pauses = opts.pauses ?? (await tx.list('ticket_pauses', { ticket_id: ticket.id }))
  const next_due = nextDue(rules, ticketFacts(ticket, pauses))
  if (next_due === ticket.next_due && version === ticket.rules_version) return
  await tx.update('tickets', ticket.id, { next_due, rules_version: version, updated_at: opts.at })
}

export async function openTicket(tx: Tx, id: string): Promise<TicketRow> {
  const t = await tx.get('tickets', id)
  if (!t) throw ruleError('errors.rule.ticketNotFound')
  if (!OPEN_TICKET_STATUSES.includes(t.status)) throw ruleError('errors.ticket.closed')
  return t
}

export async function event(tx: Tx, t: TicketRow, id: string, at: string, kind: TicketEventRow['kind'], actor: string, data: Record<string, unknown>): Promise<void> {
  await tx.put('ticket_events', { id, ticket_id: t.id, station_id: t.station_id, at, kind, actor_id: actor, data })
}

const TicketRef = z.object({ ticketId: Id, at: Instant })

export const PauseArgs = TicketRef.extend({ id: Id, reason: z.enum(PAUSE_REASONS, { error: 'errors.field.choice' }), note: z.string().trim().max(200).default('') })
export async function pauseTicket(tx: Tx, a: z.output<typeof PauseArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  const pauses = await tx.list('ticket_pauses', { ticket_id: t.id })
  if (pauses.some((p) => p.to_at === null)) throw ruleError('errors.ticket.alreadyPaused')
  await tx.put('ticket_pauses', { id: a.id, ticket_id: t.id, station_id: t.station_id, reason: a.reason, note: a.note, from_at: a.at, to_at: null, paused_by: ctx.userId, resumed_by: null })
  // 待备件 is also the job's status; waiting for the customer is not
  if (a.reason === 'parts') await tx.update('tickets', t.id, { status: 'waiting_parts', updated_at: a.at })
  await event(tx, t, `${a.id}:paused`, a.at, 'paused', ctx.userId, { reason: a.reason, note: a.note, ...(a.reason === 'parts' ? { from: t.status } : {}) })
  await recomputeClocks(tx, t, { repin: false, at: a.at })
  return { ok: true }
}

/**
 * The status a job returns to when the parts have come (待备件 ends): read from its facts, so it holds
 * for tickets paused before the facts were kept too (the step it reached, or 已升级 at step 3).
 */
export function workingStatus(t: TicketRow): TicketStatus {
  if (t.escalation_step >= 3) return 'escalated'
  if (t.arrived_at) return 'on_site'
  if (t.departed_at) return 'en_route'
  if (t.accepted_at) return 'accepted'
  return t.assignee_id ? 'assigned' : 'new'
}

export const ResumeArgs = TicketRef
export async function resumeTicket(tx: Tx, a: z.output<typeof ResumeArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  const open = (await tx.list('ticket_pauses', { ticket_id: t.id })).find((p) => p.to_at === null)
  if (!open) throw ruleError('errors.ticket.notPaused')
  await tx.update('ticket_pauses', open.id, { to_at: a.at, resumed_by: ctx.userId })
  const status = t.status === 'waiting_parts' ? workingStatus(t) : t.status
  if (status !== t.status) await tx.update('tickets', t.id, { status, updated_at: a.at })
  await event(tx, t, `${open.id}:resumed`, a.at, 'resumed', ctx.userId, { reason: open.reason, ...(status !== t.status ? { to: status } : {}) })
  await recomputeClocks(tx, t, { repin: false, at: a.at })
  return { ok: true }
}

export const RespondArgs = TicketRef
/** 首次响应: the customer has been called back with a first answer; stops the response clock. */
export async function respondTicket(tx: Tx, a: z.output<typeof RespondArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  if (t.responded_at) return { ok: true }
  await tx.update('tickets', t.id, { responded_at: a.at })
  await event(tx, t, `${t.id}:responded`, a.at, 'responded', ctx.userId, {})
  await recomputeClocks(tx, { ...t, responded_at: a.at }, { repin: false, at: a.at })
  return { ok: true }
}

export const ResolveArgs = TicketRef.extend({ method: z.enum(DIRECT_RESOLVE_METHODS, { error: 'errors.field.choice' }), note: z.string().trim().max(500).default('') })
/** Resolved; a fix by phone or remote gets a re-confirmation call within 24 h (seed 003 b). */
export async function resolveTicket(tx: Tx, a: z.output<typeof ResolveArgs>, ctx: MutationContext): Promise<{ recheckDue: string | null }> {
  const t = await openTicket(tx, a.ticketId)
  // a device at the counter goes home through its close-out and pick-up, never by a bare 解决
  if (t.service_mode === 'carry_in') throw ruleError('errors.closeout.carryInNeedsCloseOut', { number: t.number })
  return resolved(tx, t, a, ctx)
}

/**
 * The ticket resolved: an open pause ends, the clocks stop; a fix by phone or remote is confirmed again within 24 h.
 * Its outcome is kept for the reports and its return visits are scheduled.
 */
export async function resolved(tx: Tx, t: TicketRow, a: { at: string; method: ResolveMethod; note: string }, ctx: MutationContext): Promise<{ recheckDue: string | null }> {
  const { rules } = await rulesInForce(tx)
  const pauses = await tx.list('ticket_pauses', { ticket_id: t.id })
  const open = pauses.find((p) => p.to_at === null)
  if (open) await tx.update('ticket_pauses', open.id, { to_at: a.at, resumed_by: ctx.userId })
  const recheckDue = a.method === 'onsite' || a.method === 'carry_in' ? null : new Date(Date.parse(a.at) + rules.phoneFixRecheckHours * 3_600_000).toISOString()
  await tx.update('tickets', t.id, { status: 'resolved', resolved_at: a.at, recheck_due: recheckDue, next_due: null, updated_at: a.at })
  await event(tx, t, `${t.id}:resolved`, a.at, 'resolved', ctx.userId, { method: a.method, note: a.note, recheckDue })
  await followUpJob(tx, t, a, pauses)
  return { recheckDue }
}

export const FaultLevelArgs = TicketRef.extend({ faultLevel: FaultLevel })
/** A new fault level: the same facts read against the new targets, under the rules in force. */
export async function setFaultLevel(tx: Tx, a: z.output<typeof FaultLevelArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  if (t.fault_level === a.faultLevel) return { ok: true }
  await tx.update('tickets', t.id, { fault_level: a.faultLevel })
  await event(tx, t, `${t.id}:level:${a.at}`, a.at, 'level_changed', ctx.userId, { from: t.fault_level, to: a.faultLevel })
  await recomputeClocks(tx, { ...t, fault_level: a.faultLevel }, { repin: true, at: a.at })
  return { ok: true }
}

export const EscalateArgs = TicketRef.extend({
  toStep: z.union([z.literal(2), z.literal(3)], { error: 'errors.field.choice' }),
  supervisorId: Id,
  report: z.string({ error: 'errors.ticket.reportRequired' }).trim().min(1, { error: 'errors.ticket.reportRequired' }).max(2000, { error: 'errors.field.tooLong' }),
})
/** 升级 (seed 003 §5): the next step, confirmed by the dispatcher, with the supervisor the fault report went to. */
export async function escalateTicket(tx: Tx, a: z.output<typeof EscalateArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  if (a.toStep !== t.escalation_step + 1) throw ruleError('errors.ticket.escalationStep', { step: t.escalation_step })
  const supervisor = await tx.get('users', a.supervisorId)
  if (!supervisor || !['manager', 'hq'].includes(supervisor.role)) throw ruleError('errors.ticket.supervisorNotFound')
  await tx.update('tickets', t.id, { escalation_step: a.toStep, ...(a.toStep === 3 ? { status: 'escalated' as const } : {}), updated_at: a.at })
  await event(tx, t, `${t.id}:escalated:${a.toStep}`, a.at, 'escalated', ctx.userId, {
    step: a.toStep,
    supervisorId: supervisor.id,
    supervisorName: supervisor.name,
    report: a.report,
  })
  return { ok: true }
}

export const SetZoneArgs = z.object({ customerId: Id, zone: Zone, at: Instant })
/** The customer's zone changes: their open tickets' arrival and resolution targets follow. */
export async function setCustomerZone(tx: Tx, a: z.output<typeof SetZoneArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const c = await tx.get('customers', a.customerId)
  if (!c) throw ruleError('errors.rule.customerNotFound')
  await tx.update('customers', c.id, { zone: a.zone })
  for (const t of await tx.list('tickets', { customer_id: c.id })) {
    if (!OPEN_TICKET_STATUSES.includes(t.status) || t.zone === a.zone) continue
    await tx.update('tickets', t.id, { zone: a.zone })
    await event(tx, t, `${t.id}:zone:${a.at}`, a.at, 'zone_changed', ctx.userId, { from: t.zone, to: a.zone })
    await recomputeClocks(tx, { ...t, zone: a.zone }, { repin: true, at: a.at })
  }
  return { ok: true }
}
