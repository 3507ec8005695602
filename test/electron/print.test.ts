import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { PRINTERS_CHANNEL, PRINT_CHANNEL, registerPrintIpc } from '../../electron/main/print'

function fakeIpc() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  return { handle: (ch: string, h: (...args: unknown[]) => unknown) => handlers.set(ch, h), invoke: (ch: string, ...args: unknown[]) => handlers.get(ch)!(...args) }
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46])

/** A page's webContents whose print() answers with the given callback arguments. */
function fakeSender(answer: [boolean, string] = [true, '']) {
  return {
    print: vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) => callback(...answer)),
    printToPDF: vi.fn(async () => PDF),
    getPrintersAsync: vi.fn(async () => [
      { name: 'HP_LaserJet_M1136', displayName: 'HP LaserJet M1136', description: '', options: {} },
      { name: 'Office_A5', displayName: '前台 A5', description: '', options: {} },
    ]),
  }
}

function setup(opts: { answer?: [boolean, string]; save?: { canceled: boolean; filePath?: string } } = {}) {
  const ipc = fakeIpc()
  const sender = fakeSender(opts.answer)
  const dialog = { showSaveDialog: vi.fn(async () => opts.save ?? { canceled: false, filePath: '/home/zl/文档/返修单.pdf' }) }
  const writeFile = vi.fn(async () => undefined)
  registerPrintIpc(ipc as never, { dialog: dialog as never, writeFile, documentsDir: () => '/home/zl/文档' })
  const from = (url: string | null) => ({ senderFrame: url === null ? null : { url }, sender })
  const print = (options: unknown, url: string | null = 'app://desk/index.html') => ipc.invoke(PRINT_CHANNEL, from(url), options)
  const printers = (url: string | null = 'app://desk/index.html') => ipc.invoke(PRINTERS_CHANNEL, from(url))
  return { sender, dialog, writeFile, print, printers }
}

describe('printing from the page', () => {
  it('refuses a sender that is not our page', async () => {
    const { sender, print, printers } = setup()
    expect(await print({ target: 'dialog' }, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(await print({ target: 'pdf' }, null)).toMatchObject({ ok: false })
    expect(await printers('file:///etc/passwd')).toMatchObject({ ok: false })
    expect(sender.print).not.toHaveBeenCalled()
    expect(sender.printToPDF).not.toHaveBeenCalled()
    expect(sender.getPrintersAsync).not.toHaveBeenCalled()
  })

  it.each([
    ['no options', undefined],
    ['an unknown target', { target: 'fax' }],
    ['a printer target without a printer', { target: 'printer' }],
    ['a path as the file name', { target: 'pdf', fileName: '../../.bashrc.pdf' }],
    ['a file name that is not a PDF', { target: 'pdf', fileName: '返修单.exe' }],
    ['too many copies', { target: 'dialog', copies: 50 }],
    ['raw print settings', { target: 'dialog', silent: true }],
  ])('refuses %s with a Chinese message and prints nothing', async (_what, options) => {
    const { sender, writeFile, print } = setup()
    const reply = (await print(options)) as { ok: false; error: { code: string; message: string } }
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(reply.error.message).toMatch(/^打印参数不正确：/)
    expect(sender.print).not.toHaveBeenCalled()
    expect(sender.printToPDF).not.toHaveBeenCalled()
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('names the missing printer field', async () => {
    const { print } = setup()
    expect(await print({ target: 'printer' })).toMatchObject({
      ok: false,
      error: { message: '打印参数不正确：deviceName', issues: [{ path: 'deviceName', key: 'print.errors.printerRequired' }] },
    })
  })

  it('prints through the system dialog', async () => {
    const { sender, print } = setup()
    expect(await print({ target: 'dialog', copies: 2 })).toEqual({ ok: true, value: { printed: true } })
    expect(sender.print).toHaveBeenCalledWith({ silent: false, printBackground: true, copies: 2 }, expect.any(Function))
  })

  it('takes a cancelled dialog as an answer, and a failed job as an error', async () => {
    expect(await setup({ answer: [false, 'cancelled'] }).print({ target: 'dialog' })).toEqual({ ok: true, value: { printed: false } })
    expect(await setup({ answer: [false, 'Print job canceled'] }).print({ target: 'dialog' })).toEqual({ ok: true, value: { printed: false } })
    expect(await setup({ answer: [false, 'failed'] }).print({ target: 'dialog' })).toMatchObject({ ok: false, error: { message: '打印失败：failed' } })
  })

  it('prints silently to the configured printer', async () => {
    const { sender, print } = setup()
    expect(await print({ target: 'printer', deviceName: 'Office_A5' })).toEqual({ ok: true, value: { printed: true } })
    expect(sender.print).toHaveBeenCalledWith({ silent: true, deviceName: 'Office_A5', printBackground: true, copies: 1 }, expect.any(Function))
  })

  it('refuses a printer this computer does not have, naming it', async () => {
    const { sender, print } = setup()
    expect(await print({ target: 'printer', deviceName: '仓库针式打印机' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: '找不到打印机“仓库针式打印机”，请在 设置 → 打印 重新选择' },
    })
    expect(sender.print).not.toHaveBeenCalled()
  })

  it('saves the PDF it rendered to the file the user chose', async () => {
    const { sender, dialog, writeFile, print } = setup()
    expect(await print({ target: 'pdf', fileName: '返修单 R-0001.pdf' })).toEqual({ ok: true, value: { saved: '/home/zl/文档/返修单.pdf' } })
    expect(sender.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true })
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/home/zl/文档', '返修单 R-0001.pdf') }))
    expect(writeFile).toHaveBeenCalledWith('/home/zl/文档/返修单.pdf', PDF)
  })

  it('starts the save dialog at 打印.pdf when the page names no file', async () => {
    const { dialog, print } = setup()
    await print({ target: 'pdf' })
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/home/zl/文档', '打印.pdf') }))
  })

  it('writes nothing when the save is cancelled', async () => {
    const { writeFile, print } = setup({ save: { canceled: true, filePath: '' } })
    expect(await print({ target: 'pdf' })).toEqual({ ok: true, value: { saved: null } })
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('lists the printers by name', async () => {
    const { printers } = setup()
    expect(await printers()).toEqual({
      ok: true,
      value: {
        printers: [
          { name: 'HP_LaserJet_M1136', displayName: 'HP LaserJet M1136' },
          { name: 'Office_A5', displayName: '前台 A5' },
        ],
      },
    })
  })
})
