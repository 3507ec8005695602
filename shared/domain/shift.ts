// An engineer's working day. Until rosters exist (排班), every engineer on duty works the same default
// shift, in the station's local time; this is the one place that says when it is.
import { DEFAULT_TIMEZONE, atWallTime } from './time'

/** 08:00–20:00 station local time: the default working day of an engineer on duty (not 休息). */
export const DEFAULT_SHIFT = { start: '08:00', end: '20:00' } as const

/** Today's end of work (the default shift's end) at a station, as an instant. */
export function shiftEndToday(now: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return atWallTime(now.toISOString(), DEFAULT_SHIFT.end, timezone)!
}
