import { create } from 'zustand'
import type { FaultLevel, TicketStatus } from '../../../shared/domain/enums'
import type { TICKET_SORTS } from '../../../shared/api/schemas'

export type StatusFilter = 'open' | 'all' | TicketStatus

export interface TicketFilters {
  status: StatusFilter
  stationId: string
  faultLevel: FaultLevel | ''
  search: string
  sort: (typeof TICKET_SORTS)[number]
}

interface TicketsState {
  filters: TicketFilters
  selectedId: string | null
  setFilter<K extends keyof TicketFilters>(key: K, value: TicketFilters[K]): void
  resetFilters(stationId: string): void
  select(id: string | null): void
}

const DEFAULTS: TicketFilters = { status: 'open', stationId: '', faultLevel: '', search: '', sort: 'urgency' }

export const useTickets = create<TicketsState>((set) => ({
  filters: DEFAULTS,
  selectedId: null,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  resetFilters: (stationId) => set({ filters: { ...DEFAULTS, stationId } }),
  select: (selectedId) => set({ selectedId }),
}))
