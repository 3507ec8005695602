// Browser mode's desk core, in a worker thread as Electron's is in a utility process: a long read
// (the board's snapshot) never holds up the page's files and events that the web host serves.
import { parentPort, workerData } from 'node:worker_threads'
import { openDesk, type OpenDeskOptions } from '../desk'
import { serveDesk } from '../deskPort'

/** The desk's options, as a worker can be given them (a clock is a fixed instant, not a function). */
export type DeskWorkerOptions = Omit<OpenDeskOptions, 'now' | 'fetch'> & { fixedNow: number | null }

const { fixedNow, ...options } = workerData as DeskWorkerOptions
const port = parentPort!
await serveDesk({ onMessage: (l) => port.on('message', l), postMessage: (m) => port.postMessage(m), close: () => port.close() }, () =>
  openDesk({ ...options, now: fixedNow === null ? undefined : () => new Date(fixedNow) }),
)
