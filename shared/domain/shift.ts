// An engineer's working day. Until rosters exist (排班), every engineer on duty works the same default
// shift, in the station's local time; this is the one place that says when it is.
import { TZDate } from '@date-fns/tz'
import { DEFAULT_TIMEZONE } from './time'

/** 08:00–20:00 station local time: the default working day of an engineer on duty (not 休息). */
export const DEFAULT_SHIFT = { start: '08:00', end: '20:00' } as const

/** The instant (ISO, UTC) of a wall-clock time HH:mm on the local calendar day of `now`. */
export function localTimeOn(now: Date, hhmm: string, timezone: string = DEFAULT_TIMEZONE): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  const day = new TZDate(now, timezone)
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, 0, timezone).getTime()).toISOString()
}

/** Today's end of work (the default shift's end) at a station, as an instant. */
export function shiftEndToday(now: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return localTimeOn(now, DEFAULT_SHIFT.end, timezone)
}
