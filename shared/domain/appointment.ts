// 预约: the appointment window booked with a dispatch. Seed 002 §十一 asks for a real window ("not
// some time this afternoon"); the desk proposes the earliest one the engineer can keep, so the
// dispatcher usually just confirms it.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { DEFAULT_TIMEZONE } from './time'

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

/** HH:mm of an instant in the station's time zone (what the dialog's time fields show). */
export function wallTime(instant: string, timezone: string = DEFAULT_TIMEZONE): string {
  return format(new TZDate(new Date(instant), timezone), 'HH:mm')
}

/** The instant of a wall-clock time on the calendar day of `day` (an instant), in the station's time zone. */
export function atWallTime(day: string, hhmm: string, timezone: string = DEFAULT_TIMEZONE): string | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m) return null
  const d = new TZDate(new Date(day), timezone)
  const at = new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Number(m[1]), Number(m[2]), 0, timezone)
  return new Date(at.getTime()).toISOString()
}

/** The zone's offset from UTC in minutes at an instant (Asia/Shanghai: 480). */
export function utcOffsetMinutes(timezone: string, at: number): number {
  return -new TZDate(at, timezone).getTimezoneOffset()
}

/**
 * Wall-clock arithmetic at a fixed offset, for the many times a screen draws in one day (a roster's
 * strips): a zone conversion per job cost ~0.1 ms, which at hundreds of jobs is a dropped frame.
 */
export function fixedClock(offsetMinutes: number): { minuteOfDay(instant: string): number; hhmm(instant: string): string } {
  const local = (instant: string) => Math.floor((Date.parse(instant) / 60_000 + offsetMinutes) % 1440 + 1440) % 1440
  return {
    minuteOfDay: local,
    hhmm: (instant) => {
      const m = local(instant)
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    },
  }
}

/** Minutes since local midnight of an instant (where a job sits on a roster strip). */
export function minuteOfDay(instant: string, timezone: string = DEFAULT_TIMEZONE): number {
  const d = new TZDate(new Date(instant), timezone)
  return d.getHours() * 60 + d.getMinutes()
}
