// How the parts screens write money, months and who holds what.
import { yuanFigures } from '../../../shared/domain/money'
import { localDate } from '../../../shared/domain/time'

/** fen → "¥1,234.50" */
export const yuan = (fen: number): string => `¥${yuanFigures(fen)}`

/** The month to reconcile: the one just ended during the first week, else the current one. */
export function defaultMonth(now: Date, timezone?: string): string {
  const today = localDate(now, timezone)
  if (Number(today.slice(8, 10)) > 7) return today.slice(0, 7)
  const [y, m] = today.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Saves bytes the desk made (an .xlsx) as a download: the same in the desktop app and in a browser. */
export function download(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
