// Where a printed form goes: in Electron the system dialog, a configured printer (silently) or a PDF file
// through the main process; in browser mode the browser's own print dialog, where PDF is a destination.
import { z } from 'zod'
import { DeskError, isDeskErrorBody } from '../../../shared/api/errors'
import type { DeskBridge, Envelope } from '../api/client'

const SETTINGS_KEY = 'print.settings'

const PrintSettingsSchema = z.object({ silentPrinter: z.string().min(1).max(200).nullable() })
export type PrintSettings = z.infer<typeof PrintSettingsSchema>
const DEFAULT_SETTINGS: PrintSettings = { silentPrinter: null }

export interface PrinterEntry {
  name: string
  displayName: string
}

/** Desk-local (this computer's printers), so kept in the page's storage rather than the desk's data. */
export function loadPrintSettings(): PrintSettings {
  try {
    const parsed = PrintSettingsSchema.safeParse(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null'))
    return parsed.success ? parsed.data : DEFAULT_SETTINGS
  } catch {
    return DEFAULT_SETTINGS
  }
}

export function savePrintSettings(settings: PrintSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(PrintSettingsSchema.parse(settings)))
}

const bridge = (): DeskBridge | undefined => (typeof window === 'undefined' ? undefined : window.desk)

/** Saving a PDF without the print dialog needs the main process. */
export function canSavePdf(): boolean {
  return typeof bridge()?.print === 'function'
}

function unwrap<T>(envelope: Envelope): T {
  if (envelope.ok) return envelope.value as T
  throw new DeskError(isDeskErrorBody(envelope.error) ? envelope.error : { code: 'internal', key: 'errors.internal', params: { detail: '' } })
}

/** A name the main process accepts: no path, no characters Windows refuses, ending .pdf. */
export function pdfFileName(name: string): string {
  const base = name
    .replace(/\.pdf$/i, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120)
  return `${base || '打印'}.pdf`
}

/** The print dialog's "save as PDF" suggests the document's title as the file name. */
async function withTitle<T>(fileName: string, work: () => T | Promise<T>): Promise<T> {
  const before = document.title
  document.title = pdfFileName(fileName).replace(/\.pdf$/i, '')
  try {
    return await work()
  } finally {
    document.title = before
  }
}

/** printed false: the dialog was cancelled; null: the browser does not say. printer: where it went silently. */
export async function printDocument(opts: { fileName: string }): Promise<{ printed: boolean | null; printer: string | null }> {
  const desk = bridge()
  if (!desk?.print) {
    await withTitle(opts.fileName, () => window.print())
    return { printed: null, printer: null }
  }
  const print = desk.print.bind(desk)
  const { silentPrinter } = loadPrintSettings()
  const options = silentPrinter ? { target: 'printer' as const, deviceName: silentPrinter } : { target: 'dialog' as const }
  const { printed } = await withTitle(opts.fileName, async () => unwrap<{ printed: boolean }>(await print(options)))
  return { printed, printer: silentPrinter }
}

/** Electron: the PDF straight to a file the user picks (null: cancelled). Browser: the print dialog. */
export async function savePdf(fileName: string): Promise<{ saved: string | null }> {
  const desk = bridge()
  if (!desk?.print) {
    await withTitle(fileName, () => window.print())
    return { saved: null }
  }
  const print = desk.print.bind(desk)
  // the title becomes the PDF's own title
  return withTitle(fileName, async () => unwrap<{ saved: string | null }>(await print({ target: 'pdf', fileName: pdfFileName(fileName) })))
}

/** This computer's printers (Electron); none in browser mode. */
export async function listPrinters(): Promise<PrinterEntry[]> {
  const desk = bridge()
  if (!desk?.printers) return []
  return unwrap<{ printers: PrinterEntry[] }>(await desk.printers()).printers
}
