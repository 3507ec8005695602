import type { FastifyInstance } from 'fastify'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { buildServer } from '../../server/app'
import { migrateServer } from '../../server/db/migrate'
import { openPglite } from '../../server/db/pglite'
import { openPostgres } from '../../server/db/postgres'
import type { SqlStore } from '../../server/db/store'
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

async function freshStore(kind: StoreKind): Promise<{ store: SqlStore; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openPglite(undefined)
    return { store, drop: () => store.close() }
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
    async drop() {
      await store.close()
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name}`)
      await c.end()
    },
  }
}

export interface TestServer {
  app: FastifyInstance
  store: SqlStore
  secret: string
  close(): Promise<void>
}

export async function testServer(kind: StoreKind, now?: () => Date): Promise<TestServer> {
  const { store, drop } = await freshStore(kind)
  await migrateServer(store)
  const { secret } = await seedServer(store, { adminPassword: 'admin-password-1', now: new Date('2026-11-20T02:30:00Z') })
  const app = await buildServer({ store, secret, now })
  return {
    app,
    store,
    secret,
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
