// Warranty (保修) and 三包 — seed 002 §一, §七, §九. Periods follow the Civil Code's counting
// (art. 201–202): the start day is not counted, and a period of months ends on the corresponding day
// of the last month, or that month's last day when it has none (2024-02-29 + 1 year → 2025-02-28).
import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns'
import type { Category } from './enums'

export const COMPONENTS = [
  'mainboard', 'cpu', 'memory', 'hdd', 'psu', 'graphics', 'nic', 'sound', 'capture',
  'floppy', 'optical', 'cpu_fan', 'gpu_fan', 'keyboard', 'mouse', 'speakers',
  'manuals', 'crt_base', 'power_cord', 'headset',
  'crt_monitor', 'lcd_monitor', 'laptop', 'laptop_battery', 'software',
  'server', 'printer', 'network_device', 'other',
] as const
export type Component = (typeof COMPONENTS)[number]

export interface WarrantyRow {
  /** A brand/product line, or '*' for every line. */
  productLine: string
  component: Component
  months: number
  onsite: boolean
  source: string
}

export interface WarrantyRules {
  rows: WarrantyRow[]
  /** The component a device's verdict is given for, and the parts listed under it at intake. */
  categories: Record<Category, { main: Component; parts: Component[] }>
  sanbao: { returnDays: number; exchangeDays: number; source: string; appliesTo: Category[] }
  outOfWarranty: { onsiteFee: number; carryInLabour: number; replacedPartMonths: number }
}

const seed = (components: Component[], months: number, onsite = true, source = '种子 002'): WarrantyRow[] =>
  components.map((component) => ({ productLine: '*', component, months, onsite, source }))

export const SANBAO_PRESETS = {
  seed002: { returnDays: 7, exchangeDays: 20, source: '种子 002（7 日退货，第 8–20 日换货）' },
  national: { returnDays: 7, exchangeDays: 15, source: '微型计算机商品修理更换退货责任规定（7 日退货，15 日换货）' },
} as const

export const WARRANTY_PRESET: WarrantyRules = {
  rows: [
    ...seed(['mainboard', 'cpu', 'memory', 'hdd', 'psu', 'graphics', 'nic', 'sound', 'capture'], 36),
    ...seed(['floppy', 'optical', 'cpu_fan', 'gpu_fan', 'keyboard', 'mouse', 'speakers'], 12),
    ...seed(['manuals', 'crt_base', 'power_cord', 'headset'], 3),
    ...seed(['crt_monitor', 'software'], 36),
    ...seed(['lcd_monitor', 'laptop'], 12),
    ...seed(['laptop_battery'], 6),
    // Not in the seeds: presets to be set per brand by the station manager.
    ...seed(['server'], 36, true, '预设（种子未列出）'),
    ...seed(['printer', 'network_device', 'other'], 12, true, '预设（种子未列出）'),
  ],
  categories: {
    desktop: { main: 'mainboard', parts: ['mainboard', 'cpu', 'memory', 'hdd', 'psu', 'graphics', 'nic', 'optical', 'cpu_fan', 'keyboard', 'mouse'] },
    laptop: { main: 'laptop', parts: ['laptop', 'laptop_battery', 'power_cord'] },
    server: { main: 'server', parts: ['server', 'hdd', 'memory', 'psu'] },
    monitor: { main: 'lcd_monitor', parts: ['lcd_monitor', 'power_cord'] },
    printer: { main: 'printer', parts: ['printer', 'power_cord'] },
    network: { main: 'network_device', parts: ['network_device', 'psu'] },
    software: { main: 'software', parts: ['software'] },
    other: { main: 'other', parts: ['other'] },
  },
  sanbao: { ...SANBAO_PRESETS.seed002, appliesTo: ['desktop', 'laptop'] },
  outOfWarranty: { onsiteFee: 50, carryInLabour: 0, replacedPartMonths: 3 },
}

export const FAULT_CAUSES = ['normal', 'user_damage', 'disaster'] as const
export type FaultCause = (typeof FAULT_CAUSES)[number]

export interface WarrantyInput {
  category: Category
  brand: string
  invoiceDate: string | null
  /** yyyy-MM from the 三包 certificate barcode, used when there is no invoice. */
  factoryMonth: string | null
  component: Component
  /** The day of the fault report, yyyy-MM-dd in the station's time zone. */
  on: string
  cause: FaultCause
  boughtElsewhere?: boolean
  gift?: boolean
  /** When this part was last replaced out of warranty (it carries its own short warranty). */
  replacedOutOfWarrantyOn?: string | null
}

export type WarrantyReason = 'in_period' | 'expired' | 'rewarranty' | 'user_damage' | 'disaster' | 'bought_elsewhere' | 'gift' | 'no_date' | 'no_rule'
export type SanbaoWindow = 'return' | 'exchange' | 'repair' | 'no_invoice' | 'not_applicable'

export interface WarrantyVerdict {
  component: Component
  covered: boolean
  reason: WarrantyReason
  basis: 'invoice' | 'factory_month' | null
  startDate: string | null
  /** The last day covered (inclusive). */
  lastDay: string | null
  months: number | null
  onsite: boolean
  /** Days since the sale (the sale day is day 0) and the 三包 window it falls in. */
  sanbao: { window: SanbaoWindow; day: number | null; choices: ('return' | 'exchange' | 'repair')[] }
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd')

function rowFor(rules: WarrantyRules, brand: string, component: Component): WarrantyRow | undefined {
  return rules.rows.find((r) => r.component === component && r.productLine === brand) ?? rules.rows.find((r) => r.component === component && r.productLine === '*')
}

export function sanbaoWindow(rules: WarrantyRules, input: Pick<WarrantyInput, 'category' | 'invoiceDate' | 'on' | 'cause'>): WarrantyVerdict['sanbao'] {
  if (!rules.sanbao.appliesTo.includes(input.category) || input.cause !== 'normal') return { window: 'not_applicable', day: null, choices: [] }
  // 三包 counts from the invoice date only ("以正式购机发票日期为准").
  if (!input.invoiceDate) return { window: 'no_invoice', day: null, choices: [] }
  const day = differenceInCalendarDays(parseISO(input.on), parseISO(input.invoiceDate))
  if (day < 0) return { window: 'not_applicable', day, choices: [] }
  if (day <= rules.sanbao.returnDays) return { window: 'return', day, choices: ['return', 'exchange', 'repair'] }
  if (day <= rules.sanbao.exchangeDays) return { window: 'exchange', day, choices: ['exchange', 'repair'] }
  return { window: 'repair', day, choices: ['repair'] }
}

export function warrantyVerdict(rules: WarrantyRules, input: WarrantyInput): WarrantyVerdict {
  const sanbao = sanbaoWindow(rules, input)
  const row = rowFor(rules, input.brand, input.component)
  const basis = input.invoiceDate ? 'invoice' : input.factoryMonth ? 'factory_month' : null
  const startDate = input.invoiceDate ?? (input.factoryMonth ? `${input.factoryMonth}-01` : null)
  const base = { component: input.component, basis, startDate, months: row?.months ?? null, onsite: row?.onsite ?? false, sanbao } as const
  const lastDay = startDate && row ? ymd(addMonths(parseISO(startDate), row.months)) : null
  const verdict = (covered: boolean, reason: WarrantyReason, last = lastDay): WarrantyVerdict => ({ ...base, covered, reason, lastDay: last })

  if (input.gift || input.component === 'manuals') return verdict(false, 'gift')
  if (input.boughtElsewhere) return verdict(false, 'bought_elsewhere')
  if (input.cause === 'user_damage') return verdict(false, 'user_damage')
  if (input.cause === 'disaster') return verdict(false, 'disaster')
  // A part replaced out of warranty is warranted on its own for a few months from the repair.
  if (input.replacedOutOfWarrantyOn) {
    const until = ymd(addMonths(parseISO(input.replacedOutOfWarrantyOn), rules.outOfWarranty.replacedPartMonths))
    if (input.on <= until && (!lastDay || input.on > lastDay)) return { ...verdict(true, 'rewarranty', until), onsite: false }
  }
  if (!row) return verdict(false, 'no_rule')
  if (!startDate) return verdict(false, 'no_date')
  return input.on <= lastDay! ? verdict(true, 'in_period') : verdict(false, 'expired')
}
