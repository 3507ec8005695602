import type { Statement } from 'better-sqlite3'
import { JSON_COLUMNS, TABLE_NAMES, type TableName, type Tables, type Tx } from '../../../shared/mutators'
import type { Db } from './open'

const TABLES: ReadonlySet<string> = new Set(TABLE_NAMES)

/** The mutators' store over SQLite. Statements are prepared once per shape and reused. */
export class SqliteTx implements Tx {
  private readonly statements = new Map<string, Statement>()
  readonly memo = new Map<string, unknown>()

  constructor(private readonly db: Db) {}

  private statement(key: string, sql: () => string): Statement {
    let s = this.statements.get(key)
    if (!s) {
      s = this.db.prepare(sql())
      this.statements.set(key, s)
    }
    return s
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    return this.getSync(table, id)
  }

  getSync<T extends TableName>(table: T, id: string): Tables[T] | undefined {
    assertTable(table)
    const row = this.statement(`get:${table}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id)
    return row ? decode(table, row as Record<string, unknown>) : undefined
  }

  /** Mutators never delete; sync does, to take back a row the server never accepted. */
  deleteSync(table: TableName, id: string): void {
    assertTable(table)
    this.statement(`delete:${table}`, () => `DELETE FROM ${table} WHERE id = ?`).run(id)
  }

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.putSync(table, row)
  }

  /** The same write, callable from synchronous bulk code (demo data, sync apply). */
  putSync<T extends TableName>(table: T, row: Tables[T]): void {
    assertTable(table)
    const cols = columnsOf(row)
    const s = this.statement(`put:${table}:${cols.join(',')}`, () => {
      const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`)
      return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
              ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`
    })
    s.run(encode(table, row as unknown as Record<string, unknown>))
  }

  /**
   * Many rows of one table from the server, in one statement shape: the columns are checked once, and
   * `fresh` (an emptied table, a desk's first pull) inserts instead of upserting, about twice as fast.
   */
  writeMany<T extends TableName>(table: T, rows: readonly Tables[T][], opts: { fresh: boolean }): void {
    if (rows.length === 0) return
    assertTable(table)
    const cols = columnsOf(rows[0]!)
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`)
    const s = this.statement(`many:${opts.fresh}:${table}:${cols.join(',')}`, () =>
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})${opts.fresh ? '' : ` ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`}`,
    )
    const json = new Set((JSON_COLUMNS[table] as readonly string[] | undefined) ?? [])
    const values = new Array<unknown>(cols.length)
    for (const row of rows) {
      const r = row as unknown as Record<string, unknown>
      if (Object.keys(r).length !== cols.length) throw new Error(`rows of ${table} differ in their columns`)
      for (let i = 0; i < cols.length; i++) {
        const v = r[cols[i]!]
        if (v === undefined) throw new Error(`a row of ${table} has no ${cols[i]}`)
        values[i] = json.has(cols[i]!) ? JSON.stringify(v) : v
      }
      s.run(values)
    }
  }

  async update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void> {
    assertTable(table)
    const cols = columnsOf(patch).filter((c) => c !== 'id')
    if (cols.length === 0) return
    const s = this.statement(`update:${table}:${cols.join(',')}`, () => `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
    s.run({ ...encode(table, patch as Record<string, unknown>), id })
  }

  async list<T extends TableName>(table: T, where: Partial<Tables[T]>): Promise<Tables[T][]> {
    assertTable(table)
    const cols = columnsOf(where)
    const s = this.statement(`list:${table}:${cols.join(',')}`, () =>
      `SELECT * FROM ${table}${cols.length ? ` WHERE ${cols.map((c) => `${c} = @${c}`).join(' AND ')}` : ''}`,
    )
    return (s.all(encode(table, where as Record<string, unknown>)) as Record<string, unknown>[]).map((r) => decode(table, r))
  }
}

// Table and column names end up in SQL text, so only known tables and plain identifiers pass.
function assertTable(table: string): void {
  if (!TABLES.has(table)) throw new Error(`unknown table ${table}`)
}
function columnsOf(row: object): string[] {
  const cols = Object.keys(row)
  for (const c of cols) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column ${c}`)
  return cols
}

function encode(table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  const json = JSON_COLUMNS[table] as readonly string[] | undefined
  if (!json) return row
  const out = { ...row }
  for (const c of json) if (c in out) out[c] = JSON.stringify(out[c])
  return out
}

function decode<T extends TableName>(table: T, row: Record<string, unknown>): Tables[T] {
  if ('fault_rank' in row) delete row.fault_rank
  const json = JSON_COLUMNS[table] as readonly string[] | undefined
  if (json) for (const c of json) if (typeof row[c] === 'string') row[c] = JSON.parse(row[c] as string)
  return row as unknown as Tables[T]
}
