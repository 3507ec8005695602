// The sync server's HTTP API (docs/sync-protocol.md). Every endpoint but /health and /auth/login
// needs a token; every body is validated with the shared zod schemas; every error is a Chinese envelope.
import rateLimit from '@fastify/rate-limit'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { z } from 'zod'
import { DeskError } from '../shared/api/errors'
import { parseInput } from '../shared/api/validate'
import { ROLES, type Role } from '../shared/domain/enums'
import { LoginRequest, PullRequest, PushRequest } from '../shared/protocol/sync'
import { hashPassword, signToken, verifyPassword, verifyToken } from './auth'
import type { SqlStore } from './db/store'
import { SyncError } from './sync/errors'
import { startPokes } from './sync/poke'
import { pullChanges } from './sync/pull'
import { applyPush, type Caller } from './sync/push'

export const BODY_LIMIT = 1024 * 1024
const TOKEN_HOURS = 12

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller
  }
}

export interface ServerOptions {
  store: SqlStore
  secret: string
  logger?: boolean | Record<string, unknown>
  now?: () => Date
  /** Requests per minute: on /auth/login per IP and user name (default 10), on the endpoints behind a token per user (default 1200). */
  rateLimit?: { loginPerMinute?: number; userPerMinute?: number }
  /** Comment lines on open poke streams, so proxies keep them (default 15 s). */
  pokeHeartbeatMs?: number
}

const NewAccount = z.object({
  username: z.string().trim().min(1, { error: 'errors.field.required' }).max(40),
  password: z.string().min(8, { error: 'errors.field.invalid' }).max(200),
  userId: z.string().min(1).max(64),
})

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date())
  const memo = new Map<string, unknown>()
  const limits = { loginPerMinute: 10, userPerMinute: 1200, ...opts.rateLimit }
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT })
  const pokes = await startPokes(opts.store, opts.pokeHeartbeatMs)
  let closing = false
  // Sockets with the number of their requests in flight. Node's closeIdleConnections() skips a socket
  // that connected and never sent a request (a client's spare connection): close() then waited for
  // the headers timeout, about 70 s. Such sockets, and idle ones, are closed at once.
  const sockets = new Map<Socket, number>()
  app.server.on('connection', (socket: Socket) => {
    sockets.set(socket, 0)
    socket.on('close', () => sockets.delete(socket))
  })
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1)
    res.on('close', () => {
      const left = (sockets.get(socket) ?? 1) - 1
      sockets.set(socket, left)
      if (closing && left === 0) socket.destroy()
    })
  })
  app.addHook('preClose', async () => {
    closing = true
    await pokes.close()
    for (const [socket, busy] of sockets) if (busy === 0) socket.destroy()
  })
  // close() waits for the requests in flight, but Node would then keep their keep-alive sockets open
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new SyncError(429, 'errors.sync.rateLimited', { seconds: Math.ceil(ctx.ttl / 1000) }),
  })

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof SyncError) return reply.status(err.status).send({ ok: false, error: err.body })
    if (err instanceof DeskError) return reply.status(err.body.code === 'not_found' ? 404 : 400).send({ ok: false, error: err.body })
    const status = (err as { statusCode?: number }).statusCode ?? 500
    if (status === 413) return reply.status(413).send({ ok: false, error: new DeskError({ code: 'validation', key: 'errors.sync.bodyTooLarge' }).body })
    if (status >= 400 && status < 500) return reply.status(status).send({ ok: false, error: new DeskError({ code: 'validation', key: 'errors.sync.badRequest' }).body })
    req.log.error(err)
    return reply.status(500).send({ ok: false, error: new DeskError({ code: 'internal', key: 'errors.internal', params: { detail: '服务器内部错误' } }).body })
  })
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ ok: false, error: new DeskError({ code: 'not_found', key: 'errors.sync.notFound' }).body }))

  const claimsOf = (req: FastifyRequest) => {
    const header = req.headers.authorization ?? ''
    return header.startsWith('Bearer ') ? verifyToken(opts.secret, header.slice(7), now().getTime()) : null
  }

  async function authenticate(req: FastifyRequest): Promise<void> {
    const claims = claimsOf(req)
    if (!claims) throw new SyncError(401, 'errors.sync.unauthorized')
    const [user] = await opts.store.query<{ id: string; role: string; station_id: string; disabled: boolean | null }>(
      'SELECT u.id, u.role, u.station_id, a.disabled FROM users u LEFT JOIN accounts a ON a.user_id = u.id WHERE u.id = $1 AND u.active = 1',
      [claims.sub],
    )
    if (!user || user.disabled || !ROLES.includes(user.role as Role)) throw new SyncError(401, 'errors.sync.unauthorized')
    req.caller = { userId: user.id, role: user.role as Role, stationId: user.station_id }
  }

  app.get('/health', async () => {
    await opts.store.query('SELECT 1')
    return { ok: true, db: opts.store.kind }
  })

  const loginLimit = app.rateLimit({
    max: limits.loginPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => `${req.ip} ${String((req.body as { username?: unknown } | null)?.username ?? '').trim()}`,
  })
  app.post('/auth/login', { preHandler: loginLimit }, async (req) => {
    const { username, password } = parseInput(LoginRequest, req.body)
    const [account] = await opts.store.query<{ password_hash: string; user_id: string; disabled: boolean; name: string; role: string; station_id: string }>(
      'SELECT a.password_hash, a.user_id, a.disabled, u.name, u.role, u.station_id FROM accounts a JOIN users u ON u.id = a.user_id WHERE a.username = $1',
      [username],
    )
    // the same work whether or not the account exists, so timing does not tell which
    const ok = account ? await verifyPassword(password, account.password_hash) : (await verifyPassword(password, DUMMY_HASH), false)
    if (!account || !ok || account.disabled) throw new SyncError(401, 'errors.sync.badLogin')
    const exp = now().getTime() + TOKEN_HOURS * 3_600_000
    return {
      token: signToken(opts.secret, { sub: account.user_id, exp }),
      expiresAt: new Date(exp).toISOString(),
      user: { id: account.user_id, name: account.name, role: account.role, stationId: account.station_id },
    }
  })

  app.register(async (authed) => {
    // counted before the token is checked against the database: a flood costs an HMAC, not a query
    authed.addHook('onRequest', app.rateLimit({ max: limits.userPerMinute, timeWindow: 60_000, keyGenerator: (req) => claimsOf(req)?.sub ?? `ip ${req.ip}` }))
    authed.addHook('preHandler', authenticate)
    authed.post('/sync/push', async (req) => {
      const push = parseInput(PushRequest, req.body)
      let changed = true
      try {
        const result = await applyPush(opts.store, memo, req.caller, push)
        changed = result.applied + result.rejected > 0
        return result
      } finally {
        // a failure pokes too: a 409 or 500 part way leaves the mutations before it committed
        if (changed) await pokes.notify().catch((e: unknown) => req.log.warn({ err: e }, 'poke failed'))
      }
    })
    authed.post('/sync/pull', async (req) => pullChanges(opts.store, req.caller, parseInput(PullRequest, req.body)))
    authed.get('/sync/poke', (_req, reply) => pokes.serve(reply))
    authed.post('/admin/accounts', async (req, reply: FastifyReply) => {
      if (req.caller.role !== 'admin') throw new SyncError(403, 'errors.sync.forbidden', { role: req.caller.role })
      const a = parseInput(NewAccount, req.body)
      await opts.store.query('INSERT INTO accounts (username, user_id, password_hash) VALUES ($1, $2, $3)', [a.username, a.userId, await hashPassword(a.password)])
      return reply.status(201).send({ ok: true })
    })
  })
  return app
}

// A fixed scrypt hash to spend the same time on unknown user names.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
