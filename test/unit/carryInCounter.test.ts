import { describe, expect, it } from 'vitest'
import type { CarryInView } from '../../shared/api/closeoutSchemas'
import { counterRows, daysLate, expectedReadyDay, nextNoticeDay, nextTag, owedCalls } from '../../renderer/src/carryIn/counter'

let n = 0
function carryIn(patch: Partial<CarryInView>): CarryInView {
  n++
  return {
    id: `ci-${n}`,
    number: `QJ-WH-2611-${String(n).padStart(3, '0')}`,
    ticketId: `t-${n}`,
    ticketNumber: `WH0-261118-${String(n).padStart(3, '0')}`,
    station: { code: 'WH', name: '昆明五华站', address: '', phone: '' },
    receivedAt: `2026-11-1${n % 10}T02:00:00.000Z`,
    receivedByName: '张丽',
    customer: { unitName: `单位${n}`, address: '', contactName: `联系人${n}`, phone: `1388800${String(n).padStart(4, '0')}` },
    device: { category: 'desktop', brand: '联想', model: 'M720', serial: `SN${n}` },
    tagNumber: `WH-${String(n).padStart(4, '0')}`,
    accessories: [],
    conditionNote: '',
    faultDescription: '',
    promisedOn: '2026-11-22',
    printCount: 0,
    status: 'repairing',
    notices: [],
    readyAt: null,
    pickedUpAt: null,
    pickedUpBy: '',
    lateNotice: null,
    ...patch,
  }
}

describe('the carry-in counter', () => {
  const overdueLong = carryIn({ promisedOn: '2026-11-15', lateNotice: { dueOn: '2026-11-14', kind: 'before_promise', overdue: true } })
  const overdueShort = carryIn({ promisedOn: '2026-11-12', lateNotice: { dueOn: '2026-11-18', kind: 'progress', overdue: true } })
  const today = carryIn({ promisedOn: '2026-11-21', lateNotice: { dueOn: '2026-11-20', kind: 'before_promise', overdue: false } })
  const ready = carryIn({ status: 'ready', promisedOn: '2026-11-19' })
  const later = carryIn({ promisedOn: '2026-11-25' })
  const soon = carryIn({ promisedOn: '2026-11-23', status: 'waiting_parts' })
  const gone = carryIn({ status: 'picked_up', pickedUpAt: '2026-11-19T08:00:00.000Z', tagNumber: 'WH-0002' })
  const all = [later, gone, ready, today, soon, overdueShort, overdueLong]

  it('puts the longest overdue call first, then today’s, then devices ready to collect, then by the promised day', () => {
    expect(counterRows(all, { status: 'all', owedOnly: false, search: '' }).map((c) => c.id)).toEqual([overdueLong.id, overdueShort.id, today.id, ready.id, soon.id, later.id, gone.id])
  })

  it('filters: at the counter, by status, calls owed only, and a search by receipt, tag, ticket or customer', () => {
    const ids = (f: Parameters<typeof counterRows>[1]) => counterRows(all, f).map((c) => c.id)
    expect(ids({ status: 'atCounter', owedOnly: false, search: '' })).not.toContain(gone.id)
    expect(ids({ status: 'waiting_parts', owedOnly: false, search: '' })).toEqual([soon.id])
    expect(ids({ status: 'atCounter', owedOnly: true, search: '' })).toEqual([overdueLong.id, overdueShort.id, today.id])
    expect(ids({ status: 'all', owedOnly: false, search: later.tagNumber.toLowerCase() })).toEqual([later.id])
    expect(ids({ status: 'all', owedOnly: false, search: ` ${ready.number} ` })).toEqual([ready.id])
    expect(ids({ status: 'all', owedOnly: false, search: soon.ticketNumber })).toEqual([soon.id])
    expect(ids({ status: 'all', owedOnly: false, search: today.customer.unitName })).toEqual([today.id])
  })

  it('counts the calls owed for the nav badge', () => {
    expect(owedCalls(all)).toEqual({ owed: 3, overdue: 2 })
  })

  it('says how many days a call is late', () => {
    expect(daysLate('2026-11-14', '2026-11-20', true)).toBe(6)
    expect(daysLate('2026-11-20', '2026-11-20', false)).toBe(0)
    // a day behind the desk's clock still says at least one day when the desk says overdue
    expect(daysLate('2026-11-20', '2026-11-20', true)).toBe(1)
  })

  it('suggests the smallest tag no machine at the counter carries; a collected machine frees its tag', () => {
    expect(nextTag('WH', [])).toBe('WH-0001')
    const tags = (...t: [string, CarryInView['status']][]) => t.map(([tagNumber, status]) => ({ tagNumber, status }))
    expect(nextTag('WH', tags(['WH-0001', 'repairing'], ['WH-0002', 'picked_up'], ['WH-0003', 'ready']))).toBe('WH-0002')
    expect(nextTag('WH', tags(['WH-0001', 'received'], ['wh-0002', 'received'], ['柜台A', 'received']))).toBe('WH-0003')
  })

  it('names two days after the promise, or after today when that is past, as the new day in a late call', () => {
    expect(expectedReadyDay({ promisedOn: '2026-11-21' }, '2026-11-20')).toBe('2026-11-23')
    expect(expectedReadyDay({ promisedOn: '2026-11-15' }, '2026-11-20')).toBe('2026-11-22')
  })

  it('tells the day the next call falls due while none is owed: the day before the promise, then 2 days after the last call', () => {
    expect(nextNoticeDay({ status: 'repairing', promisedOn: '2026-11-23', notices: [] }, 'Asia/Shanghai')).toBe('2026-11-22')
    // told at 10:30 Beijing time on the 20th (02:30 UTC): next on the 22nd
    expect(nextNoticeDay({ status: 'waiting_parts', promisedOn: '2026-11-20', notices: [{ at: '2026-11-20T02:30:00.000Z', byName: '张丽', note: '待备件' }] }, 'Asia/Shanghai')).toBe('2026-11-22')
    expect(nextNoticeDay({ status: 'ready', promisedOn: '2026-11-20', notices: [] }, 'Asia/Shanghai')).toBeNull()
  })
})
