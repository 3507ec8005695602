import pg from 'pg'
import type { Queryable, SqlStore } from './store'

// BIGINT (the sync version) comes back as a JavaScript number: versions stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v))

const RECONNECT_MS = 1000

/** An idle pooled connection that PostgreSQL ended (a restart, an administrator, a dropped link): logged, never fatal. */
const logIdleError = (e: Error) => console.error(JSON.stringify({ level: 'warn', msg: 'postgres: an idle connection ended; the pool makes a new one', detail: e.message }))

export async function openPostgres(connectionString: string, opts: { onIdleError?: (e: Error) => void } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // without a listener, an idle client's error is thrown from the pool and ends the process
  pool.on('error', opts.onIdleError ?? logIdleError)
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await c.query(sql, params)).rows as T[]
    },
    async exec(sql: string) {
      await c.query(sql)
    },
  })
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn, opts) {
      const client = await pool.connect()
      try {
        await client.query(opts?.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    async listen(channel, onMessage, onResume) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel ${channel}`)
      // A connection of its own, outside the pool: LISTEN belongs to a session, which a pool would recycle.
      let client: pg.Client | undefined
      let retry: NodeJS.Timeout | undefined
      let stopped = false
      const connect = async (resumed: boolean): Promise<void> => {
        const c = new pg.Client({ connectionString, application_name: `listen ${channel}` })
        client = c
        let dropped = false
        const drop = () => {
          if (dropped || stopped) return
          dropped = true
          c.end().catch(() => undefined)
          retry = setTimeout(() => void connect(true), RECONNECT_MS).unref()
        }
        c.on('notification', (n) => {
          if (n.channel === channel) onMessage(n.payload ?? '')
        })
        c.on('error', drop)
        c.on('end', drop)
        try {
          await c.connect()
          await c.query(`LISTEN ${channel}`)
          if (resumed) onResume?.()
        } catch {
          drop()
        }
      }
      await connect(false)
      return async () => {
        stopped = true
        clearTimeout(retry)
        await client?.end()
      }
    },
    close: () => pool.end(),
  }
}
