// The desk core inside Electron's utility process (plain Node, no Electron import).
// argv: --data-dir <path> [--empty]
import type { FromDesk, ToDesk } from '../main/deskProcess'
import { DeskError } from '../../shared/api/errors'
import { EVENT_NAMES } from '../../shared/api/methods'
import { openDesk } from './desk'

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToDesk }) => void): void
  postMessage(message: FromDesk): void
}
const port = (process as unknown as { parentPort: ParentPort }).parentPort
const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

try {
  const desk = await openDesk({ dataDir: arg('--data-dir')!, demo: !process.argv.includes('--empty') })
  for (const event of EVENT_NAMES) desk.on(event, (payload) => port.postMessage({ event, payload }))
  port.on('message', async ({ data }) => {
    try {
      port.postMessage({ id: data.id, ok: true, value: await desk.callUnchecked(data.method, data.input) })
    } catch (e) {
      port.postMessage({ id: data.id, ok: false, error: (e as DeskError).body })
    }
  })
  process.on('exit', () => desk.close())
  port.postMessage({ ready: true })
} catch (e) {
  port.postMessage({ fatal: e instanceof Error ? e.message : String(e) })
}
