import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type Db = Database.Database

export const DB_FILE = 'desk.sqlite'

/** Opens the desk's SQLite file in WAL mode: readers never wait for the writer, a crash loses nothing committed. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DB_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Checkpoints are run by scheduleCheckpoint, between calls, not inside a dispatcher's save.
  db.pragma('wal_autocheckpoint = 0')
  // Keep the planner's statistics fresh (SQLite's advice: on open with these flags, and at close).
  db.pragma('analysis_limit = 1000')
  db.pragma('optimize = 0x10002')
  return db
}

export function closeDatabase(db: Db): void {
  if (!db.open) return
  db.pragma('optimize')
  db.close()
}

const CHECKPOINT_DELAY_MS = 500

/**
 * Returns a function to call after each commit: at most one checkpoint per delay, on a timer,
 * so the WAL's copy back into the main file never lands inside a write the user waits for.
 */
export function checkpointScheduler(db: Db): () => void {
  let timer: NodeJS.Timeout | null = null
  return () => {
    if (timer) return
    timer = setTimeout(() => {
      timer = null
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)')
    }, CHECKPOINT_DELAY_MS)
    timer.unref()
  }
}
