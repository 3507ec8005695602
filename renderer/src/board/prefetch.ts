// The first screen's data is asked for before the rest of the app is even evaluated (boot.ts), so the
// desk core reads the station while the page starts. The small calls go first: the desk core answers
// in order, and the app and the board's map can be drawn from them while the long read is under way.
import type { MethodOutput } from '../../../shared/api/contract'
import { desk } from '../api/client'

const FIRST_SCREEN = ['desk.info', 'stations.list', 'board.settings', 'board.snapshot'] as const
type FirstCall = (typeof FIRST_SCREEN)[number]

const early = new Map<FirstCall, Promise<unknown>>()
// each of these takes an empty input
const ask = (method: FirstCall): Promise<unknown> => desk.call(method, {} as never)

export function prefetchFirstScreen(): void {
  for (const method of FIRST_SCREEN) {
    if (early.has(method)) continue
    const pending = ask(method)
    // whoever takes it handles its failure
    pending.catch(() => undefined)
    early.set(method, pending)
  }
}

/** The prefetched answer if one is waiting (each is used once), else a new call. */
export function callEarly<N extends FirstCall>(method: N): Promise<MethodOutput<N>> {
  const pending = early.get(method)
  early.delete(method)
  return (pending ?? ask(method)) as Promise<MethodOutput<N>>
}
