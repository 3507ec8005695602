// Browser mode: the renderer in any browser, the desk core behind it over loopback HTTP.
//   POST /api/call   {method, input} -> {ok: true, value} | {ok: false, error}
//   GET  /api/events  server-sent events of the contract's events
// Only 127.0.0.1 is bound; a request must name this host (no DNS rebinding) and come from its own page.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { EVENT_NAMES } from '../../../shared/api/methods'
import { CSP } from '../../../shared/api/csp'
import { DeskError } from '../../../shared/api/errors'
import type { DeskEndpoint } from '../deskPort'

const MAX_BODY = 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface WebHost {
  url: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function fail(res: ServerResponse, status: number, error: DeskError): void {
  send(res, status, { ok: false, error: error.body })
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new DeskError({ code: 'validation', key: 'errors.field.tooLong', params: { max: MAX_BODY } })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startWebHost(opts: { desk: DeskEndpoint; staticDir: string; port: number; host?: string }): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1'
  const clients = new Set<ServerResponse>()
  const unsubscribe = EVENT_NAMES.map((event) =>
    opts.desk.on(event, (payload) => {
      for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    }),
  )
  let origin = ''
  let closing = false

  const server = createServer(async (req, res) => {
    const hostHeader = req.headers.host ?? ''
    if (hostHeader !== `${host}:${port()}` && hostHeader !== `localhost:${port()}`) {
      res.writeHead(421).end()
      return
    }
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end()
      const from = req.headers.origin
      if (from !== undefined && from !== origin && from !== `http://localhost:${port()}`) return void res.writeHead(403).end()
      if (!String(req.headers['content-type']).startsWith('application/json')) return void res.writeHead(415).end()
      let call: { method?: unknown; input?: unknown }
      try {
        call = JSON.parse(await readBody(req))
      } catch (e) {
        return fail(res, 400, e instanceof DeskError ? e : new DeskError({ code: 'validation', key: 'errors.field.invalid' }))
      }
      try {
        const value = await opts.desk.callUnchecked(String(call?.method), call?.input)
        return send(res, 200, { ok: true, value })
      } catch (e) {
        const err = e as DeskError
        const status = err.body.code === 'internal' ? 500 : err.body.code === 'not_found' ? 404 : 400
        return fail(res, status, err)
      }
    }
    if (url.pathname === '/api/events') {
      // While shutting down, a browser's EventSource reconnecting at once would keep the server open.
      if (closing) return void res.writeHead(503).end()
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    serveStatic(opts.staticDir, url.pathname, res)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, host, () => resolve())
  })
  function port(): number {
    const a = server.address()
    return typeof a === 'object' && a ? a.port : opts.port
  }
  origin = `http://${host}:${port()}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true
        unsubscribe.forEach((u) => u())
        for (const res of clients) res.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root) return void res.writeHead(403).end()
  // The renderer is one page: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('渲染层尚未构建：请先运行 npm run build')
  res.writeHead(200, {
    // the build names assets by their content: cached for good (and V8 keeps their compiled code); the page itself is asked for each time
    'cache-control': rel.startsWith(`assets${sep}`) || rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP,
  })
  createReadStream(file).pipe(res)
}
