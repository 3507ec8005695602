// SLA clocks (seeds 000–003). A clock is never stored as "time left": it is read from facts
// (when it started, its pauses as wall-clock intervals, when it stopped) and the target in force.
// So a change of policy or fault level during or after a pause keeps the paused time out, exactly.
import type { ServiceTime } from './calendar'

export const CLOCKS = ['respond', 'arrive', 'resolve'] as const
export type ClockName = (typeof CLOCKS)[number]

export const CLOCK_STATES = ['running', 'paused', 'warning', 'breached', 'met'] as const
export type ClockState = (typeof CLOCK_STATES)[number]

export const PAUSE_REASONS = ['customer', 'parts'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]

/** Service minutes: warning when `warn` have passed, breached after `limit`. */
export interface Target {
  warn: number
  limit: number
}

export interface Pause {
  from: number
  /** null while the pause goes on */
  to: number | null
}

export interface ClockFacts {
  startedAt: number
  pauses: readonly Pause[]
  stoppedAt: number | null
}

export interface ClockReading {
  state: ClockState
  /** Wall-clock deadlines (ms); null while paused before reaching them. */
  warnAt: number | null
  dueAt: number | null
  /** Service minutes left to the limit at `now` (or at the stop); negative once breached. */
  leftMinutes: number
}

/** Service minutes the clock has run by t: service time since the start, less service time paused. */
export function activeMinutes(time: ServiceTime, facts: ClockFacts, t: number): number {
  const end = facts.stoppedAt !== null ? Math.min(t, facts.stoppedAt) : t
  let active = time.minutesBetween(facts.startedAt, end)
  for (const p of facts.pauses) {
    const from = Math.max(p.from, facts.startedAt)
    const to = Math.min(p.to ?? end, end)
    if (to > from) active -= time.minutesBetween(from, to)
  }
  return active
}

/** The instant the clock reaches `minutes` of running time, or null if an open pause comes first. */
export function deadlineAt(time: ServiceTime, facts: ClockFacts, minutes: number): number | null {
  let remaining = minutes
  let cursor = facts.startedAt
  const pauses = facts.pauses.length > 1 ? [...facts.pauses].sort((a, b) => a.from - b.from) : facts.pauses
  for (const p of pauses) {
    const to = p.to
    if (to !== null && to <= cursor) continue
    const from = Math.max(p.from, cursor)
    const available = time.minutesBetween(cursor, from)
    if (remaining <= available) return time.addMinutes(cursor, remaining)
    remaining -= available
    if (to === null) return null
    cursor = to
  }
  return time.addMinutes(cursor, remaining)
}

export function readClock(time: ServiceTime, facts: ClockFacts, target: Target, now: number): ClockReading {
  const warnAt = deadlineAt(time, facts, target.warn)
  const dueAt = deadlineAt(time, facts, target.limit)
  const active = activeMinutes(time, facts, facts.stoppedAt ?? now)
  return { state: clockState(facts, target, now, active), warnAt, dueAt, leftMinutes: target.limit - active }
}

/** The state of a clock at now from its running time (activeMinutes at now, or at its stop). */
export function clockState(facts: ClockFacts, target: Target, now: number, active: number): ClockState {
  if (facts.stoppedAt !== null) return active <= target.limit ? 'met' : 'breached'
  if (active > target.limit) return 'breached'
  if (facts.pauses.some((p) => p.from <= now && (p.to === null || p.to > now))) return 'paused'
  if (active >= target.warn) return 'warning'
  return 'running'
}
