// What is being printed: a return slip, a packing list, a month's reconciliation, a repair slip (one, or
// a day's batch) or a take-in receipt. The preview shows it over the app; the browser's (or Electron's)
// print takes only it (slips.css), on the page size it names.
import { create } from 'zustand'

export type PrintKind = 'return-slip' | 'packing-list' | 'reconciliation' | 'repair-slip' | 'repair-slips-day' | 'take-in'

export const PRINT_KINDS: readonly PrintKind[] = ['return-slip', 'packing-list', 'reconciliation', 'repair-slip', 'repair-slips-day', 'take-in']

interface PrintState {
  job: { kind: PrintKind; id: string } | null
  open(kind: PrintKind, id: string): void
  close(): void
}

export const usePrint = create<PrintState>((set) => ({
  job: null,
  open: (kind, id) => set({ job: { kind, id } }),
  close: () => set({ job: null }),
}))

/**
 * Opens the preview of a form: 'repair-slip' takes a ticket id, 'repair-slips-day' a day (yyyy-MM-dd),
 * 'take-in' a carry-in id, 'return-slip' / 'packing-list' their ids, 'reconciliation' a month.
 */
export const openPrint = (kind: PrintKind, id: string) => usePrint.getState().open(kind, id)

/** The day's 维修单, one after another (day: yyyy-MM-dd in the station's time zone). */
export const openRepairSlipsOfDay = (day: string) => openPrint('repair-slips-day', day)

// A link to a preview, `#print/<kind>/<id>`, opens it (a bookmark, a test, a bench); the hash is taken
// off again so the same link opens it once more after the preview is closed.

function openFromHash(): void {
  const m = /^#print\/([a-z-]+)\/(.+)$/.exec(window.location.hash)
  if (!m || !PRINT_KINDS.includes(m[1] as PrintKind)) return
  openPrint(m[1] as PrintKind, decodeURIComponent(m[2]!))
  history.replaceState(null, '', window.location.pathname + window.location.search)
}

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('hashchange', openFromHash)
  openFromHash()
}
