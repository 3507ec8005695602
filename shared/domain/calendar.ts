// Service calendars (服务时段): when the clocks run. Seeds 000 (7×14), 001/004 (5×8), 003 (7×24).
import { TZDate } from '@date-fns/tz'

/** [start, end) in minutes after local midnight. */
export type Window = readonly [number, number]

export interface CalendarDef {
  id: string
  name: string
  /** Windows per weekday, index 0 = Sunday … 6 = Saturday. */
  week: readonly (readonly Window[])[]
  /** Closed on public holidays and open on 调休 make-up working days. */
  observesHolidays: boolean
  /** Hours of a 调休 make-up working day. */
  makeUpDay: readonly Window[]
}

export type HolidayKind = 'off' | 'work'
export interface HolidayEntry {
  date: string // yyyy-MM-dd
  kind: HolidayKind
  name: string
}

const MIN = 60_000
const DAY_MS = 86_400_000

/** Which hours a given local day is open. */
export function dayWindows(cal: CalendarDef, date: string, weekday: number, holidays: ReadonlyMap<string, HolidayKind>): readonly Window[] {
  if (cal.observesHolidays) {
    const kind = holidays.get(date)
    if (kind === 'off') return []
    if (kind === 'work') return cal.makeUpDay
  }
  return cal.week[weekday] ?? []
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Service time of one calendar in one time zone: every open window as UTC instants with the
 * service time before it, so adding or measuring service minutes is a binary search.
 * Built by whole years around the instants asked for.
 */
export class ServiceTime {
  private starts: number[] = []
  private ends: number[] = []
  /** Service ms before starts[i], counted from the first window. */
  private before: number[] = []
  private fromYear = 0
  private toYear = -1
  /** Instants well inside the built years: no time-zone arithmetic is needed to know t is covered. */
  private safeFrom = Infinity
  private safeTo = -Infinity
  private readonly holidays: ReadonlyMap<string, HolidayKind>

  constructor(
    readonly calendar: CalendarDef,
    holidays: readonly HolidayEntry[],
    readonly timezone: string,
  ) {
    this.holidays = new Map(holidays.map((h) => [h.date, h.kind]))
  }

  private yearOf(t: number): number {
    return new TZDate(t, this.timezone).getFullYear()
  }

  private ensure(t: number): void {
    if (t >= this.safeFrom && t < this.safeTo) return
    const y = this.yearOf(t)
    if (y > this.fromYear && y < this.toYear) return
    this.build(Math.min(y - 1, this.toYear < this.fromYear ? y - 1 : this.fromYear), Math.max(y + 1, this.toYear))
  }

  private build(fromYear: number, toYear: number): void {
    if (toYear - fromYear > 60) throw new RangeError('服务时段的计算范围超过 60 年')
    const starts: number[] = []
    const ends: number[] = []
    const before: number[] = []
    let total = 0
    for (let day = Date.UTC(fromYear, 0, 1); day < Date.UTC(toYear + 1, 0, 1); day += DAY_MS) {
      const d = new Date(day)
      const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
      const windows = dayWindows(this.calendar, `${y}-${pad(m + 1)}-${pad(dd)}`, d.getUTCDay(), this.holidays)
      if (windows.length === 0) continue
      const midnight = new TZDate(y, m, dd, this.timezone).getTime()
      for (const [s, e] of windows) {
        const start = midnight + s * MIN
        const end = midnight + e * MIN
        if (end <= start) continue
        // Windows that touch (23:00–24:00 then 00:00–01:00) become one.
        if (ends.length && ends[ends.length - 1] === start) {
          ends[ends.length - 1] = end
        } else {
          starts.push(start)
          ends.push(end)
          before.push(total)
        }
        total += end - start
      }
    }
    this.starts = starts
    this.ends = ends
    this.before = before
    this.fromYear = fromYear
    this.toYear = toYear
    // a day's margin keeps the year boundaries in any time zone inside the built range
    this.safeFrom = Date.UTC(fromYear + 1, 0, 2)
    this.safeTo = Date.UTC(toYear, 0, 0)
  }

  /** Index of the last window starting at or before t, or -1. */
  private windowAt(t: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid]! <= t) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /** Service ms from the start of the index to t. */
  private cumulative(t: number): number {
    const i = this.windowAt(t)
    if (i < 0) return 0
    return this.before[i]! + Math.min(t, this.ends[i]!) - this.starts[i]!
  }

  /** Service minutes between two instants (0 when b is before a). */
  minutesBetween(a: number, b: number): number {
    if (b <= a) return 0
    this.ensure(a)
    this.ensure(b)
    return (this.cumulative(b) - this.cumulative(a)) / MIN
  }

  /** The instant at which `minutes` of service time have passed after t. */
  addMinutes(t: number, minutes: number): number {
    this.ensure(t)
    const target = this.cumulative(t) + minutes * MIN
    for (;;) {
      // First window whose end has more service time than the target.
      let lo = 0
      let hi = this.starts.length - 1
      let found = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (this.before[mid]! + (this.ends[mid]! - this.starts[mid]!) >= target) {
          found = mid
          hi = mid - 1
        } else lo = mid + 1
      }
      if (found >= 0) {
        const at = this.starts[found]! + (target - this.before[found]!)
        // With minutes = 0 outside service hours, the clock stands still where it is.
        return Math.max(at, minutes === 0 ? t : at)
      }
      if (this.starts.length === 0 && this.toYear - this.fromYear >= 10) throw new RangeError('该服务时段没有任何服务时间')
      this.build(this.fromYear, this.toYear + 2)
    }
  }
}

const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`

/** Windows as a dispatcher writes them: "08:30-12:00, 13:00-18:00"; an empty string is a closed day. */
export function formatWindows(ws: readonly Window[]): string {
  return ws.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`).join(', ')
}

/** The inverse of formatWindows; null when the text is not a list of opening hours. */
export function parseWindows(text: string): Window[] | null {
  if (!text.trim()) return []
  const out: Window[] = []
  for (const part of text.split(/[,，;；]/)) {
    const m = /^\s*(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})\s*$/.exec(part)
    if (!m) return null
    const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]
    const s = h1 * 60 + m1
    const e = h2 * 60 + m2
    if (m1 > 59 || m2 > 59 || s >= e || e > 1440) return null
    if (out.length && s < out[out.length - 1]![1]) return null
    out.push([s, e])
  }
  return out
}
