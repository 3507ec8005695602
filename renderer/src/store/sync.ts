import { create } from 'zustand'
import type { SyncStatus } from '../../../shared/api/syncSchemas'

interface SyncState {
  status: SyncStatus | null
  /** The server and account last linked, offered again after 断开. */
  lastLogin: { serverUrl: string; username: string }
  setStatus(status: SyncStatus): void
}

/** The desk's link to the shared server, as last reported by the desk core. */
export const useSync = create<SyncState>((set) => ({
  status: null,
  lastLogin: { serverUrl: '', username: '' },
  setStatus: (status) =>
    set((s) => ({ status, lastLogin: status.serverUrl ? { serverUrl: status.serverUrl, username: status.username ?? '' } : s.lastLogin })),
}))
