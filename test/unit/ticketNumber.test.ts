import { describe, expect, it } from 'vitest'
import { formatTicketNumber } from '../../shared/domain/ticketNumber'
import { localDate } from '../../shared/domain/time'

describe('ticket numbers', () => {
  it.each([
    [{ stationCode: 'WH', deskCode: '1', localDate: '2026-11-22', sequence: 7 }, 'WH1-261122-007'],
    [{ stationCode: 'QJ', deskCode: '2', localDate: '2027-01-01', sequence: 1 }, 'QJ2-270101-001'],
    [{ stationCode: 'DL', deskCode: '9', localDate: '2026-02-28', sequence: 999 }, 'DL9-260228-999'],
    [{ stationCode: 'WH', deskCode: '1', localDate: '2026-11-22', sequence: 1234 }, 'WH1-261122-1234'],
  ])('%o → %s', (parts, expected) => {
    expect(formatTicketNumber(parts)).toBe(expected)
  })

  it.each([
    // Beijing is UTC+8: 16:30 UTC is already the next day at the station.
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('an instant %s falls on %s in Asia/Shanghai', (instant, day) => {
    expect(localDate(new Date(instant), 'Asia/Shanghai')).toBe(day)
  })
})
