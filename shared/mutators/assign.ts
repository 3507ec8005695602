// 派工: a ticket goes to an engineer. Two dispatchers can assign the same ticket while one of them is
// offline; the server runs this same code in arrival order, so the second finds the ticket no longer
// as it saw it and is rejected with who assigned it, where, and to whom.
import { z } from 'zod'
import { Id, Instant } from '../api/schemas'
import { ruleError } from '../api/errors'
import { event, openTicket } from './clocks'
import type { TicketRow } from './tables'
import type { MutationContext, Tx } from './tx'

/** A ticket with no engineer: what a new ticket starts as and an undone dispatch returns to. */
export const UNASSIGNED = {
  status: 'new',
  assignee_id: null,
  assigned_by: null,
  assigned_desk: null,
  appointment_start: null,
  appointment_end: null,
  helper_ids: [],
  accepted_at: null,
} as const satisfies Partial<TicketRow>

const AssignFields = z.object({
  ticketId: Id,
  engineerId: Id,
  /** The assignee the dispatcher saw when deciding; null for an unassigned ticket. */
  expectedAssigneeId: Id.nullable().default(null),
  appointmentStart: Instant.nullable().default(null),
  appointmentEnd: Instant.nullable().default(null),
})
type Window = { appointmentStart: string | null; appointmentEnd: string | null }
const windowRule: [(a: Window) => boolean, { error: string; path: string[] }] = [
  (a) => (a.appointmentStart === null) === (a.appointmentEnd === null) && (a.appointmentStart === null || a.appointmentStart < a.appointmentEnd!),
  { error: 'errors.ticket.appointmentWindow', path: ['appointmentEnd'] },
]

/** What the dispatcher gives (the contract's input). */
export const AssignInput = AssignFields.refine(...windowRule)
/** The mutator's full arguments: plus the timeline entry's id and the time, made on the desk. */
export const AssignArgs = AssignFields.extend({ id: Id, at: Instant }).refine(...windowRule)
export type AssignArgs = z.output<typeof AssignArgs>

/** Who holds the ticket now, in words for a conflict message. */
export async function holder(tx: Tx, t: TicketRow): Promise<Record<string, string>> {
  const [engineer, by] = await Promise.all([t.assignee_id ? tx.get('users', t.assignee_id) : undefined, t.assigned_by ? tx.get('users', t.assigned_by) : undefined])
  return { number: t.number, engineer: engineer?.name ?? '—', by: by?.name ?? '—', desk: t.assigned_desk ?? '—' }
}

export async function assignTicket(tx: Tx, a: AssignArgs, ctx: MutationContext): Promise<{ ok: true }> {
  const t = await openTicket(tx, a.ticketId)
  if (t.assignee_id !== a.expectedAssigneeId) throw ruleError('errors.ticket.assignedElsewhere', await holder(tx, t))
  const engineer = await tx.get('users', a.engineerId)
  if (!engineer || engineer.role !== 'engineer' || !engineer.active) throw ruleError('errors.ticket.engineerNotFound')
  if (engineer.station_id !== t.station_id) throw ruleError('errors.ticket.engineerOfOtherStation')
  // A job handed to another engineer is his to accept: an accepted or en-route job starts again at 已派工.
  const restart = t.status === 'new' || (t.assignee_id !== engineer.id && (t.status === 'accepted' || t.status === 'en_route'))
  await tx.update('tickets', t.id, {
    assignee_id: engineer.id,
    assigned_by: ctx.userId,
    assigned_desk: ctx.deskCode,
    appointment_start: a.appointmentStart,
    appointment_end: a.appointmentEnd,
    ...(restart ? { status: 'assigned' as const, accepted_at: null, departed_at: null } : {}),
    // a helper who becomes the assignee is no longer his own helper
    ...(t.helper_ids.includes(engineer.id) ? { helper_ids: t.helper_ids.filter((id) => id !== engineer.id) } : {}),
    updated_at: a.at,
  })
  await event(tx, t, a.id, a.at, 'assigned', ctx.userId, {
    engineerId: engineer.id,
    engineerName: engineer.name,
    from: t.assignee_id,
    desk: ctx.deskCode,
    appointmentStart: a.appointmentStart,
    appointmentEnd: a.appointmentEnd,
  })
  return { ok: true }
}

/**
 * Re-applying a rejected assignment on the current state: the dispatcher has seen who holds the
 * ticket now (the 同步记录 panel shows it) and decides to take it over, so the precondition moves on.
 */
export async function refreshAssign(tx: Tx, a: AssignArgs): Promise<AssignArgs> {
  const t = await tx.get('tickets', a.ticketId)
  return { ...a, expectedAssigneeId: t?.assignee_id ?? null }
}
