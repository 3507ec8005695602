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
