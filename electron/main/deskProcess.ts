// The main process's handle on the desk core, which runs in a utility process so SQL never
// blocks the window. Requests carry ids; the reply comes back as an envelope.
import type { DeskErrorBody } from '../../shared/api/errors'

export type Envelope = { ok: true; value: unknown } | { ok: false; error: DeskErrorBody }

export type ToDesk = { id: number; method: string; input: unknown }
export type FromDesk = ({ id: number } & Envelope) | { event: string; payload: unknown } | { ready: true } | { fatal: string }

/** The part of Electron's UtilityProcess this uses (a fake stands in for it in tests). */
export interface ChildLike {
  postMessage(message: ToDesk): void
  on(event: 'message', listener: (message: FromDesk) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
}

export interface DeskProcess {
  call(method: string, input: unknown): Promise<Envelope>
  onEvent(listener: (event: string, payload: unknown) => void): void
  ready: Promise<void>
}

export function connectDeskProcess(child: ChildLike): DeskProcess {
  let nextId = 1
  const pending = new Map<number, (e: Envelope) => void>()
  const listeners: ((event: string, payload: unknown) => void)[] = []
  let markReady!: () => void
  let markFailed!: (e: Error) => void
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve
    markFailed = reject
  })
  const failAll = (detail: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', key: 'errors.internal', params: { detail }, message: `本机数据服务出错：${detail}` } })
    pending.clear()
  }

  child.on('message', (m: FromDesk) => {
    if ('ready' in m) return markReady()
    if ('fatal' in m) {
      markFailed(new Error(m.fatal))
      return failAll(m.fatal)
    }
    if ('event' in m) return listeners.forEach((l) => l(m.event, m.payload))
    const resolve = pending.get(m.id)
    pending.delete(m.id)
    const { id: _id, ...envelope } = m
    resolve?.(envelope as Envelope)
  })
  child.on('exit', (code: number) => {
    markFailed(new Error(`desk process exited (${code})`))
    failAll(`desk process exited (${code})`)
  })

  return {
    ready,
    call(method, input) {
      const id = nextId++
      return new Promise<Envelope>((resolve) => {
        pending.set(id, resolve)
        child.postMessage({ id, method, input })
      })
    },
    onEvent(listener) {
      listeners.push(listener)
    },
  }
}
