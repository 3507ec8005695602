// The Electron main process: one secure window, the desk core in a utility process, a Chinese menu.
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, shell, utilityProcess } from 'electron'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectDeskProcess, type ChildLike } from '../desk/deskPort'
import { deskEventChannel, registerDeskIpc } from './ipc'
import { menuTemplate } from './menu'
import { registerPrintIpc } from './print'
import { appProtocolHandler } from './protocol'
import { APP_ORIGIN, APP_SCHEME, hardenContents, secureWebPreferences } from './security'
import { loadWindowBounds, saveWindowBounds } from './windowState'

// codeCache: V8 keeps the compiled app between starts (by default only for http(s) pages)
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let window: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, (url) => void shell.openExternal(url)))
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(async () => {
    const rendererDir = join(import.meta.dirname, '../renderer')
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, (url) => net.fetch(url)))

    const dataDir = join(app.getPath('userData'), 'desk')
    const child = utilityProcess.fork(join(import.meta.dirname, 'deskProcess.js'), ['--data-dir', dataDir, ...(process.argv.includes('--empty') ? ['--empty'] : [])], {
      serviceName: '服务调度台数据服务',
    })
    const desk = connectDeskProcess(child as unknown as ChildLike)
    registerDeskIpc(ipcMain, desk)
    registerPrintIpc(ipcMain, {
      dialog,
      writeFile: (path, data) => writeFile(path, data),
      // getPath throws where the OS has no documents folder (some Linux desktops)
      documentsDir: () => {
        try {
          return app.getPath('documents')
        } catch {
          return app.getPath('home')
        }
      },
      windowOf: (contents) => BrowserWindow.fromWebContents(contents),
    })
    desk.onEvent((event, payload) => window?.webContents.send(deskEventChannel(event), payload))
    try {
      await desk.ready
    } catch (e) {
      // e.g. a data file written by a newer version: say so and stop, rather than show an empty window
      dialog.showErrorBox('服务调度台无法启动', `本机数据服务未能打开数据目录 ${dataDir}：\n${e instanceof Error ? e.message : String(e)}`)
      app.exit(1)
      return
    }

    const boundsFile = join(app.getPath('userData'), 'window.json')
    const bounds = loadWindowBounds(boundsFile)
    window = new BrowserWindow({
      ...bounds,
      minWidth: 1024,
      minHeight: 640,
      title: '服务调度台',
      show: false,
      webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
    })
    if (bounds.maximized) window.maximize()
    window.once('ready-to-show', () => window?.show())
    window.on('close', () => {
      if (window) saveWindowBounds(boundsFile, { ...window.getNormalBounds(), maximized: window.isMaximized() })
    })
    window.on('closed', () => (window = null))

    const send = (command: string) => window?.webContents.send(deskEventChannel('shell.command'), { command })
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, { isMac: process.platform === 'darwin', isDev: !app.isPackaged })))
    void window.loadURL(`${APP_ORIGIN}/index.html`)
  })
}
