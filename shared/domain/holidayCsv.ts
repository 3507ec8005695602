// The year's holiday notice as CSV (日期,类型,名称): 类型 is 休 (day off) or 班 (调休 make-up working day).
//   2027-01-01,休,元旦
//   2027-02-07,班,春节调休上班
import Papa from 'papaparse'
import type { HolidayEntry } from './calendar'

export interface CsvProblem {
  line: number
  key: 'errors.holidays.date' | 'errors.holidays.kind' | 'errors.holidays.duplicate' | 'errors.holidays.empty'
}

const KIND: Record<string, HolidayEntry['kind']> = { 休: 'off', 假: 'off', off: 'off', 班: 'work', work: 'work' }

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export function parseHolidayCsv(text: string): { entries: HolidayEntry[]; problems: CsvProblem[] } {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data
  const entries: HolidayEntry[] = []
  const problems: CsvProblem[] = []
  const seen = new Set<string>()
  rows.forEach((cells, i) => {
    const [date = '', kind = '', name = ''] = cells.map((c) => c.trim())
    if (i === 0 && !/^\d/.test(date)) return // a header line
    const line = i + 1
    if (!validDate(date)) return void problems.push({ line, key: 'errors.holidays.date' })
    const k = KIND[kind.toLowerCase()]
    if (!k) return void problems.push({ line, key: 'errors.holidays.kind' })
    if (seen.has(date)) return void problems.push({ line, key: 'errors.holidays.duplicate' })
    seen.add(date)
    entries.push({ date, kind: k, name: name || (k === 'off' ? '休息日' : '调休上班') })
  })
  if (entries.length === 0 && problems.length === 0) problems.push({ line: 1, key: 'errors.holidays.empty' })
  return { entries, problems }
}

/** Replaces the years the import covers and keeps the others. */
export function mergeHolidays(current: readonly HolidayEntry[], imported: readonly HolidayEntry[]): HolidayEntry[] {
  const years = new Set(imported.map((e) => e.date.slice(0, 4)))
  return [...current.filter((e) => !years.has(e.date.slice(0, 4))), ...imported].sort((a, b) => a.date.localeCompare(b.date))
}
