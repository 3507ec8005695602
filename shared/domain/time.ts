import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

export const DEFAULT_TIMEZONE = 'Asia/Shanghai'

/** The calendar date (yyyy-MM-dd) of an instant in a station's time zone. */
export function localDate(instant: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return format(new TZDate(instant, timezone), 'yyyy-MM-dd')
}

/** Wall-clock date and time (yyyy-MM-dd HH:mm) of an instant in a station's time zone. */
export function localDateTime(instant: Date | string, timezone: string = DEFAULT_TIMEZONE): string {
  return format(new TZDate(new Date(instant), timezone), 'yyyy-MM-dd HH:mm')
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

/** An instant as a datetime-local field shows it in the station's time zone (yyyy-MM-ddTHH:mm). */
export function localInputValue(instant: string, timezone: string = DEFAULT_TIMEZONE): string {
  return format(new TZDate(new Date(instant), timezone), "yyyy-MM-dd'T'HH:mm")
}

/** The instant of a datetime-local field's value read in the station's time zone, or null when it is not one. */
export function instantOfLocalInput(value: string, timezone: string = DEFAULT_TIMEZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return null
  const at = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), 0, timezone)
  return Number.isNaN(at.getTime()) ? null : new Date(at.getTime()).toISOString()
}
