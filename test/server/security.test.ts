// Hostile and broken requests: each is refused with a clear 4xx and a Chinese message, and leaves the
// database exactly as it was (version, every client's lastMutationId, every table's row count).
import type { LightMyRequestResponse } from 'fastify'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { signToken } from '../../server/auth'
import { customer, ticket } from './fixtures'
import { dbState, dispatcherToken, postgresAvailable, testServer, type StoreKind, type TestServer } from './helpers'

const KINDS: StoreKind[] = ['pglite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])]
const INVALID = '输入有误，请检查标红的项目'
const UNAUTHORIZED = '请先登录同步服务器'
const HOUR = 3_600_000

describe.each(KINDS)('security on %s', (kind) => {
  let server: TestServer
  let skewMs = 0
  let wh: string
  let qj: string
  beforeAll(async () => {
    server = await testServer(kind, { now: () => new Date(Date.now() + skewMs) })
    wh = await dispatcherToken(server.app, 'wh')
    qj = await dispatcherToken(server.app, 'qj')
  }, 60_000)
  afterAll(() => server.close())
  afterEach(() => {
    skewMs = 0
  })

  const push = (token: string, clientId: string, mutations: unknown[]) =>
    server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { clientId, mutations } })
  const pull = async (token: string, clientId: string, cursor = 0) =>
    (await server.app.inject({ method: 'POST', url: '/sync/pull', headers: { authorization: `Bearer ${token}` }, payload: { clientId, cursor } })).json()

  /** Sends the request, checks the refusal and that the database did not change; returns the error body. */
  async function refused(send: () => Promise<LightMyRequestResponse>, status: number, message: string) {
    const before = await dbState(server.store)
    const res = await send()
    expect(res.statusCode).toBe(status)
    expect(res.json()).toMatchObject({ ok: false, error: { message } })
    expect(await dbState(server.store)).toEqual(before)
    return res.json().error as { key: string; issues?: { path: string; key: string }[] }
  }

  const envelope = (mutations: unknown[], clientId: unknown = randomUUID()) => JSON.stringify({ clientId, mutations })
  const oneCustomer = [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }]

  it.each([
    ['malformed JSON', '{"clientId":', 'application/json', 400, '请求格式不正确', undefined],
    ['a body over 1 MiB', envelope([{ id: 1, name: 'customer.create', args: { ...customer(randomUUID()), address: 'x'.repeat(1_100_000) } }]), 'application/json', 413, '提交的数据过大', undefined],
    ['a form instead of JSON', 'clientId=x', 'application/x-www-form-urlencoded', 415, '请求格式不正确', undefined],
    ['plain text instead of JSON', 'clientId=x', 'text/plain', 400, INVALID, undefined],
    ['a JSON array instead of a push', '[]', 'application/json', 400, INVALID, undefined],
    ['an unknown mutator', envelope([{ id: 1, name: 'db.drop', args: {} }]), 'application/json', 400, INVALID, 'errors.sync.unknownMutation'],
    ['a mutation id that is not a number', envelope([{ id: 'one', name: 'customer.create', args: customer(randomUUID()) }]), 'application/json', 400, INVALID, 'errors.field.invalid'],
    ['more than 500 mutations', envelope(Array.from({ length: 501 }, (_, i) => ({ id: i + 1, name: 'customer.create', args: {} }))), 'application/json', 400, INVALID, 'errors.sync.tooMany'],
    ['a client id that is not a UUID', envelope(oneCustomer, 'desk-1'), 'application/json', 400, INVALID, 'errors.sync.clientId'],
  ])('refuses %s on push and changes nothing', async (_what, payload, contentType, status, message, issueKey) => {
    const error = await refused(
      () => server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${wh}`, 'content-type': contentType }, payload }),
      status,
      message,
    )
    if (issueKey) expect(error.issues?.map((i) => i.key)).toContain(issueKey)
  })

  it('records arguments of the wrong types for a known mutator as a rejection: lastMutationId advances, no row is written', async () => {
    const clientId = randomUUID()
    const before = await dbState(server.store)
    const res = await push(wh, clientId, [{ id: 1, name: 'customer.create', args: { ...customer(randomUUID()), unitName: 42, zone: ['city'] } }])
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ lastMutationId: 1, applied: 0, rejected: 1 })
    const after = await dbState(server.store)
    expect(after.version).toBe(before.version + 1)
    expect(after.counts).toEqual({ ...before.counts, rejections: before.counts.rejections! + 1 })
    expect(after.clients).toContainEqual({ client_id: clientId, user_id: 'st-wh-dispatcher', last_mutation_id: 1 })
    const { rejections, lastMutationId } = await pull(wh, clientId)
    expect(lastMutationId).toBe(1)
    expect(rejections).toEqual([expect.objectContaining({ mutationId: 1, name: 'customer.create', code: 'validation', message: INVALID })])
  })

  it('keeps another station’s ids out of reach: pull never returns them, pushes touching them are rejected and write nothing', async () => {
    const c = randomUUID()
    expect((await push(qj, randomUUID(), [{ id: 1, name: 'customer.create', args: customer(c, 'st-qj') }])).json().applied).toBe(1)
    const qjRow = () => server.store.query('SELECT * FROM customers WHERE id = $1', [c])
    const original = await qjRow()

    const { changes } = await pull(wh, randomUUID())
    for (const table of ['customers', 'contracts', 'assets', 'tickets', 'ticket_events', 'ticket_pauses'])
      expect((changes[table] ?? []).filter((r: { station_id: string }) => r.station_id !== 'st-wh')).toEqual([])
    expect((changes.customer_phones ?? []).map((r: { customer_id: string }) => r.customer_id)).not.toContain(c)

    const clientId = randomUUID()
    const before = await dbState(server.store)
    const res = await push(wh, clientId, [
      { id: 1, name: 'ticket.create', args: ticket(randomUUID(), c, 'WH2-261120-901') },
      { id: 2, name: 'customer.create', args: customer(c, 'st-wh') }, // taking over 曲靖's id
      { id: 3, name: 'customer.create', args: customer(randomUUID(), 'st-qj') },
    ])
    expect(res.json()).toEqual({ lastMutationId: 3, applied: 0, rejected: 3 })
    // 五华 cannot even see the customer, so ticket.create finds none
    expect((await pull(wh, clientId)).rejections.map((r: { key: string }) => r.key)).toEqual(['errors.rule.customerNotFound', 'errors.sync.otherStation', 'errors.sync.otherStation'])
    const after = await dbState(server.store)
    expect(after.counts).toEqual({ ...before.counts, rejections: before.counts.rejections! + 3 })
    expect(await server.store.query('SELECT id FROM tickets WHERE customer_id = $1', [c])).toEqual([])
    expect(await qjRow()).toEqual(original)
  })

  const tamperedSignature = (token: string) => {
    const [body, sig] = token.split('.') as [string, string]
    // the first character: the last one of a base64url HMAC carries unused bits
    return `${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`
  }
  const tamperedClaims = (token: string) => `${Buffer.from(JSON.stringify({ sub: 'admin', exp: Date.now() + HOUR })).toString('base64url')}.${token.split('.')[1]}`
  const TOKENS: [string, () => string | null][] = [
    ['no Authorization header', () => null],
    ['a garbage string', () => 'Bearer not-a-token'],
    ['a token without the Bearer scheme', () => wh],
    ['a token with a tampered signature', () => `Bearer ${tamperedSignature(wh)}`],
    ['a token whose claims were changed to admin', () => `Bearer ${tamperedClaims(wh)}`],
    ['a token signed with another secret', () => `Bearer ${signToken('another-secret', { sub: 'admin', exp: Date.now() + HOUR })}`],
    [
      'an expired token (the server clock 13 h on)',
      () => {
        skewMs = 13 * HOUR
        return `Bearer ${wh}`
      },
    ],
  ]
  const ENDPOINTS = [
    ['POST', '/sync/push', () => ({ clientId: randomUUID(), mutations: [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }] })],
    ['POST', '/sync/pull', () => ({ clientId: randomUUID(), cursor: 0 })],
    ['GET', '/sync/poke', () => undefined],
  ] as const

  it.each(TOKENS.flatMap(([what, header]) => ENDPOINTS.map(([method, url, body]) => [what, method, url, header, body] as const)))(
    'refuses %s on %s %s with 401',
    async (_what, method, url, header, body) => {
      const authorization = header()
      const error = await refused(() => server.app.inject({ method, url, headers: authorization ? { authorization } : {}, payload: body() }), 401, UNAUTHORIZED)
      expect(error.key).toBe('errors.sync.unauthorized')
    },
  )

  it('accepts the same token untampered and unexpired, so the refusals above are about the token', async () => {
    const clientId = randomUUID()
    expect((await push(wh, clientId, [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }])).json()).toEqual({ lastMutationId: 1, applied: 1, rejected: 0 })
    skewMs = 11 * HOUR
    expect((await pull(wh, clientId)).lastMutationId).toBe(1)
  })

  it('answers a replayed push with 200 and applies nothing again', async () => {
    const clientId = randomUUID()
    const mutations = [
      { id: 1, name: 'customer.create', args: customer(randomUUID()) },
      { id: 2, name: 'customer.create', args: customer(randomUUID()) },
    ]
    expect((await push(wh, clientId, mutations)).json()).toEqual({ lastMutationId: 2, applied: 2, rejected: 0 })
    const before = await dbState(server.store)
    const rows = await server.store.query('SELECT * FROM customers ORDER BY id')
    for (const replay of [mutations, mutations.slice(1)]) {
      const res = await push(wh, clientId, replay)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ lastMutationId: 2, applied: 0, rejected: 0 })
    }
    expect(await dbState(server.store)).toEqual(before)
    expect(await server.store.query('SELECT * FROM customers ORDER BY id')).toEqual(rows)
  })

  it('refuses another user’s push with a client id already registered, and does not show them its state', async () => {
    const clientId = randomUUID()
    expect((await push(wh, clientId, [{ id: 1, name: 'customer.create', args: { ...customer(randomUUID()), unitName: '' } }])).json().rejected).toBe(1)
    const error = await refused(() => push(qj, clientId, [{ id: 2, name: 'customer.create', args: customer(randomUUID(), 'st-qj') }]), 403, '该工位已登记在其他账号名下')
    expect(error.key).toBe('errors.sync.clientOfOtherUser')
    expect(await pull(qj, clientId)).toMatchObject({ lastMutationId: 0, rejections: [] })
  })
})

describe.each(KINDS)('rate limits on %s', (kind) => {
  let server: TestServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })
  const RATE_LIMITED = /^请求过于频繁，请 \d+ 秒后再试$/

  function expectRateLimited(res: LightMyRequestResponse): void {
    expect(res.statusCode).toBe(429)
    const { error } = res.json()
    expect(error).toMatchObject({ key: 'errors.sync.rateLimited', message: expect.stringMatching(RATE_LIMITED) })
    expect(error.params.seconds).toBeGreaterThan(0)
    expect(error.params.seconds).toBeLessThanOrEqual(60)
    expect(Number(res.headers['retry-after'])).toBe(error.params.seconds)
  }

  it('refuses logins past the limit per IP and user name with 429, before the password is checked', async () => {
    server = await testServer(kind, { rateLimit: { loginPerMinute: 2 } })
    const app = server.app
    const login = (username: string, password: string) => app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } })
    expect((await login('admin', 'wrong-1')).statusCode).toBe(401)
    expect((await login('admin', 'wrong-2')).statusCode).toBe(401)
    const before = await dbState(server.store)
    expectRateLimited(await login('admin', 'admin-password-1'))
    // another user name from the same address is counted apart
    expect((await login('nobody', 'x')).statusCode).toBe(401)
    expect(await dbState(server.store)).toEqual(before)
  })

  it('refuses a user’s requests past the limit with 429 and applies nothing; other users go on', async () => {
    server = await testServer(kind, { rateLimit: { userPerMinute: 3 } })
    const app = server.app
    const wh = await dispatcherToken(app, 'wh')
    const qj = await dispatcherToken(app, 'qj')
    const pull = (token: string) => app.inject({ method: 'POST', url: '/sync/pull', headers: { authorization: `Bearer ${token}` }, payload: { clientId: randomUUID(), cursor: 0 } })
    for (let i = 0; i < 3; i++) expect((await pull(wh)).statusCode).toBe(200)
    const before = await dbState(server.store)
    expectRateLimited(
      await app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${wh}` },
        payload: { clientId: randomUUID(), mutations: [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }] },
      }),
    )
    expectRateLimited(await app.inject({ method: 'GET', url: '/sync/poke', headers: { authorization: `Bearer ${wh}` } }))
    expect(await dbState(server.store)).toEqual(before)
    expect((await pull(qj)).statusCode).toBe(200)
  })
})
