import { randomUUID } from 'node:crypto'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { buildServer } from '../../server/app'
import { openPostgres } from '../../server/db/postgres'
import type { SqlStore } from '../../server/db/store'
import { customer } from './fixtures'
import { dbState, dispatcherToken, postgresAvailable, testServer, type StoreKind, type TestServer } from './helpers'
import { openPokeStream, sleep, type PokeStream } from './sse'

const KINDS: StoreKind[] = ['pglite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])]

let server: TestServer | null = null
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  await server?.close()
  server = null
})

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' })
}

async function stream(base: string, token: string): Promise<PokeStream> {
  const s = await openPokeStream(base, token)
  cleanups.push(() => s.close())
  return s
}

const push = (app: FastifyInstance, token: string, clientId: string, mutations: unknown[]) =>
  app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { clientId, mutations } })

describe.each(KINDS)('pokes on %s', (kind) => {
  it('a poke stream says hello with the current version, then gets a poke after another client’s push, and none for a push that changed nothing', async () => {
    server = await testServer(kind)
    const wh = await dispatcherToken(server.app, 'wh')
    const qj = await dispatcherToken(server.app, 'qj')
    const base = await listen(server.app)
    const s = await stream(base, wh)
    expect(s.status).toBe(200)
    expect(s.contentType).toMatch(/^text\/event-stream/)
    expect((await s.next('hello')).data).toEqual({ version: (await dbState(server.store)).version })

    const qjClient = randomUUID()
    const first = [{ id: 1, name: 'customer.create', args: customer(randomUUID(), 'st-qj') }]
    expect((await push(server.app, qj, qjClient, first)).json().applied).toBe(1)
    const v1 = (await dbState(server.store)).version
    expect((await s.next('poke')).data).toEqual({ version: v1 })

    // a replay and an empty push change nothing, so they poke nobody
    expect((await push(server.app, qj, qjClient, first)).json().applied).toBe(0)
    expect((await push(server.app, qj, qjClient, [])).statusCode).toBe(200)
    // a rejected mutation is a change too (the rejection is pulled)
    expect((await push(server.app, qj, qjClient, [{ id: 2, name: 'customer.create', args: customer(randomUUID(), 'st-wh') }])).json().rejected).toBe(1)
    expect((await s.next('poke')).data).toEqual({ version: v1 + 1 })
    await sleep(200)
    expect(s.events.filter((e) => e.event === 'poke')).toHaveLength(2)
  })

  it('sends a comment heartbeat on open streams', async () => {
    server = await testServer(kind, { pokeHeartbeatMs: 50 })
    const s = await stream(await listen(server.app), await dispatcherToken(server.app, 'wh'))
    await s.next('hello')
    await sleep(300)
    expect(s.comments.length).toBeGreaterThanOrEqual(2)
    expect(s.comments[0]).toBe(': heartbeat')
  })

  it('app.close() ends open poke streams and resolves promptly', async () => {
    server = await testServer(kind)
    const s = await stream(await listen(server.app), await dispatcherToken(server.app, 'wh'))
    await s.next('hello')
    const started = Date.now()
    await server.app.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await s.ended
  })

  it('app.close() does not wait on a connection that never sent a request', async () => {
    server = await testServer(kind)
    const base = new URL(await listen(server.app))
    // an HTTP client's spare connection: open, silent
    const spare = connect(Number(base.port), base.hostname)
    await new Promise((resolve) => spare.once('connect', resolve))
    const closed = new Promise((resolve) => spare.once('close', resolve))
    const started = Date.now()
    await server.app.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await closed
  })

  it('app.close() lets an in-flight push finish before it resolves', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const inner = server.store
    // a store whose transactions start late, so the push is surely in flight when close() is called
    const slow: SqlStore = { ...inner, transaction: async (fn, o) => (await sleep(300), inner.transaction(fn, o)) }
    const app = await buildServer({ store: slow, secret: server.secret })
    const base = await listen(app)
    const before = await dbState(inner)
    const res = fetch(`${base}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), mutations: [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }] }),
    })
    await sleep(100)
    await app.close()
    expect((await dbState(inner)).counts.customers).toBe(before.counts.customers! + 1)
    expect(await (await res).json()).toEqual({ lastMutationId: 1, applied: 1, rejected: 0 })
  })
})

describe.skipIf(!KINDS.includes('postgres'))('pokes between server instances on postgres', () => {
  async function secondInstance(): Promise<FastifyInstance> {
    const store = await openPostgres(server!.databaseUrl!)
    const app = await buildServer({ store, secret: server!.secret })
    cleanups.push(() => store.close())
    cleanups.push(() => app.close())
    return app
  }

  const listenerPids = async (store: SqlStore) =>
    (await store.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'listen sync_poke' AND datname = current_database()")).map((r) => r.pid)

  it('a push to instance A pokes a stream on instance B within 1 s, and A’s own stream once', async () => {
    server = await testServer('postgres')
    const a = server.app
    const b = await secondInstance()
    const wh = await dispatcherToken(a, 'wh')
    const onA = await stream(await listen(a), wh)
    const onB = await stream(await listen(b), wh)
    await Promise.all([onA.next('hello'), onB.next('hello')])
    expect(await listenerPids(server.store)).toHaveLength(2)

    expect((await push(a, wh, randomUUID(), [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }])).json().applied).toBe(1)
    const { version } = await dbState(server.store)
    expect((await onB.next('poke', 1000)).data).toEqual({ version })
    expect((await onA.next('poke', 1000)).data).toEqual({ version })
    // A hears its own NOTIFY too; it pokes its streams only once per version
    await sleep(300)
    expect(onA.events.filter((e) => e.event === 'poke')).toHaveLength(1)
  })

  it('an instance whose LISTEN connection drops reconnects, pokes what it missed, and hears later pushes', async () => {
    server = await testServer('postgres')
    const a = server.app
    const b = await secondInstance()
    const wh = await dispatcherToken(a, 'wh')
    const onB = await stream(await listen(b), wh)
    await onB.next('hello')
    const old = await listenerPids(server.store)
    await server.store.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [old])
    const clientId = randomUUID()
    await push(a, wh, clientId, [{ id: 1, name: 'customer.create', args: customer(randomUUID()) }])
    expect((await onB.next('poke', 3000)).data).toEqual({ version: (await dbState(server.store)).version })

    const deadline = Date.now() + 5000
    while ((await listenerPids(server.store)).filter((p) => !old.includes(p)).length < 2) {
      if (Date.now() > deadline) throw new Error('the listeners did not reconnect')
      await sleep(50)
    }
    await push(a, wh, clientId, [{ id: 2, name: 'customer.create', args: customer(randomUUID()) }])
    expect((await onB.next('poke', 1000)).data).toEqual({ version: (await dbState(server.store)).version })
  })
})
