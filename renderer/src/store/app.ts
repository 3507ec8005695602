import { create } from 'zustand'
import { localDate } from '../../../shared/domain/time'
import type { DeskInfo, Station } from '../../../shared/api/schemas'

export type View = 'board' | 'tickets' | 'carryIn' | 'followUp' | 'complaints' | 'reports' | 'parts' | 'sync' | 'settings'

interface AppState {
  view: View
  desk: DeskInfo | null
  stations: Station[]
  networkOnline: boolean
  deskConnected: boolean
  intakeOpen: boolean
  /** The complaint the register shows open (set when a survey opens one, or from a ticket). */
  complaintId: string | null
  toast: string | null
  setView(view: View): void
  setDesk(desk: DeskInfo, stations: Station[]): void
  setNetworkOnline(online: boolean): void
  setDeskConnected(connected: boolean): void
  openIntake(): void
  closeIntake(): void
  openComplaint(id: string | null): void
  showToast(message: string): void
}

// The desk's clock (DESK_NOW may set it elsewhere) against this machine's, taken when the desk said its time.
let deskOffset = 0

/** Now by the desk's clock. */
export const deskNow = (): Date => new Date(Date.now() + deskOffset)

/** Today at the station, by the desk's clock (read at each render, so a desk left open past midnight moves on). */
export function useDeskToday(): string {
  const timezone = useApp((s) => s.desk?.station.timezone)
  return localDate(deskNow(), timezone)
}

export const useApp = create<AppState>((set) => ({
  // the dispatcher's home screen
  view: 'board',
  desk: null,
  stations: [],
  networkOnline: navigator.onLine,
  deskConnected: true,
  intakeOpen: false,
  complaintId: null,
  toast: null,
  setView: (view) => set({ view }),
  setDesk: (desk, stations) => {
    deskOffset = Date.parse(desk.now) - Date.now()
    set({ desk, stations })
  },
  setNetworkOnline: (networkOnline) => set({ networkOnline }),
  setDeskConnected: (deskConnected) => set({ deskConnected }),
  openIntake: () => set({ intakeOpen: true, view: 'tickets' }),
  closeIntake: () => set({ intakeOpen: false }),
  openComplaint: (complaintId) => set({ complaintId, view: 'complaints' }),
  showToast: (toast) => {
    set({ toast })
    setTimeout(() => set((s) => (s.toast === toast ? { toast: null } : s)), 4000)
  },
}))
