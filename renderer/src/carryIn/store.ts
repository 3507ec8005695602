// The counter's own state: the 收机登记 dialog (opened from the 送修 page, or for a ticket from its
// detail) and the machine selected on the page; plus the desk's calendar day.
import { create } from 'zustand'
import { localDate } from '../../../shared/domain/time'
import { useApp } from '../store/app'

interface CarryInState {
  /** The intake dialog: closed (null), for a ticket number still to type (''), or for a ticket. */
  intakeFor: string | null
  selectedId: string | null
  openIntake(ticketId?: string): void
  closeIntake(): void
  select(id: string | null): void
}

export const useCarryIn = create<CarryInState>((set) => ({
  intakeFor: null,
  selectedId: null,
  openIntake: (ticketId) => set({ intakeFor: ticketId ?? '' }),
  closeIntake: () => set({ intakeFor: null }),
  select: (selectedId) => set({ selectedId }),
}))

/** Opens 收机登记 for a ticket (from its detail panel, say): the dialog shows over whatever view is open. */
export const openIntakeFor = (ticketId: string): void => useCarryIn.getState().openIntake(ticketId)

// The desk's clock as told at start (DESK_NOW holds it in browser mode), moved on with this machine's.
let skew: { deskNow: string; offset: number } | null = null

/** Today at the station, by the desk's clock. */
export function useDeskToday(): string {
  const deskNow = useApp((s) => s.desk?.now)
  const timezone = useApp((s) => s.desk?.station.timezone)
  if (deskNow && skew?.deskNow !== deskNow) skew = { deskNow, offset: Date.parse(deskNow) - Date.now() }
  return localDate(new Date(Date.now() + (skew?.offset ?? 0)), timezone)
}
