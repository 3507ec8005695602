import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../electron/desk/web/httpHost'
import { TICKET_DRAFT } from '../fixtures'
import { tempDir, testDesk } from './helpers'

let host: WebHost | null = null
afterEach(async () => {
  await host?.close()
  host = null
})

async function start() {
  const desk = await testDesk()
  const staticDir = tempDir()
  mkdirSync(staticDir, { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>服务调度台</title>')
  host = await startWebHost({ desk, staticDir, port: 0 })
  return { desk, url: host.url }
}

function raw(url: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const call = (url: string, body: string, headers: Record<string, string> = {}) =>
  raw(url, { method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', ...headers }, body })

describe('browser mode host', () => {
  it('answers contract calls with envelopes', async () => {
    const { url } = await start()
    const res = await call(url, JSON.stringify({ method: 'desk.info', input: {} }))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { station: { name: '昆明五华站' } } })
  })

  it.each([
    ['malformed JSON', '{"method":', 400, 'validation'],
    ['an unknown method', JSON.stringify({ method: 'db.exec', input: 'DROP TABLE tickets' }), 400, 'unknown_method'],
    ['wrong types', JSON.stringify({ method: 'tickets.list', input: { limit: 'all' } }), 400, 'validation'],
    ['an unknown ticket', JSON.stringify({ method: 'tickets.get', input: { id: 'x' } }), 404, 'not_found'],
    ['an oversized body', JSON.stringify({ method: 'ticket.create', input: { faultDescription: 'x'.repeat(1_100_000) } }), 400, 'validation'],
  ])('refuses %s with a clear error and changes nothing', async (_what, body, status, code) => {
    const { desk, url } = await start()
    const before = (await desk.call('tickets.list', {})).total
    const res = await call(url, body)
    expect(res.status).toBe(status)
    const envelope = JSON.parse(res.body)
    expect(envelope).toMatchObject({ ok: false, error: { code } })
    expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect((await desk.call('tickets.list', {})).total).toBe(before)
  })

  it('refuses other hosts (DNS rebinding), other origins, and non-JSON posts', async () => {
    const { url } = await start()
    const port = new URL(url).port
    expect((await raw(url, { path: '/', headers: { host: `evil.example:${port}` } })).status).toBe(421)
    expect((await call(url, JSON.stringify({ method: 'desk.info' }), { origin: 'http://evil.example' })).status).toBe(403)
    expect((await raw(url, { method: 'POST', path: '/api/call', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await raw(url, { method: 'GET', path: '/api/call' })).status).toBe(405)
  })

  it('serves the page with a strict CSP and never a file outside it', async () => {
    const { url } = await start()
    const page = await raw(url, { path: '/' })
    expect(page.body).toContain('服务调度台')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    const escape = await raw(url, { path: '/..%2f..%2f..%2fetc%2fpasswd' })
    expect(escape.body).not.toContain('root:')
  })

  it('pushes data.changed to the page when a ticket is saved', async () => {
    const { desk, url } = await start()
    const u = new URL(url)
    const received = new Promise<string>((resolve) => {
      const req = request({ host: u.hostname, port: u.port, path: '/api/events' }, (res) => {
        let buf = ''
        res.on('data', (c) => {
          buf += c
          if (buf.includes('event: data.changed')) {
            resolve(buf)
            req.destroy()
          }
        })
      })
      req.end()
    })
    await new Promise((r) => setTimeout(r, 100))
    await desk.call('ticket.create', TICKET_DRAFT)
    expect(await received).toContain('"tables":["tickets"]')
  })
})

describe('shutting down', () => {
  it('closes at once even with a browser preconnect socket that has sent nothing yet', async () => {
    const { url } = await start()
    const u = new URL(url)
    // Chromium opens sockets ahead of requests; Node counts them busy until their headers arrive (60 s)
    const socket = connect(Number(u.port), u.hostname)
    await new Promise((r) => socket.once('connect', r))
    const closed = host!.close().then(() => 'closed')
    host = null
    expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r('still open'), 3000))])).toBe('closed')
    socket.destroy()
  })
})
