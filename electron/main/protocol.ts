// app://desk/... serves the built renderer from disk, never anything outside it.
import { extname, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CSP } from '../../shared/api/csp'


/** Maps an app:// URL to a file under rendererDir; null for anything outside it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const { pathname } = new URL(requestUrl)
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  const file = join(rendererDir, rel || 'index.html')
  return file.startsWith(rendererDir + sep) ? file : null
}

type Fetch = (url: string) => Promise<Response>

/** The handler given to protocol.handle('app', …). */
export function appProtocolHandler(rendererDir: string, fetchFile: Fetch): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(rendererDir, request.url)
    if (!file) return new Response('forbidden', { status: 403 })
    const res = await fetchFile(pathToFileURL(extname(file) ? file : join(rendererDir, 'index.html')).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  }
}
