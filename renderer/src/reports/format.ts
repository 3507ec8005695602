// How the reports write rates and the dashboard's date ranges.
import type { Rate } from '../../../shared/api/followUpSchemas'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CLOCKS = ['respond', 'arrive', 'resolve'] as const

/** Percent met, one decimal; null when nothing was measured (no 0% for an empty period). */
export const percent = (r: Rate): number | null => (r.total ? Math.round((r.met / r.total) * 1000) / 10 : null)
export const percentText = (r: Rate): string => {
  const p = percent(r)
  return p === null ? '—' : `${p.toFixed(1)}%`
}

/** The first day of the month `back` months before the one `day` is in. */
function monthStart(day: string, back: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - back
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

export const QUICK_RANGES = ['month', 'months3', 'months12', 'year', 'years3'] as const
export type QuickRange = (typeof QUICK_RANGES)[number]

/** A quick range ending today; 近十二个月 (the default) starts on the first of the month eleven months back. */
export function quickRange(range: QuickRange, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4))
  const from = {
    month: () => monthStart(today, 0),
    months3: () => monthStart(today, 2),
    months12: () => monthStart(today, 11),
    year: () => `${year}-01-01`,
    years3: () => `${year - 2}-01-01`,
  }[range]()
  return { from, to: today }
}
