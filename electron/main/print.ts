// Printing the page's slips: through the system dialog, silently to a named printer, or to a PDF file.
import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents, WebContentsPrintOptions } from 'electron'
import { join } from 'node:path'
import { z } from 'zod'
import { DeskError, type FieldIssue } from '../../shared/api/errors'
import type { MessageKey } from '../../shared/i18n'
import type { Envelope } from '../desk/deskPort'
import { isAppUrl } from './security'

export const PRINT_CHANNEL = 'shell:print'
export const PRINTERS_CHANNEL = 'shell:printers'

// A base name only: the save dialog starts in the documents folder, the page never picks a path.
const PDF_NAME = /^(?![.\s])[^\\/:*?"<>|\u0000-\u001f]{1,196}\.pdf$/i

export const PrintRequest = z
  .strictObject({
    target: z.enum(['dialog', 'printer', 'pdf']),
    deviceName: z.string().min(1).max(200).optional(),
    fileName: z.string().regex(PDF_NAME).default('打印.pdf'),
    copies: z.number().int().min(1).max(9).default(1),
  })
  .superRefine((o, ctx) => {
    if (o.target === 'printer' && !o.deviceName) ctx.addIssue({ code: 'custom', path: ['deviceName'], message: 'print.errors.printerRequired' })
  })
export type PrintRequest = z.input<typeof PrintRequest>

export interface PrinterEntry {
  name: string
  displayName: string
}

export interface PrintDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>
  writeFile(path: string, data: Uint8Array): Promise<void>
  documentsDir(): string
  /** The window to hang the save dialog on, so it is modal to the page that asked. */
  windowOf?(contents: WebContents): BaseWindow | null
}

type Sender = Pick<WebContents, 'print' | 'printToPDF' | 'getPrintersAsync'>

const untrusted = () => new DeskError({ code: 'internal', key: 'errors.internal', params: { detail: 'untrusted sender' } }).body

function parseRequest(input: unknown): z.output<typeof PrintRequest> {
  const result = PrintRequest.safeParse(input)
  if (result.success) return result.data
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: (issue.message.startsWith('print.') ? issue.message : 'errors.field.invalid') as MessageKey,
  }))
  throw new DeskError({ code: 'validation', key: 'print.errors.badOptions', issues, params: { detail: issues.map((i) => i.path || '—').join(', ') } })
}

/** webContents.print reports through a callback; a cancelled dialog is an answer, not a failure. */
function printOn(sender: Sender, options: WebContentsPrintOptions): Promise<{ printed: boolean }> {
  return new Promise((resolve, reject) => {
    sender.print(options, (success, failureReason) => {
      if (success) resolve({ printed: true })
      else if (/cancel/i.test(failureReason)) resolve({ printed: false })
      else reject(new DeskError({ code: 'internal', key: 'print.errors.failed', params: { reason: failureReason || '—' } }))
    })
  })
}

async function savePdf(sender: Sender, owner: BaseWindow | null | undefined, fileName: string, deps: PrintDeps): Promise<{ saved: string | null }> {
  // Render first: the preview may be closed while the save dialog is open.
  let data: Uint8Array
  try {
    data = await sender.printToPDF({ preferCSSPageSize: true, printBackground: true })
  } catch (e) {
    throw new DeskError({ code: 'internal', key: 'print.errors.pdfFailed', params: { detail: e instanceof Error ? e.message : String(e) } })
  }
  const options = { title: '存为 PDF', defaultPath: join(deps.documentsDir(), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] }
  const choice = owner ? await deps.dialog.showSaveDialog(owner, options) : await deps.dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return { saved: null }
  try {
    await deps.writeFile(choice.filePath, data)
  } catch (e) {
    throw new DeskError({ code: 'internal', key: 'print.errors.pdfFailed', params: { detail: e instanceof Error ? e.message : String(e) } })
  }
  return { saved: choice.filePath }
}

async function print(event: IpcMainInvokeEvent, input: unknown, deps: PrintDeps): Promise<unknown> {
  const request = parseRequest(input)
  const sender: Sender = event.sender
  if (request.target === 'pdf') return savePdf(sender, deps.windowOf?.(event.sender), request.fileName, deps)
  if (request.target === 'dialog') return printOn(sender, { silent: false, printBackground: true, copies: request.copies })
  const deviceName = request.deviceName!
  // Electron would otherwise fail with an English reason, or fall back to another printer.
  const printers = await sender.getPrintersAsync()
  if (!printers.some((p) => p.name === deviceName)) throw new DeskError({ code: 'rule', key: 'print.errors.unknownPrinter', params: { name: deviceName } })
  return printOn(sender, { silent: true, deviceName, printBackground: true, copies: request.copies })
}

function toEnvelope(work: () => Promise<unknown>): Promise<Envelope> {
  return work().then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => ({
      ok: false as const,
      error: e instanceof DeskError ? e.body : new DeskError({ code: 'internal', key: 'print.errors.failed', params: { reason: e instanceof Error ? e.message : String(e) } }).body,
    }),
  )
}

/** Printing for our own page only; the page names a target, never a path or raw print settings. */
export function registerPrintIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: PrintDeps): void {
  ipcMain.handle(PRINT_CHANNEL, async (event: IpcMainInvokeEvent, options: unknown): Promise<Envelope> => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return { ok: false, error: untrusted() }
    return toEnvelope(() => print(event, options, deps))
  })
  ipcMain.handle(PRINTERS_CHANNEL, async (event: IpcMainInvokeEvent): Promise<Envelope> => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return { ok: false, error: untrusted() }
    return toEnvelope(async () => {
      const list = await event.sender.getPrintersAsync()
      const printers: PrinterEntry[] = list.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
      }))
      return { printers }
    })
  })
}
