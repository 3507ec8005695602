// npm run server: the shared sync server on 127.0.0.1:8787 (HOST, PORT override).
// Storage: PostgreSQL when DATABASE_URL is set, otherwise an embedded PGlite database in SERVER_DATA_DIR.
import { resolve } from 'node:path'
import { buildServer } from './app'
import { migrateServer } from './db/migrate'
import { openPglite } from './db/pglite'
import { openPostgres } from './db/postgres'
import { seedServer } from './seed'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 8787)
const store = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(resolve(process.env.SERVER_DATA_DIR ?? '.server-data'))
await migrateServer(store)
const { secret, adminPassword } = await seedServer(store, { adminPassword: process.env.ADMIN_PASSWORD, now: new Date() })
const app = await buildServer({ store, secret, logger: true })
await app.listen({ host, port })
if (adminPassword) console.log(`首次启动：管理员账号 admin，一次性密码 ${adminPassword}（只显示这一次，请登录后修改）`)

let closing = false
async function shutdown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down: finishing requests in flight')
  await app.close() // waits for in-flight requests, so the transaction being pushed completes
  await store.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
