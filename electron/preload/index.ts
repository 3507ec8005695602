// The only thing the page gets: window.desk with call() for the contract's methods, on() for its events,
// and print() / printers() for the slips (the main process checks the options).
import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/api/methods'

const METHODS: ReadonlySet<string> = new Set(METHOD_NAMES)
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES)

contextBridge.exposeInMainWorld('desk', {
  call(method: string, input: unknown) {
    if (!METHODS.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', key: 'errors.unknownMethod', params: { method }, message: `未知的操作：${method}` } })
    }
    return ipcRenderer.invoke('desk:call', method, input)
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!EVENTS.has(event)) return () => undefined
    const channel = `desk:event:${event}`
    const handler = (_e: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, handler)
    return () => ipcRenderer.removeListener(channel, handler)
  },
  print(options: unknown) {
    return ipcRenderer.invoke('shell:print', options)
  },
  printers() {
    return ipcRenderer.invoke('shell:printers')
  },
})
