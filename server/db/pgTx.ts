// The mutators' store on the server: the same Tx the desk implements over SQLite, here over
// PostgreSQL/PGlite inside one push transaction. Every row written gets that transaction's version;
// a user who is not HQ can neither see nor write another station's rows.
//
// Writes are buffered and sent as one multi-row upsert per table (flush), and every row read or
// written is kept for the transaction: a push holds the version row's lock from before its first
// mutation to its commit, so no other writer can change a row under it, and round trips to the
// database, not the server's work, are what a push costs.
import { ruleError } from '../../shared/api/errors'
import { JSON_COLUMNS, TABLE_NAMES, type TableName, type Tables, type Tx } from '../../shared/mutators'
import type { Queryable } from './store'

export const SYNCED_TABLES = TABLE_NAMES
const KNOWN: ReadonlySet<string> = new Set(SYNCED_TABLES)
/** Rows that belong to a station; everything else is shared reference data. */
export const STATION_SCOPED: ReadonlySet<string> = new Set(['customers', 'contracts', 'assets', 'tickets', 'ticket_events', 'ticket_pauses', 'part_stock', 'part_movements', 'part_requests', 'damage_assessments', 'return_slips', 'return_batches', 'reconciliations', 'job_reports', 'carry_ins', 'inspection_plans', 'ticket_outcomes', 'return_visits', 'complaints', 'complaint_events'])

export interface Scope {
  /** null: sees every station (HQ, admin). */
  stationId: string | null
}

type Row = Record<string, unknown>

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMS = 30_000

function columnsOf(row: object): string[] {
  const cols = Object.keys(row)
  for (const c of cols) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column ${c}`)
  return cols
}

function assertTable(table: string): void {
  if (!KNOWN.has(table)) throw new Error(`unknown table ${table}`)
}

const jsonCols = (table: TableName) => new Set((JSON_COLUMNS[table] as readonly string[] | undefined) ?? [])

function encode(table: TableName, cols: string[], row: Row): unknown[] {
  const json = jsonCols(table)
  return cols.map((c) => (json.has(c) && row[c] !== null && row[c] !== undefined ? JSON.stringify(row[c]) : row[c]))
}

/** Rows as the desk stores them: no server bookkeeping. */
export function decodeRow<T>(row: Record<string, unknown>): T {
  const { row_version: _v, ...rest } = row
  return rest as T
}

/** SQL's `col = $1` on a row held here: NULL equals nothing. */
const matches = (row: Row, where: Row) => Object.entries(where).every(([c, v]) => v !== null && v !== undefined && row[c] === v)

export class PgTx implements Tx {
  /** Rows as this transaction sees them (read, or written and not yet flushed); undefined: no such row. */
  private readonly rows = new Map<string, Row | undefined>()
  /** Rows to write at the next flush, per table, by id. */
  private readonly pending = new Map<TableName, Map<string, Row>>()

  constructor(
    private readonly q: Queryable,
    private readonly version: number,
    private readonly scope: Scope,
    readonly memo: Map<string, unknown>,
  ) {}

  private visible(table: string, row: Row): boolean {
    return this.scope.stationId === null || !STATION_SCOPED.has(table) || row.station_id === this.scope.stationId
  }

  private guarded(table: string): boolean {
    return this.scope.stationId !== null && STATION_SCOPED.has(table)
  }

  /** After a rollback to a savepoint: what was read or written since may have been undone. */
  forgetReads(): void {
    this.rows.clear()
    this.pending.clear()
  }

  /** The row whatever its station (undefined: none). */
  private async read(table: TableName, id: string): Promise<Row | undefined> {
    const key = `${table}:${id}`
    if (this.rows.has(key)) return this.rows.get(key)
    const [found] = await this.q.query<Row>(`SELECT * FROM ${table} WHERE id = $1`, [id])
    const row = found && decodeRow<Row>(found)
    this.rows.set(key, row)
    return row
  }

  private stage(table: TableName, row: Row): void {
    const id = String(row.id)
    this.rows.set(`${table}:${id}`, row)
    let rows = this.pending.get(table)
    if (!rows) this.pending.set(table, (rows = new Map()))
    rows.set(id, row)
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    assertTable(table)
    const row = await this.read(table, id)
    // a copy: a mutator that changes what it read must not change what this transaction holds
    return row && this.visible(table, row) ? ({ ...row } as unknown as Tables[T]) : undefined
  }

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    assertTable(table)
    const r = { ...(row as unknown as Row) }
    columnsOf(r)
    if (!this.visible(table, r)) throw ruleError('errors.sync.otherStation')
    this.stage(table, r)
  }

  async update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void> {
    assertTable(table)
    columnsOf(patch)
    const row = await this.read(table, id)
    // a row of another station is not there for this caller
    if (!row || !this.visible(table, row)) throw ruleError('errors.sync.otherStation')
    this.stage(table, { ...row, ...(patch as Row), id: row.id })
  }

  async list<T extends TableName>(table: T, where: Partial<Tables[T]>): Promise<Tables[T][]> {
    assertTable(table)
    const cols = columnsOf(where)
    const clauses = cols.map((c, i) => `${c} = $${i + 1}`)
    const params = encode(table, cols, where as Row)
    if (this.guarded(table)) {
      clauses.push(`station_id = $${params.length + 1}`)
      params.push(this.scope.stationId)
    }
    const found = await this.q.query<Row>(`SELECT * FROM ${table}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`, params)
    const staged = this.pending.get(table)
    const out: Row[] = []
    for (const f of found) {
      const id = String(f.id)
      const key = `${table}:${id}`
      // a row this transaction changed is answered as it is now (below), not as it was
      if (staged?.has(id)) continue
      const row = this.rows.get(key) ?? decodeRow<Row>(f)
      this.rows.set(key, row)
      out.push(row)
    }
    for (const row of staged?.values() ?? []) if (matches(row, where as Row) && this.visible(table, row)) out.push(row)
    return out.map((r) => ({ ...r }) as unknown as Tables[T])
  }

  /**
   * Writes every staged row: one upsert per table and column set. A row whose id exists at another
   * station is not taken over (the guarded update matches nothing), and that refuses the flush.
   */
  async flush(): Promise<void> {
    for (const table of SYNCED_TABLES) {
      const staged = this.pending.get(table)
      if (!staged?.size) continue
      this.pending.delete(table)
      const byShape = new Map<string, Row[]>()
      for (const row of staged.values()) {
        const shape = Object.keys(row).join(',')
        byShape.set(shape, [...(byShape.get(shape) ?? []), row])
      }
      for (const [shape, rows] of byShape) {
        const cols = shape.split(',')
        const perStatement = Math.max(1, Math.floor(MAX_PARAMS / (cols.length + 1)))
        for (let i = 0; i < rows.length; i += perStatement) await this.upsert(table, cols, rows.slice(i, i + perStatement))
      }
    }
  }

  private async upsert(table: TableName, cols: string[], rows: Row[]): Promise<void> {
    const json = jsonCols(table)
    const params: unknown[] = []
    const tuples = rows.map((row) => {
      const values = encode(table, cols, row)
      const start = params.length
      params.push(...values, this.version)
      return `(${[...cols.map((c, k) => `$${start + k + 1}${json.has(c) ? '::jsonb' : ''}`), `$${start + cols.length + 1}::bigint`].join(', ')})`
    })
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`)
    const guarded = this.guarded(table)
    if (guarded) params.push(this.scope.stationId)
    const written = await this.q.query(
      `INSERT INTO ${table} (${cols.join(', ')}, row_version) VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO UPDATE SET ${[...updates, 'row_version = EXCLUDED.row_version'].join(', ')}
       ${guarded ? `WHERE ${table}.station_id = $${params.length}` : ''} RETURNING 1 AS ok`,
      params,
    )
    if (written.length !== rows.length) throw ruleError('errors.sync.otherStation')
  }
}
