import type { FastifyInstance } from 'fastify'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { buildServer, type ServerOptions } from '../../server/app'
import { migrateServer } from '../../server/db/migrate'
import { openPglite } from '../../server/db/pglite'
import { SYNCED_TABLES } from '../../server/db/pgTx'
import { openPostgres } from '../../server/db/postgres'
import { one, type SqlStore } from '../../server/db/store'
import { seedServer } from '../../server/seed'

/** The PostgreSQL these machines run (trust auth); each test server gets a database of its own. */
export const POSTGRES_ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type StoreKind = 'pglite' | 'postgres'

export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

export async function freshStore(kind: StoreKind): Promise<{ store: SqlStore; url: string | null; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openPglite(undefined)
    return { store, url: null, drop: () => store.close() }
  }
  const name = `sync_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  const store = await openPostgres(url.toString())
  return {
    store,
    url: url.toString(),
    async drop() {
      await store.close()
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export interface TestServer {
  app: FastifyInstance
  store: SqlStore
  secret: string
  /** The PostgreSQL database, for a second server instance on it; null on PGlite. */
  databaseUrl: string | null
  close(): Promise<void>
}

export async function testServer(kind: StoreKind, opts: Partial<Omit<ServerOptions, 'store' | 'secret'>> = {}): Promise<TestServer> {
  const { store, url, drop } = await freshStore(kind)
  await migrateServer(store)
  const { secret } = await seedServer(store, { adminPassword: 'admin-password-1', now: new Date('2026-11-20T02:30:00Z') })
  const app = await buildServer({ ...opts, store, secret })
  return {
    app,
    store,
    secret,
    databaseUrl: url,
    async close() {
      await app.close()
      await drop()
    },
  }
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`)
  return res.json().token as string
}

/** An account for a station's dispatcher (created by the administrator, as in 设置 → 服务器 later). */
export async function dispatcherToken(app: FastifyInstance, station: 'wh' | 'qj'): Promise<string> {
  const admin = await login(app, 'admin', 'admin-password-1')
  const username = `dispatcher-${station}`
  const res = await app.inject({
    method: 'POST',
    url: '/admin/accounts',
    headers: { authorization: `Bearer ${admin}` },
    payload: { username, password: 'dispatcher-pass-1', userId: `st-${station}-dispatcher` },
  })
  if (res.statusCode !== 201) throw new Error(res.body)
  return login(app, username, 'dispatcher-pass-1')
}

/** What a refused request must leave untouched: the version, every client's lastMutationId and every table's row count. */
export async function dbState(store: SqlStore) {
  const { value: version } = one(await store.query<{ value: number }>('SELECT value FROM sync_version WHERE id = 1'))
  const clients = (await store.query<{ client_id: string; user_id: string; last_mutation_id: number }>('SELECT client_id, user_id, last_mutation_id FROM clients ORDER BY client_id')).map(
    (c) => ({ ...c, last_mutation_id: Number(c.last_mutation_id) }),
  )
  const counts: Record<string, number> = {}
  for (const table of [...SYNCED_TABLES, 'rejections', 'accounts']) {
    counts[table] = one(await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n
  }
  return { version: Number(version), clients, counts }
}
