// The desk core behind a message port, so SQL never blocks whoever talks to it: Electron's main
// process (the core in a utility process) and browser mode's web host (the core in a worker thread).
// Requests carry ids; the reply comes back as an envelope; events flow the other way.
import { DeskError, type DeskErrorBody } from '../../shared/api/errors'
import { EVENT_NAMES } from '../../shared/api/methods'
import type { Desk } from './desk'

export type Envelope = { ok: true; value: unknown } | { ok: false; error: DeskErrorBody }

/** The host's last word to the core: close the database (a checkpoint) and let go of the port. */
export const CLOSE_DESK = 'close'
export type ToDesk = { id: number; method: string; input: unknown }
export type FromDesk = ({ id: number } & Envelope) | { event: string; payload: unknown } | { ready: true } | { fatal: string }

/** The part of Electron's UtilityProcess (or a worker_threads Worker) this uses; a fake stands in for it in tests. */
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

/** The core's side of the port: runs each request on the desk and posts its events. */
export async function serveDesk(
  port: { onMessage(listener: (m: ToDesk | typeof CLOSE_DESK) => void): void; postMessage(m: FromDesk): void; close(): void },
  open: () => Promise<Desk>,
): Promise<Desk | null> {
  try {
    const desk = await open()
    for (const event of EVENT_NAMES) desk.on(event, (payload) => port.postMessage({ event, payload }))
    port.onMessage(async (m) => {
      if (m === CLOSE_DESK) {
        desk.close()
        return port.close()
      }
      try {
        port.postMessage({ id: m.id, ok: true, value: await desk.callUnchecked(m.method, m.input) })
      } catch (e) {
        port.postMessage({ id: m.id, ok: false, error: (e as DeskError).body })
      }
    })
    port.postMessage({ ready: true })
    return desk
  } catch (e) {
    port.postMessage({ fatal: e instanceof Error ? e.message : String(e) })
    return null
  }
}

/** What a transport needs of a desk (the web host): the desk itself, or one behind a port. */
export type DeskEndpoint = Pick<Desk, 'callUnchecked' | 'on'>

export function endpointOf(link: DeskProcess): DeskEndpoint {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  link.onEvent((event, payload) => listeners.get(event)?.forEach((l) => l(payload)))
  return {
    async callUnchecked(method, input) {
      const envelope = await link.call(method, input)
      if (envelope.ok) return envelope.value
      throw new DeskError(envelope.error)
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
}
