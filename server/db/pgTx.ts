// The mutators' store on the server: the same Tx the desk implements over SQLite, here over
// PostgreSQL/PGlite inside one push transaction. Every row written gets that transaction's version;
// a user who is not HQ can neither see nor write another station's rows.
import { ruleError } from '../../shared/api/errors'
import { JSON_COLUMNS, TABLE_NAMES, type TableName, type Tables, type Tx } from '../../shared/mutators'
import type { Queryable } from './store'

export const SYNCED_TABLES = TABLE_NAMES
const KNOWN: ReadonlySet<string> = new Set(SYNCED_TABLES)
/** Rows that belong to a station; everything else is shared reference data. */
export const STATION_SCOPED: ReadonlySet<string> = new Set(['customers', 'contracts', 'assets', 'tickets', 'ticket_events', 'ticket_pauses'])

export interface Scope {
  /** null: sees every station (HQ, admin). */
  stationId: string | null
}

function columnsOf(row: object): string[] {
  const cols = Object.keys(row)
  for (const c of cols) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column ${c}`)
  return cols
}

function assertTable(table: string): void {
  if (!KNOWN.has(table)) throw new Error(`unknown table ${table}`)
}

const jsonCols = (table: TableName) => new Set((JSON_COLUMNS[table] as readonly string[] | undefined) ?? [])

function encode(table: TableName, cols: string[], row: Record<string, unknown>): unknown[] {
  const json = jsonCols(table)
  return cols.map((c) => (json.has(c) && row[c] !== null && row[c] !== undefined ? JSON.stringify(row[c]) : row[c]))
}

/** Rows as the desk stores them: no server bookkeeping. */
export function decodeRow<T>(row: Record<string, unknown>): T {
  const { row_version: _v, ...rest } = row
  return rest as T
}

/** Reference rows every push reads (the rules in force, the desk's user): read once per transaction. */
const READ_ONCE: ReadonlySet<string> = new Set(['stations', 'users', 'service_rules', 'rules_head'])

export class PgTx implements Tx {
  // Safe to keep for the transaction: the version row's lock keeps every other writer out until it
  // commits, and this transaction's own writes go through put/update, which drop the entry.
  private readonly readOnce = new Map<string, Record<string, unknown> | undefined>()

  constructor(
    private readonly q: Queryable,
    private readonly version: number,
    private readonly scope: Scope,
    readonly memo: Map<string, unknown>,
  ) {}

  private visible(table: string, row: Record<string, unknown>): boolean {
    return this.scope.stationId === null || !STATION_SCOPED.has(table) || row.station_id === this.scope.stationId
  }

  /** After a rollback to a savepoint: what was read since may have been undone. */
  forgetReads(): void {
    this.readOnce.clear()
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    assertTable(table)
    const key = `${table}:${id}`
    if (this.readOnce.has(key)) return this.readOnce.get(key) as Tables[T] | undefined
    const [row] = await this.q.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id])
    if (READ_ONCE.has(table)) this.readOnce.set(key, row && decodeRow(row))
    return row && this.visible(table, row) ? decodeRow<Tables[T]>(row) : undefined
  }

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    assertTable(table)
    const r = row as unknown as Record<string, unknown>
    this.readOnce.delete(`${table}:${String(r.id)}`)
    if (!this.visible(table, r)) throw ruleError('errors.sync.otherStation')
    const cols = columnsOf(r)
    const json = jsonCols(table)
    const values = cols.map((c, i) => (json.has(c) ? `$${i + 1}::jsonb` : `$${i + 1}`))
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`)
    const params = [...encode(table, cols, r), this.version]
    // an id that exists at another station may not be taken over: the update then matches nothing
    const guarded = this.scope.stationId !== null && STATION_SCOPED.has(table)
    if (guarded) params.push(this.scope.stationId)
    const written = await this.q.query(
      `INSERT INTO ${table} (${cols.join(', ')}, row_version) VALUES (${values.join(', ')}, $${cols.length + 1})
       ON CONFLICT (id) DO UPDATE SET ${[...updates, 'row_version = EXCLUDED.row_version'].join(', ')}
       ${guarded ? `WHERE ${table}.station_id = $${cols.length + 2}` : ''} RETURNING 1 AS ok`,
      params,
    )
    if (written.length === 0) throw ruleError('errors.sync.otherStation')
  }

  async update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void> {
    assertTable(table)
    this.readOnce.delete(`${table}:${id}`)
    const cols = columnsOf(patch).filter((c) => c !== 'id')
    const json = jsonCols(table)
    const sets = [...cols.map((c, i) => `${c} = $${i + 1}${json.has(c) ? '::jsonb' : ''}`), `row_version = $${cols.length + 1}`]
    const params = [...encode(table, cols, patch as Record<string, unknown>), this.version, id]
    // a row of another station is not there for this caller
    const guarded = this.scope.stationId !== null && STATION_SCOPED.has(table)
    if (guarded) params.push(this.scope.stationId)
    const written = await this.q.query(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE id = $${cols.length + 2}${guarded ? ` AND station_id = $${cols.length + 3}` : ''} RETURNING 1 AS ok`,
      params,
    )
    if (written.length === 0) throw ruleError('errors.sync.otherStation')
  }

  async list<T extends TableName>(table: T, where: Partial<Tables[T]>): Promise<Tables[T][]> {
    assertTable(table)
    const cols = columnsOf(where)
    const clauses = cols.map((c, i) => `${c} = $${i + 1}`)
    const params = encode(table, cols, where as Record<string, unknown>)
    if (this.scope.stationId !== null && STATION_SCOPED.has(table)) {
      clauses.push(`station_id = $${params.length + 1}`)
      params.push(this.scope.stationId)
    }
    const rows = await this.q.query<Record<string, unknown>>(`SELECT * FROM ${table}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`, params)
    return rows.map((r) => decodeRow<Tables[T]>(r))
  }
}
