// What is being printed: a return slip, a packing list or a month's reconciliation. The preview shows it
// over the app; the browser's (or Electron's) print takes only it (slips.css), on the page size it names.
import { create } from 'zustand'

export type PrintKind = 'return-slip' | 'packing-list' | 'reconciliation'

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

export const openPrint = (kind: PrintKind, id: string) => usePrint.getState().open(kind, id)
