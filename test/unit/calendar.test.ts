import { describe, expect, it } from 'vitest'
import { ServiceTime, formatWindows, parseWindows, type HolidayEntry } from '../../shared/domain/calendar'
import { CALENDAR_PRESETS, HOLIDAYS_2026 } from '../../shared/domain/rules'

const TZ = 'Asia/Shanghai'
/** A wall-clock time in Kunming → epoch ms. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`)
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

const time = (cal: keyof typeof CALENDAR_PRESETS, holidays: HolidayEntry[] = HOLIDAYS_2026) => new ServiceTime(CALENDAR_PRESETS[cal]!, holidays, TZ)

describe('adding service minutes', () => {
  it.each([
    // 7×24: every minute counts, across days, months and years
    ['7x24', '2026-11-20 10:00', 240, '2026-11-20 14:00'],
    ['7x24', '2026-11-20 22:00', 240, '2026-11-21 02:00'],
    ['7x24', '2026-12-31 23:00', 120, '2027-01-01 01:00'],
    ['7x24', '2026-10-01 09:00', 60, '2026-10-01 10:00'], // holidays do not stop a 7×24 clock
    ['7x24', '2028-02-28 23:00', 120, '2028-02-29 01:00'], // leap day
    // 7×14: 08:00–22:00 every day
    ['7x14', '2026-11-20 21:00', 120, '2026-11-21 09:00'],
    ['7x14', '2026-11-20 23:30', 30, '2026-11-21 08:30'],
    ['7x14', '2026-11-20 06:00', 0, '2026-11-20 06:00'],
    ['7x14', '2026-11-21 07:00', 840, '2026-11-21 22:00'],
    ['7x14', '2026-10-01 20:00', 180, '2026-10-02 09:00'], // open on National Day
    // 5×8: Mon–Fri 08:30–12:00, 13:00–18:00
    ['5x8', '2026-11-20 17:00', 120, '2026-11-23 09:30'], // Friday evening → Monday
    ['5x8', '2026-11-20 19:30', 240, '2026-11-23 13:30'], // after hours on Friday, lunch skipped
    ['5x8', '2026-11-23 11:30', 60, '2026-11-23 13:30'], // over lunch
    ['5x8', '2026-11-23 12:15', 30, '2026-11-23 13:30'], // starting in the lunch break
    ['5x8', '2026-11-23 08:00', 510, '2026-11-23 18:00'], // one full working day is 510 min
    ['5x8', '2026-11-23 08:00', 511, '2026-11-24 08:31'],
    ['5x8', '2026-11-21 10:00', 30, '2026-11-23 09:00'], // Saturday
    // 5×8 with holidays and 调休
    ['5x8', '2026-04-03 19:30', 240, '2026-04-07 13:30'], // Friday before 清明 (Sat–Mon off)
    ['5x8', '2026-09-18 19:30', 60, '2026-09-20 09:30'], // Sunday 9-20 is a make-up working day
    ['5x8', '2026-09-30 17:00', 120, '2026-10-08 09:30'], // across 国庆: 10-01…10-07 off
    ['5x8', '2026-10-09 17:00', 120, '2026-10-10 09:30'], // Saturday 10-10 is a make-up working day
    ['5x8', '2026-02-13 17:30', 60, '2026-02-14 09:00'], // Saturday 2-14 works before 春节
    ['5x8', '2026-02-14 17:00', 120, '2026-02-24 09:30'], // the nine days of 春节
    ['5x8', '2026-12-31 17:00', 120, '2027-01-01 09:30'], // 2027 not yet imported: Friday counts as a weekday
    // 5×8 (seed 001): 09:30–19:30
    ['5x8-long', '2026-11-20 19:00', 60, '2026-11-23 10:00'],
  ])('%s: %s + %d min → %s', (cal, start, minutes, expected) => {
    expect(local(time(cal as keyof typeof CALENDAR_PRESETS).addMinutes(at(start), minutes))).toBe(expected)
  })

  it('a clock reaching the end of a day stops at 18:00, not at the next morning', () => {
    expect(local(time('5x8').addMinutes(at('2026-09-30 17:00'), 60))).toBe('2026-09-30 18:00')
    expect(local(time('5x8').addMinutes(at('2026-09-30 17:30'), 60))).toBe('2026-10-08 09:00')
  })
})

describe('service minutes between two instants', () => {
  it.each([
    ['7x24', '2026-11-20 10:00', '2026-11-21 10:00', 1440],
    ['7x14', '2026-11-20 07:00', '2026-11-20 23:00', 840],
    ['5x8', '2026-11-20 09:00', '2026-11-20 14:00', 240], // lunch does not count
    ['5x8', '2026-11-20 17:00', '2026-11-23 09:00', 90], // a weekend in between
    ['5x8', '2026-04-03 17:00', '2026-04-07 09:00', 90], // weekend + 清明 Monday
    ['5x8', '2026-09-19 00:00', '2026-09-21 00:00', 510], // Sat off, Sun 调休 works
    ['5x8', '2026-11-23 12:00', '2026-11-23 13:00', 0],
    ['5x8', '2026-11-23 14:00', '2026-11-23 10:00', 0], // reversed
    ['7x24', '2028-02-28 00:00', '2028-03-01 00:00', 2880], // leap year February
  ])('%s: %s → %s is %d min', (cal, a, b, minutes) => {
    expect(time(cal as keyof typeof CALENDAR_PRESETS).minutesBetween(at(a), at(b))).toBe(minutes)
  })

  it('is the inverse of adding, over a year of random starts', () => {
    const t = time('5x8')
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 200; i++) {
      const start = at('2026-01-01 00:00') + Math.floor(rnd() * 365 * 1440) * 60_000
      const minutes = Math.floor(rnd() * 5000) + 1
      expect(t.minutesBetween(start, t.addMinutes(start, minutes))).toBe(minutes)
    }
  })

  it('an edited holiday table changes the answer', () => {
    const custom: HolidayEntry[] = [{ date: '2026-11-23', kind: 'off', name: '测试休息日' }]
    expect(local(time('5x8', custom).addMinutes(at('2026-11-20 17:00'), 120))).toBe('2026-11-24 09:30')
  })
})

describe('opening hours as written in 设置', () => {
  it.each([
    ['08:30-12:00, 13:00-18:00', [[510, 720], [780, 1080]]],
    ['8:00-22:00', [[480, 1320]]],
    ['00:00-24:00', [[0, 1440]]],
    ['09:30至19:30', [[570, 1170]]],
    ['', []],
    ['08:30-12:00，13:00-18:00', [[510, 720], [780, 1080]]],
  ])('%j → %j', (text, windows) => {
    expect(parseWindows(text)).toEqual(windows)
    expect(parseWindows(formatWindows(windows as [number, number][]))).toEqual(windows)
  })
  it.each(['18:00-08:00', '08:30', '25:00-26:00', '08:70-09:00', '13:00-18:00, 08:30-12:00', 'morning'])('refuses %j', (text) => {
    expect(parseWindows(text)).toBeNull()
  })
})
