// The renderer's one way to reach the desk core: the preload bridge in Electron,
// loopback HTTP + server-sent events in browser mode. Both carry the same envelopes.
import type { DeskClient, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract'
import { DeskError, isDeskErrorBody, type DeskErrorBody } from '../../../shared/api/errors'

export type Envelope = { ok: true; value: unknown } | { ok: false; error: DeskErrorBody }

/** What electron/preload exposes as window.desk (nothing else reaches the page). */
export interface DeskBridge {
  call(method: string, input: unknown): Promise<Envelope>
  on(event: string, listener: (payload: unknown) => void): () => void
  /** Electron only (electron/main/print.ts); browser mode prints with window.print(). */
  print?(options: { target: 'dialog' | 'printer' | 'pdf'; deviceName?: string; fileName?: string; copies?: number }): Promise<Envelope>
  printers?(): Promise<Envelope>
}

declare global {
  interface Window {
    desk?: DeskBridge
  }
}

type ConnectionListener = (connected: boolean) => void

function httpBridge(): DeskBridge & { onConnection(l: ConnectionListener): void } {
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const connection = new Set<ConnectionListener>()
  let source: EventSource | null = null
  const connect = () => {
    source = new EventSource('/api/events')
    source.onopen = () => connection.forEach((l) => l(true))
    // EventSource reconnects by itself; the page shows the link is down meanwhile.
    source.onerror = () => connection.forEach((l) => l(false))
    for (const event of listeners.keys()) attach(event)
  }
  const attached = new Set<string>()
  const attach = (event: string) => {
    if (!source || attached.has(event)) return
    attached.add(event)
    source.addEventListener(event, (m) => listeners.get(event)?.forEach((l) => l(JSON.parse((m as MessageEvent<string>).data))))
  }
  return {
    async call(method, input) {
      let res: Response
      try {
        res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) })
      } catch {
        return { ok: false, error: new DeskError({ code: 'network', key: 'errors.network' }).body }
      }
      const body = (await res.json().catch(() => null)) as Envelope | null
      return body ?? { ok: false, error: new DeskError({ code: 'network', key: 'errors.network' }).body }
    },
    on(event, listener) {
      if (!source) connect()
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      attach(event)
      return () => set.delete(listener)
    },
    onConnection(l) {
      connection.add(l)
    },
  }
}

const bridge: DeskBridge & { onConnection?(l: ConnectionListener): void } = window.desk ?? httpBridge()

export const desk: DeskClient = {
  async call<N extends MethodName>(method: N, input: MethodInput<N>): Promise<MethodOutput<N>> {
    const envelope = await bridge.call(method, input)
    if (envelope.ok) return envelope.value as MethodOutput<N>
    throw new DeskError(isDeskErrorBody(envelope.error) ? envelope.error : { code: 'internal', key: 'errors.internal', params: { detail: '' } })
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    return bridge.on(event, listener as (p: unknown) => void)
  },
}

/** Browser mode only: whether the event stream to the desk core is up. */
export function onDeskConnection(listener: ConnectionListener): void {
  bridge.onConnection?.(listener)
}
