// The counter's own state: the 收机登记 dialog (opened from the 送修 page, or for a ticket from its
// detail) and the machine selected on the page.
import { create } from 'zustand'

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
