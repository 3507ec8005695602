// Escalation (seed 003 §5): hotline → on-site engineer via the service manager → expert via the
// general manager. The desk proposes the next step when the current step's limit passes; a
// dispatcher confirms it, naming the supervisor the fault report went to.
import type { FaultLevel, ServiceMode } from './enums'
import type { EscalationRules, SupervisorRole } from './rules'
import type { ClockReading } from './sla'

export const ESCALATION_STEPS = [1, 2, 3] as const
export type EscalationStep = (typeof ESCALATION_STEPS)[number]

/** Where a ticket starts: a phone or remote case at the hotline, anything else with an engineer. */
export function initialStep(mode: ServiceMode): EscalationStep {
  return mode === 'phone_support' || mode === 'remote' ? 1 : 2
}

export interface EscalationProposal {
  toStep: 2 | 3
  supervisorRole: SupervisorRole
  /** Service minutes the step had, and how many it has used. */
  limitMinutes: number
  usedMinutes: number
}

export function proposeEscalation(
  rules: EscalationRules,
  ticket: { step: EscalationStep; faultLevel: FaultLevel; resolved: boolean; activeMinutes: number; resolve: ClockReading | null },
): EscalationProposal | null {
  if (ticket.resolved || ticket.step === 3) return null
  if (ticket.step === 1) {
    const limit = rules.hotlineLimit[ticket.faultLevel]
    return ticket.activeMinutes > limit ? { toStep: 2, supervisorRole: rules.supervisors.onsite[ticket.faultLevel], limitMinutes: limit, usedMinutes: ticket.activeMinutes } : null
  }
  const r = ticket.resolve
  if (r && r.state === 'breached') {
    return { toStep: 3, supervisorRole: rules.supervisors.expert[ticket.faultLevel], limitMinutes: ticket.activeMinutes - r.leftMinutes, usedMinutes: ticket.activeMinutes }
  }
  return null
}
