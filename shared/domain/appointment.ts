// 预约: the appointment window booked with a dispatch. Seed 002 §十一 asks for a real window ("not
// some time this afternoon"); the desk proposes the earliest one the engineer can keep, so the
// dispatcher usually just confirms it.

export interface Interval {
  start: string
  end: string
}

export interface WindowRequest {
  now: string
  /** Travel time from where the engineer is (null: unknown, none assumed). */
  etaMinutes: number | null
  /** The SLA arrival deadline (null: no arrival clock runs). */
  arrivalDue: string | null
  /** Windows the engineer has booked already. */
  busy: readonly Interval[]
  lengthMinutes?: number
  /** Windows start on this grid (minutes), as people book them. */
  stepMinutes?: number
}

export interface WindowProposal extends Interval {
  /** The window starts no later than the arrival deadline (true when there is none). */
  meetsDeadline: boolean
}

const MINUTE = 60_000

const ceilTo = (ms: number, stepMinutes: number) => Math.ceil(ms / (stepMinutes * MINUTE)) * stepMinutes * MINUTE

/** The earliest window on the grid that starts after the engineer can be there and clashes with none he has booked. */
export function proposeWindow(req: WindowRequest): WindowProposal {
  const length = (req.lengthMinutes ?? 60) * MINUTE
  const step = req.stepMinutes ?? 15
  const busy = req.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })).sort((a, b) => a.start - b.start)
  let start = ceilTo(Date.parse(req.now) + (req.etaMinutes ?? 0) * MINUTE, step)
  for (const b of busy) {
    if (start < b.end && b.start < start + length) start = ceilTo(b.end, step)
  }
  const due = req.arrivalDue === null ? null : Date.parse(req.arrivalDue)
  return { start: new Date(start).toISOString(), end: new Date(start + length).toISOString(), meetsDeadline: due === null || start <= due }
}
