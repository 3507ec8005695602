// The board's map settings (设置 → 地图): this desk's own, kept in desk_meta and never synced (another
// desk of the station may use another tile service, or none).
import { BoardSettings, DEFAULT_BOARD_SETTINGS } from '../../shared/api/boardSchemas'
import type { Db } from './db/open'

const KEY = 'board.settings'

export function boardSettingsStore(db: Db) {
  const read = db.prepare('SELECT value FROM desk_meta WHERE key = ?').pluck()
  const write = db.prepare('INSERT OR REPLACE INTO desk_meta (key, value) VALUES (?, ?)')
  return {
    /** The saved settings over the defaults (a setting added later starts at its default). */
    read(): BoardSettings {
      const raw = read.get(KEY) as string | undefined
      if (!raw) return DEFAULT_BOARD_SETTINGS
      try {
        const saved = JSON.parse(raw) as Partial<BoardSettings>
        const merged = BoardSettings.safeParse({ ...DEFAULT_BOARD_SETTINGS, ...saved, speedKmh: { ...DEFAULT_BOARD_SETTINGS.speedKmh, ...saved.speedKmh } })
        return merged.success ? merged.data : DEFAULT_BOARD_SETTINGS
      } catch {
        return DEFAULT_BOARD_SETTINGS
      }
    },
    /** Settings already validated by the contract. */
    write(settings: BoardSettings): BoardSettings {
      write.run(KEY, JSON.stringify(settings))
      return settings
    },
  }
}
