import { describe, expect, it } from 'vitest'
import { accessoryDiff, lateRepairNotice, type CarryInStatus } from '../../shared/domain/carryIn'
import { chargesOfJob, jobCharges, minutesWaited, type JobChargeInput } from '../../shared/domain/closeout'
import { WARRANTY_PRESET } from '../../shared/domain/warranty'

// A desktop bought 2024-03-15: mainboard and disk (3 years) in warranty until 2027-03-15, keyboard (1 year) out since 2025-03-15.
const desktop = { category: 'desktop', brand: '联想', invoiceDate: '2024-03-15', factoryMonth: null } as const
const old = { ...desktop, invoiceDate: '2021-06-01' }
const disk = { component: 'hdd', price: 38_000, replacedOutOfWarrantyOn: null } as const
const keyboard = { component: 'keyboard', price: 6_500, replacedOutOfWarrantyOn: null } as const
const job = (patch: Partial<JobChargeInput>): JobChargeInput => ({ device: desktop, on: '2026-11-20', cause: 'normal', onsiteRequested: false, lines: [], ...patch })

describe('charges on close-out (seed 002 §九), in fen', () => {
  it.each([
    ['in warranty, on site: nothing, not even the visit', job({ lines: [disk], onsiteRequested: true }), { materials: 0, onsiteFee: 0, total: 0 }],
    ['out of warranty, carry-in: the part at the price list, labour free', job({ device: old, lines: [disk] }), { materials: 38_000, labour: 0, onsiteFee: 0, total: 38_000 }],
    ['out of warranty, on site at the customer’s request: plus 50 yuan', job({ device: old, lines: [disk], onsiteRequested: true }), { materials: 38_000, onsiteFee: 5_000, total: 43_000 }],
    ['out of warranty, a visit with advice only', job({ device: old, onsiteRequested: true }), { materials: 0, onsiteFee: 5_000, total: 5_000 }],
    ['device in warranty, its keyboard out of its own year: the keyboard is charged', job({ lines: [disk, keyboard] }), { materials: 6_500, onsiteFee: 0, total: 6_500 }],
    [
      'a part replaced within its 3-month re-warranty: that part free, the visit still charged',
      job({ device: old, lines: [{ ...keyboard, replacedOutOfWarrantyOn: '2026-09-01' }], onsiteRequested: true }),
      { materials: 0, onsiteFee: 5_000, total: 5_000 },
    ],
    ['the same part replaced 3 months and a day ago: charged again', job({ device: old, lines: [{ ...keyboard, replacedOutOfWarrantyOn: '2026-08-19' }] }), { materials: 6_500, total: 6_500 }],
    ['user damage in the period: charged', job({ lines: [disk], cause: 'user_damage' }), { materials: 38_000, total: 38_000 }],
    ['no device on the ticket: out of warranty', job({ device: null, lines: [disk] }), { materials: 38_000, total: 38_000 }],
  ] as const)('%s', (_n, input, expected) => {
    expect(jobCharges(WARRANTY_PRESET, input)).toMatchObject(expected)
  })

  it('says per line why a part is or is not free', () => {
    const c = jobCharges(WARRANTY_PRESET, job({ lines: [disk, keyboard] }))
    expect(c.lines).toEqual([
      { covered: true, reason: 'in_period', charged: 0 },
      { covered: false, reason: 'expired', charged: 6_500 },
    ])
    expect(c.deviceCovered).toBe(true)
  })

  it('takes the fees from the rules, in yuan', () => {
    const rules = { ...WARRANTY_PRESET, outOfWarranty: { onsiteFee: 80, carryInLabour: 30.5, replacedPartMonths: 3 } }
    expect(jobCharges(rules, job({ device: old, lines: [disk], onsiteRequested: true }))).toMatchObject({ labour: 3_050, onsiteFee: 8_000, total: 38_000 + 3_050 + 8_000 })
  })
})

describe('charges from a job’s facts (chargesOfJob)', () => {
  // the laptop bought 2025-11-20: its own year ends 2026-11-20 (Kunming days)
  const laptop = { category: 'laptop', brand: '戴尔', invoiceDate: '2025-11-20', factoryMonth: null } as const
  const battery = { component: 'laptop_battery', price: 30_000, userDamaged: false } as const
  const board = { component: 'laptop', price: 120_000, userDamaged: false } as const
  const facts = { device: laptop, timezone: 'Asia/Shanghai', cause: 'normal', onsiteRequested: false, earlier: [] } as const

  it('judges the warranty on the day the fault was reported, not the day the repair is done', () => {
    // reported at 23:30 on the last day in Kunming (15:30 UTC), repaired ten days later
    expect(chargesOfJob(WARRANTY_PRESET, { ...facts, reportedAt: '2026-11-20T15:30:00Z', parts: [board] })).toMatchObject({ deviceCovered: true, total: 0 })
    expect(chargesOfJob(WARRANTY_PRESET, { ...facts, reportedAt: '2026-11-20T16:30:00Z', parts: [board] })).toMatchObject({ deviceCovered: false, total: 120_000 })
  })

  it('charges a part damaged by the user (an approved 物理损坏 exchange) even on a device in warranty', () => {
    const c = chargesOfJob(WARRANTY_PRESET, { ...facts, reportedAt: '2026-06-01T02:00:00Z', parts: [board, { ...board, userDamaged: true }] })
    expect(c.lines.map((l) => [l.covered, l.reason])).toEqual([
      [true, 'in_period'],
      [false, 'user_damage'],
    ])
    expect(c.total).toBe(120_000)
  })

  it('gives the 3-month re-warranty only to a part the customer paid for', () => {
    const old = { ...laptop, invoiceDate: '2024-01-10' }
    const paid = { closedAt: '2026-09-01T02:00:00Z', lines: [{ component: 'laptop_battery', charged: 30_000 }], total: 30_000 } as const
    const letOff = { ...paid, total: 0 }
    expect(chargesOfJob(WARRANTY_PRESET, { ...facts, device: old, reportedAt: '2026-11-01T02:00:00Z', parts: [battery], earlier: [paid] }).total).toBe(0)
    expect(chargesOfJob(WARRANTY_PRESET, { ...facts, device: old, reportedAt: '2026-11-01T02:00:00Z', parts: [battery], earlier: [letOff] }).total).toBe(30_000)
  })
})

describe('a missed visit waits 20 minutes', () => {
  it.each([
    ['20 minutes', '2026-11-20T02:00:00Z', '2026-11-20T02:20:00Z', 20],
    ['19 minutes 59 seconds', '2026-11-20T02:00:00Z', '2026-11-20T02:19:59Z', 19],
    ['leaving before arriving', '2026-11-20T02:00:00Z', '2026-11-20T01:59:00Z', null],
  ] as const)('%s', (_n, arrived, left, minutes) => {
    expect(minutesWaited(arrived, left)).toBe(minutes)
  })
})

describe('take-in receipt: accessories against the standard configuration', () => {
  it('lists what is missing from the kit and what came extra', () => {
    expect(
      accessoryDiff([
        { item: '主机', standard: true, present: true },
        { item: '键盘', standard: true, present: false },
        { item: '鼠标', standard: true, present: true },
        { item: '电源线', standard: true, present: false },
        { item: 'U盘', standard: false, present: true },
      ]),
    ).toEqual({ missing: ['键盘', '电源线'], extra: ['U盘'] })
  })
})

describe('late carry-in repairs: tell the customer before the promised date and every 2 days after', () => {
  const c = (status: CarryInStatus, noticeDays: string[] = []) => ({ status, promisedOn: '2026-11-20', noticeDays })
  it.each([
    ['two days before the promise: nothing owed yet', c('repairing'), '2026-11-18', null],
    ['the day before: tell the customer today', c('repairing'), '2026-11-19', { dueOn: '2026-11-19', kind: 'before_promise', overdue: false }],
    ['on the promised day without a call: overdue', c('waiting_parts'), '2026-11-20', { dueOn: '2026-11-19', kind: 'before_promise', overdue: true }],
    ['told the day before: the next call 2 days later', c('waiting_parts', ['2026-11-19']), '2026-11-20', null],
    ['2 days after the call', c('waiting_parts', ['2026-11-19']), '2026-11-21', { dueOn: '2026-11-21', kind: 'progress', overdue: false }],
    ['3 days after the call: overdue', c('waiting_parts', ['2026-11-19']), '2026-11-22', { dueOn: '2026-11-21', kind: 'progress', overdue: true }],
    ['the latest call counts', c('waiting_parts', ['2026-11-19', '2026-11-23', '2026-11-21']), '2026-11-25', { dueOn: '2026-11-25', kind: 'progress', overdue: false }],
    ['a call long before the promise does not put off the one before it', c('repairing', ['2026-11-10']), '2026-11-19', { dueOn: '2026-11-19', kind: 'before_promise', overdue: false }],
    ['ready for pick-up: no calls owed', c('ready'), '2026-11-25', null],
    ['picked up: none', c('picked_up'), '2026-11-25', null],
  ] as const)('%s', (_n, carryIn, today, expected) => {
    expect(lateRepairNotice(carryIn, today)).toEqual(expected)
  })
})
