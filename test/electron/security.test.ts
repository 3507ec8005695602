import { describe, expect, it, vi } from 'vitest'
import { hardenContents, isAppUrl, secureWebPreferences } from '../../electron/main/security'
import { resolveAppFile } from '../../electron/main/protocol'

describe('the window follows the Electron security checklist', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it.each([
    ['app://desk/index.html', true],
    ['app://desk/assets/x.js', true],
    ['app://other/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com', false],
    ['not a url', false],
  ])('%s is ours: %s', (url, ours) => expect(isAppUrl(url)).toBe(ours))

  it('blocks new windows and navigation away, sending https links to the browser', () => {
    const handlers: Record<string, (...a: unknown[]) => void> = {}
    let openHandler: ((d: { url: string }) => { action: string }) | undefined
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (event: string, h: (...a: unknown[]) => void) => (handlers[event] = h),
    }
    const openExternal = vi.fn()
    hardenContents(contents as never, openExternal)
    expect(openHandler!({ url: 'https://www.example.com/help' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.example.com/help')
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    const away = { preventDefault: vi.fn() }
    handlers['will-navigate']!(away, 'https://evil.example')
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { preventDefault: vi.fn() }
    handlers['will-navigate']!(inside, 'app://desk/index.html')
    expect(inside.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    handlers['will-attach-webview']!(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('app:// serves only files under the renderer folder', () => {
    expect(resolveAppFile('/opt/app/renderer', 'app://desk/index.html')).toBe('/opt/app/renderer/index.html')
    expect(resolveAppFile('/opt/app/renderer', 'app://desk/assets/a.js')).toBe('/opt/app/renderer/assets/a.js')
    expect(resolveAppFile('/opt/app/renderer', 'app://desk/')).toBe('/opt/app/renderer/index.html')
    // climbing out is folded back inside the folder
    expect(resolveAppFile('/opt/app/renderer', 'app://desk/..%2F..%2Fetc%2Fpasswd')).toBe('/opt/app/renderer/etc/passwd')
    expect(resolveAppFile('/opt/app/renderer', 'app://desk/a/../../../etc/passwd')).toBe('/opt/app/renderer/etc/passwd')
  })
})
