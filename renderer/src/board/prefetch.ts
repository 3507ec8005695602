// The board is the first screen: its data is asked for before the rest of the app is even evaluated
// (boot.ts), so the desk core reads the station while the page starts.
import { desk } from '../api/client'

const fetchBoard = () => Promise.all([desk.call('board.snapshot', {}), desk.call('board.settings', {})])
let early: ReturnType<typeof fetchBoard> | null = null

export function prefetchBoard(): void {
  early ??= fetchBoard()
  early.catch(() => undefined)
}

/** The prefetched read if one is waiting (each is used once), else a new one. */
export function readBoard(): ReturnType<typeof fetchBoard> {
  const pending = early ?? fetchBoard()
  early = null
  return pending
}
