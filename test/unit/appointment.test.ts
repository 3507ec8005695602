import { describe, expect, it } from 'vitest'
import { proposeWindow, type WindowRequest } from '../../shared/domain/appointment'
import { atWallTime, fixedClock, instantOfLocalInput, localInputValue, minuteOfDay, utcOffsetMinutes, wallTime } from '../../shared/domain/time'

// Beijing time is UTC+8: 10:07 local is 02:07Z.
const base: WindowRequest = { now: '2026-04-07T02:07:00.000Z', etaMinutes: 20, arrivalDue: '2026-04-07T04:00:00.000Z', busy: [] }

describe('proposeWindow', () => {
  it.each([
    ['the next quarter hour after the engineer can be there', base, '10:30', '11:30', true],
    ['no travel time known: from now', { ...base, etaMinutes: null }, '10:15', '11:15', true],
    ['exactly on the grid stays there', { ...base, now: '2026-04-07T02:10:00.000Z' }, '10:30', '11:30', true],
    ['after a booked window it clashes with', { ...base, busy: [{ start: '2026-04-07T02:00:00.000Z', end: '2026-04-07T03:10:00.000Z' }] }, '11:15', '12:15', true],
    [
      'past several booked windows in any order',
      {
        ...base,
        busy: [
          { start: '2026-04-07T03:15:00.000Z', end: '2026-04-07T04:00:00.000Z' },
          { start: '2026-04-07T02:30:00.000Z', end: '2026-04-07T03:15:00.000Z' },
        ],
      },
      '12:00',
      '13:00',
      true,
    ],
    ['a booked window that ends before the engineer can arrive is no clash', { ...base, busy: [{ start: '2026-04-07T01:00:00.000Z', end: '2026-04-07T02:20:00.000Z' }] }, '10:30', '11:30', true],
    ['a free gap long enough before a later booking is taken', { ...base, busy: [{ start: '2026-04-07T03:30:00.000Z', end: '2026-04-07T04:30:00.000Z' }] }, '10:30', '11:30', true],
    ['starting after the arrival deadline is flagged', { ...base, etaMinutes: 150 }, '12:45', '13:45', false],
    ['starting on the deadline meets it', { ...base, etaMinutes: 113 }, '12:00', '13:00', true],
    ['no arrival clock: always meets', { ...base, etaMinutes: 500, arrivalDue: null }, '18:30', '19:30', true],
    ['a 30-minute window on a 30-minute grid', { ...base, lengthMinutes: 30, stepMinutes: 30 }, '10:30', '11:00', true],
  ])('%s', (_, req, start, end, meets) => {
    const w = proposeWindow(req)
    expect([wallTime(w.start), wallTime(w.end), w.meetsDeadline]).toEqual([start, end, meets])
  })
})

describe('wall-clock times in the station zone', () => {
  it.each([
    ['2026-04-07T02:07:00.000Z', '09:30', '2026-04-07T01:30:00.000Z'],
    ['2026-04-06T17:00:00.000Z', '23:45', '2026-04-07T15:45:00.000Z'],
    ['2026-12-31T16:30:00.000Z', '00:00', '2026-12-31T16:00:00.000Z'],
  ])('on the local day of %s, %s is %s', (day, hhmm, instant) => {
    expect(atWallTime(day, hhmm)).toBe(instant)
    expect(wallTime(instant)).toBe(hhmm)
  })

  it('refuses what is not a time', () => {
    expect(atWallTime(base.now, '9:3')).toBeNull()
    expect(atWallTime(base.now, 'ab:cd')).toBeNull()
  })

  it('reads the same wall clock at a fixed offset, fast, as through the zone', () => {
    const clock = fixedClock(utcOffsetMinutes('Asia/Shanghai', Date.parse(base.now)))
    for (const at of ['2026-04-07T02:07:00.000Z', '2026-04-06T16:00:00.000Z', '2026-04-07T15:59:00.000Z', '2026-12-31T16:30:00.000Z']) {
      expect(clock.minuteOfDay(at)).toBe(minuteOfDay(at))
      expect(clock.hhmm(at)).toBe(wallTime(at))
    }
    expect(utcOffsetMinutes('Asia/Shanghai', Date.parse(base.now))).toBe(480)
  })

  it.each([
    ['2026-11-20T02:30:00.000Z', '2026-11-20T10:30'],
    ['2026-12-31T16:05:00.000Z', '2027-01-01T00:05'],
  ])('shows %s in a date-and-time field as %s, and reads it back', (instant, field) => {
    expect(localInputValue(instant)).toBe(field)
    expect(instantOfLocalInput(field)).toBe(instant)
  })

  it('reads nothing from a field that is not a date and time', () => {
    expect(instantOfLocalInput('2026-11-20 10:30')).toBeNull()
    expect(instantOfLocalInput('')).toBeNull()
  })

  it('places an instant on the day', () => {
    expect(minuteOfDay('2026-04-07T02:07:00.000Z')).toBe(10 * 60 + 7)
    expect(minuteOfDay('2026-04-06T16:00:00.000Z')).toBe(0)
  })
})
