// A real sync server on loopback (PGlite, or PostgreSQL when reachable), desks that sync with it,
// and a network between them that the test can cut.
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../server/app'
import { migrateServer } from '../../server/db/migrate'
import type { SqlStore } from '../../server/db/store'
import { seedServer } from '../../server/seed'
import type { Fetch } from '../../electron/desk/sync/serverLink'
import { freshStore, type StoreKind } from '../server/helpers'
import { tempDir, testDesk } from '../desk/helpers'
import type { Desk } from '../../electron/desk'

const ADMIN_PASSWORD = 'admin-password-1'
export const DESK_PASSWORD = 'desk-password-1'

export interface SyncServer {
  url: string
  store: SqlStore
  /** Stops the HTTP server (dropping streams) and starts it again on the same port and database. */
  restart(): Promise<void>
  /** An account for a user of the service network (e.g. 'st-wh-dispatcher'), password DESK_PASSWORD. */
  account(username: string, userId: string): Promise<void>
  close(): Promise<void>
}

export async function startSyncServer(kind: StoreKind): Promise<SyncServer> {
  const { store, drop } = await freshStore(kind)
  await migrateServer(store)
  const { secret } = await seedServer(store, { adminPassword: ADMIN_PASSWORD, now: new Date() })
  let app: FastifyInstance = await buildServer({ store, secret })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as { port: number }).port
  const url = `http://127.0.0.1:${port}`
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<{ token: string }>
  }
  return {
    url,
    store,
    async restart() {
      await app.close()
      app = await buildServer({ store, secret })
      await app.listen({ host: '127.0.0.1', port })
    },
    async account(username, userId) {
      const { token } = await post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD })
      await post('/admin/accounts', { username, password: DESK_PASSWORD, userId }, token)
    },
    async close() {
      await app.close()
      await drop()
    },
  }
}

/** A network the test can take down: requests fail as a dropped link does, or lose their answer. */
export class TestNetwork {
  online = true
  /** The next n answers are lost after the server handled the request (the desk must retry safely). */
  loseAnswers = 0
  /** Every push that went out, to send again later: duplicated and out of order. */
  readonly pushes: { url: string; init: RequestInit }[] = []
  readonly fetch: Fetch = async (input, init) => {
    if (!this.online) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    if (String(input).includes('/sync/push')) this.pushes.push({ url: String(input), init: { method: init?.method, headers: init?.headers, body: init?.body } })
    const res = await fetch(input, init)
    if (this.loseAnswers > 0 && String(input).includes('/sync/push')) {
      this.loseAnswers--
      await res.arrayBuffer()
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })
    }
    return res
  }
}

/** A desk of a station that syncs with the server as the given account (demo data off: the server's rows arrive). */
export async function syncedDesk(server: SyncServer, opts: { username: string; stationCode?: string; deskCode?: string; net?: TestNetwork }): Promise<Desk> {
  return testDesk({
    dataDir: tempDir(),
    demo: false,
    stationCode: opts.stationCode ?? 'WH',
    deskCode: opts.deskCode ?? '1',
    now: () => new Date(),
    serverUrl: server.url,
    credentials: { username: opts.username, password: DESK_PASSWORD },
    fetch: opts.net?.fetch,
  })
}

/** A customer of 昆明五华站 registered on a desk, and a ticket for them. */
export async function customerAndTicket(desk: Desk, unitName = '五华区测试单位'): Promise<{ customerId: string; ticketId: string; number: string }> {
  const { id: customerId } = await desk.call('customer.create', {
    stationId: 'st-wh',
    unitName,
    contactName: '王老师',
    phone: '13912345678',
    address: '昆明市五华区测试路 1 号',
    regionCode: '530102',
    zone: 'city',
  })
  const { id: ticketId, number } = await desk.call('ticket.create', {
    customerId,
    reporterPhone: '13912345678',
    faultDescription: '打印机卡纸',
    category: 'printer',
    faultLevel: 'general',
    channel: 'phone',
    serviceMode: 'onsite',
  })
  return { customerId, ticketId, number }
}
