import { describe, expect, it } from 'vitest'
import { SANBAO_PRESETS, WARRANTY_PRESET, warrantyVerdict, type WarrantyInput } from '../../shared/domain/warranty'

const base: WarrantyInput = { category: 'desktop', brand: '联想', invoiceDate: '2024-03-15', factoryMonth: null, component: 'mainboard', on: '2026-11-20', cause: 'normal' }
const v = (patch: Partial<WarrantyInput>) => warrantyVerdict(WARRANTY_PRESET, { ...base, ...patch })

describe('warranty periods (seed 002 table, Civil Code counting)', () => {
  it.each([
    ['mainboard, 3 years, in period', { component: 'mainboard' }, true, 'in_period', '2027-03-15'],
    ['mainboard on its last day', { component: 'mainboard', on: '2027-03-15' }, true, 'in_period', '2027-03-15'],
    ['mainboard the day after', { component: 'mainboard', on: '2027-03-16' }, false, 'expired', '2027-03-15'],
    ['keyboard, 1 year, expired', { component: 'keyboard' }, false, 'expired', '2025-03-15'],
    ['power cord, 3 months', { component: 'power_cord', on: '2024-06-15' }, true, 'in_period', '2024-06-15'],
    ['power cord, 3 months and a day', { component: 'power_cord', on: '2024-06-16' }, false, 'expired', '2024-06-15'],
    ['laptop battery, 6 months', { category: 'laptop', component: 'laptop_battery', on: '2024-09-15' }, true, 'in_period', '2024-09-15'],
    ['CRT monitor, 3 years', { category: 'monitor', component: 'crt_monitor', on: '2026-01-01' }, true, 'in_period', '2027-03-15'],
    ['LCD monitor, 1 year', { category: 'monitor', component: 'lcd_monitor', on: '2026-01-01' }, false, 'expired', '2025-03-15'],
    ['software, 3 years', { component: 'software', on: '2027-03-01' }, true, 'in_period', '2027-03-15'],
    ['bought on a leap day, 1 year: last day is 28 Feb', { invoiceDate: '2024-02-29', component: 'keyboard', on: '2025-02-28' }, true, 'in_period', '2025-02-28'],
    ['bought on a leap day, 1 year, 1 March', { invoiceDate: '2024-02-29', component: 'keyboard', on: '2025-03-01' }, false, 'expired', '2025-02-28'],
    ['bought on a leap day, 4 years later: 29 Feb again', { invoiceDate: '2024-02-29', component: 'mainboard', on: '2027-02-28' }, true, 'in_period', '2027-02-28'],
    ['bought on 31 Jan, 1 month: last day of February', { invoiceDate: '2026-01-31', component: 'laptop_battery', on: '2026-07-31' }, true, 'in_period', '2026-07-31'],
    ['bought on 31 December, 3 months', { invoiceDate: '2025-12-31', component: 'headset', on: '2026-03-31' }, true, 'in_period', '2026-03-31'],
  ] as const)('%s', (_n, patch, covered, reason, lastDay) => {
    const r = v(patch)
    expect([r.covered, r.reason, r.lastDay]).toEqual([covered, reason, lastDay])
  })

  it.each([
    ['invoice date', { invoiceDate: '2024-03-15', factoryMonth: '2024-01' }, 'invoice', '2024-03-15'],
    ['factory month when there is no invoice', { invoiceDate: null, factoryMonth: '2024-01' }, 'factory_month', '2024-01-01'],
  ] as const)('the period starts from the %s', (_n, patch, basis, start) => {
    expect(v(patch)).toMatchObject({ basis, startDate: start })
  })

  it('without invoice or certificate there is no start date', () => {
    expect(v({ invoiceDate: null, factoryMonth: null })).toMatchObject({ covered: false, reason: 'no_date' })
  })

  it.each([
    ['gifts and manuals', { gift: true }, 'gift'],
    ['the manuals component', { component: 'manuals' }, 'gift'],
    ['parts bought elsewhere', { boughtElsewhere: true }, 'bought_elsewhere'],
    ['user damage', { cause: 'user_damage' }, 'user_damage'],
    ['natural disaster', { cause: 'disaster' }, 'disaster'],
  ] as const)('%s are not covered', (_n, patch, reason) => {
    expect(v({ ...patch, on: '2024-04-01' })).toMatchObject({ covered: false, reason })
  })

  it.each([
    ['within 3 months of an out-of-warranty repair', '2026-09-01', '2026-11-20', true, 'rewarranty'],
    ['3 months and a day after it', '2026-08-19', '2026-11-20', false, 'expired'],
  ] as const)('a replaced part is warranted %s', (_n, repaired, on, covered, reason) => {
    expect(v({ component: 'keyboard', replacedOutOfWarrantyOn: repaired, on })).toMatchObject({ covered, reason })
  })
})

describe('三包 windows (seed 002 §七)', () => {
  it.each([
    ['day 7: return, exchange or repair', '2026-11-08', 'return', 7],
    ['day 8: exchange or repair', '2026-11-09', 'exchange', 8],
    ['day 20, the last day (seed)', '2026-11-21', 'exchange', 20],
    ['day 21, the day after', '2026-11-22', 'repair', 21],
    ['the day of sale', '2026-11-01', 'return', 0],
  ] as const)('%s', (_n, on, window, day) => {
    expect(v({ invoiceDate: '2026-11-01', on }).sanbao).toMatchObject({ window, day })
  })

  it.each([
    ['day 15 under the national rule', '2026-11-16', 'exchange'],
    ['day 16 under the national rule', '2026-11-17', 'repair'],
  ] as const)('%s', (_n, on, window) => {
    const rules = { ...WARRANTY_PRESET, sanbao: { ...WARRANTY_PRESET.sanbao, ...SANBAO_PRESETS.national } }
    expect(warrantyVerdict(rules, { ...base, invoiceDate: '2026-11-01', on }).sanbao.window).toBe(window)
  })

  it.each([
    ['without an invoice', { invoiceDate: null, factoryMonth: '2026-10' }, 'no_invoice'],
    ['for a printer', { category: 'printer', component: 'printer', invoiceDate: '2026-11-18' }, 'not_applicable'],
    ['for user damage', { cause: 'user_damage', invoiceDate: '2026-11-18' }, 'not_applicable'],
  ] as const)('does not apply %s', (_n, patch, window) => {
    expect(v({ ...patch, on: '2026-11-20' }).sanbao.window).toBe(window)
  })
  it('gives the choices of the window', () => {
    expect(v({ invoiceDate: '2026-11-18' }).sanbao.choices).toEqual(['return', 'exchange', 'repair'])
  })
})
