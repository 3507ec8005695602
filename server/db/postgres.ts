import pg from 'pg'
import type { Queryable, SqlStore } from './store'

// BIGINT (the sync version) comes back as a JavaScript number: versions stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v))

export async function openPostgres(connectionString: string): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString, max: 10 })
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
    close: () => pool.end(),
  }
}
