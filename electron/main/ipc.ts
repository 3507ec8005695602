import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES } from '../../shared/api/methods'
import { DeskError } from '../../shared/api/errors'
import { isAppUrl } from './security'
import type { DeskProcess, Envelope } from '../desk/deskPort'

export const DESK_CALL_CHANNEL = 'desk:call'
export const deskEventChannel = (event: string) => `desk:event:${event}`

const METHODS: ReadonlySet<string> = new Set(METHOD_NAMES)

/** The one IPC entry: a contract method from our own page, forwarded to the desk core. */
export function registerDeskIpc(ipcMain: Pick<IpcMain, 'handle'>, desk: Pick<DeskProcess, 'call'>): void {
  ipcMain.handle(DESK_CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Envelope> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isAppUrl(frameUrl)) {
      return { ok: false, error: new DeskError({ code: 'internal', key: 'errors.internal', params: { detail: 'untrusted sender' } }).body }
    }
    if (typeof method !== 'string' || !METHODS.has(method)) {
      return { ok: false, error: new DeskError({ code: 'unknown_method', key: 'errors.unknownMethod', params: { method: String(method).slice(0, 60) } }).body }
    }
    return desk.call(method, input)
  })
}
