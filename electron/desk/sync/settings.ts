// Where this desk syncs and as whom, kept in desk_meta (the token expires; the password is never kept).
import type { Db } from '../db/open'

export interface SyncSettings {
  serverUrl: string
  username: string
  token: string
  tokenExpiresAt: string
  userId: string
  userName: string
  /** The server version this desk has applied; 0 before the first pull. */
  cursor: number
  lastSyncAt: string | null
}

const KEYS = ['serverUrl', 'username', 'token', 'tokenExpiresAt', 'userId', 'userName', 'cursor', 'lastSyncAt'] as const

/**
 * Kept in memory after the first read: the desk asks on every save and every status, and only this
 * store writes the keys (the rebase saves its cursor through it, inside its transaction).
 */
export function syncSettingsStore(db: Db) {
  const read = db.prepare("SELECT key, value FROM desk_meta WHERE key LIKE 'sync.%'")
  const write = db.prepare('INSERT OR REPLACE INTO desk_meta (key, value) VALUES (?, ?)')
  const clear = db.prepare("DELETE FROM desk_meta WHERE key LIKE 'sync.%'")
  let current: SyncSettings | null | undefined

  function load(): SyncSettings | null {
    const meta = Object.fromEntries((read.all() as { key: string; value: string }[]).map((r) => [r.key.slice(5), r.value]))
    if (!meta.serverUrl || !meta.token) return null
    return {
      serverUrl: meta.serverUrl,
      username: meta.username ?? '',
      token: meta.token,
      tokenExpiresAt: meta.tokenExpiresAt ?? '',
      userId: meta.userId ?? '',
      userName: meta.userName ?? '',
      cursor: Number(meta.cursor ?? 0),
      lastSyncAt: meta.lastSyncAt ?? null,
    }
  }

  return {
    read(): SyncSettings | null {
      if (current === undefined) current = load()
      return current
    },
    write(patch: Partial<SyncSettings>): void {
      db.transaction(() => {
        for (const key of KEYS) if (patch[key] !== undefined && patch[key] !== null) write.run(`sync.${key}`, String(patch[key]))
      })()
      current = load()
    },
    clear(): void {
      clear.run()
      current = null
    },
  }
}
export type SyncSettingsStore = ReturnType<typeof syncSettingsStore>
