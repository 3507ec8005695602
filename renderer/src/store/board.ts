// 派工看板's state: the station's snapshot (open tickets and engineers), the selection, the queue
// filters, the booking in progress and what Ctrl+Z undoes. Assignments show at once (optimistic);
// the desk's next snapshot confirms them.
import { create } from 'zustand'
import type { BoardJob, BoardSnapshot } from '../../../shared/api/boardSchemas'
import type { MethodOutput } from '../../../shared/api/contract'
import type { Category, FaultLevel, Skill, Zone } from '../../../shared/domain/enums'

export type { BoardSnapshot }
export type BoardTicket = BoardSnapshot['tickets'][number]
/** An engineer as the snapshot gives him; the board adds his jobs (derive.ts: withJobs). */
export type SnapshotEngineer = BoardSnapshot['engineers'][number]
export type BoardEngineer = SnapshotEngineer & { jobs: BoardJob[]; load: number }
export type BoardSettings = MethodOutput<'board.settings'>

export interface QueueFilters {
  zone: Zone | ''
  level: FaultLevel | ''
  category: Category | ''
  skill: Skill | ''
}

/** A dispatch waiting for its appointment window (the 预约 dialog is open). */
export interface Booking {
  ticketId: string
  engineerId: string
}

export interface UndoEntry {
  /** What the toast and the undo say: "WH1-… 派给 李强". */
  label: string
  run(): Promise<void>
}

export interface Assignment {
  ticketId: string
  engineerId: string | null
  appointmentStart: string | null
  appointmentEnd: string | null
}

interface BoardState {
  snapshot: BoardSnapshot | null
  settings: BoardSettings | null
  selectedTicketId: string | null
  filters: QueueFilters
  /** The ranked engineer list has the keyboard (A). */
  pickerOpen: boolean
  booking: Booking | null
  undo: UndoEntry[]
  setSnapshot(s: BoardSnapshot): void
  setSettings(s: BoardSettings): void
  select(ticketId: string | null): void
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void
  setPicker(open: boolean): void
  setBooking(b: Booking | null): void
  pushUndo(e: UndoEntry): void
  popUndo(): UndoEntry | undefined
  /** Shows an assignment before the desk has saved it. */
  applyAssignment(a: Assignment): void
}

const NO_FILTERS: QueueFilters = { zone: '', level: '', category: '', skill: '' }
const UNDO_DEPTH = 20

function withAssignment(s: BoardSnapshot, a: Assignment): BoardSnapshot {
  const tickets = s.tickets.map((t) =>
    t.id !== a.ticketId
      ? t
      : {
          ...t,
          assigneeId: a.engineerId,
          appointmentStart: a.appointmentStart,
          appointmentEnd: a.appointmentEnd,
          status: a.engineerId === null ? ('new' as const) : t.status === 'new' ? ('assigned' as const) : t.status,
          helperIds: a.engineerId === null ? [] : t.helperIds,
        },
  )
  return { ...s, tickets }
}

export const useBoard = create<BoardState>((set, get) => ({
  snapshot: null,
  settings: null,
  selectedTicketId: null,
  filters: NO_FILTERS,
  pickerOpen: false,
  booking: null,
  undo: [],
  setSnapshot: (snapshot) => set({ snapshot }),
  setSettings: (settings) => set({ settings }),
  select: (selectedTicketId) => set({ selectedTicketId, pickerOpen: false }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setPicker: (pickerOpen) => set({ pickerOpen }),
  setBooking: (booking) => set({ booking, pickerOpen: false }),
  pushUndo: (e) => set((s) => ({ undo: [...s.undo, e].slice(-UNDO_DEPTH) })),
  popUndo: () => {
    const last = get().undo.at(-1)
    if (last) set((s) => ({ undo: s.undo.slice(0, -1) }))
    return last
  },
  applyAssignment: (a) => set((s) => (s.snapshot ? { snapshot: withAssignment(s.snapshot, a) } : s)),
}))
