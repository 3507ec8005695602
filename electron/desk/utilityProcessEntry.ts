// The desk core inside Electron's utility process (plain Node, no Electron import).
// argv: --data-dir <path> [--empty]
import { openDesk } from './desk'
import { serveDesk, type FromDesk, type ToDesk } from './deskPort'

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToDesk }) => void): void
  postMessage(message: FromDesk): void
}
const parent = (process as unknown as { parentPort: ParentPort }).parentPort
const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const desk = await serveDesk(
  { onMessage: (l) => parent.on('message', (e) => l(e.data)), postMessage: (m) => parent.postMessage(m), close: () => process.exit(0) },
  () => openDesk({ dataDir: arg('--data-dir')!, demo: !process.argv.includes('--empty') }),
)
process.on('exit', () => desk?.close())
