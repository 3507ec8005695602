import { decodeBoardSnapshot } from '../../shared/api/boardSchemas'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../electron/desk/db/migrate'
import { openDatabase } from '../../electron/desk/db/open'
import { openDesk } from '../../electron/desk'
import { tempDir } from './helpers'

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
/** Undoes migration 009, to make a data dir as an older version wrote it. */
const DROP_FOLLOW_UP = 'DROP INDEX tickets_station_resolved; DROP TABLE complaint_events; DROP TABLE complaints; DROP TABLE return_visits; DROP TABLE ticket_outcomes; DROP TABLE inspection_plans'
/** Undoes migrations 009 and 008. */
const DROP_CLOSEOUT = DROP_FOLLOW_UP + '; DROP TABLE carry_ins; DROP TABLE job_reports'
/** Undoes migrations 008 and 007. */
const DROP_PARTS = DROP_CLOSEOUT + '; DROP TABLE reconciliations; DROP TABLE damage_assessments; DROP TABLE part_requests; DROP TABLE return_batches; DROP TABLE return_slips; DROP TABLE part_movements; DROP TABLE part_stock; DROP TABLE parts'
const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it('001 creates the reference tables with the phone index', () => {
    const db = openDatabase(tempDir())
    expect(migrate(db, 1)).toBe(1)
    expect(tables(db)).toEqual(['assets', 'contracts', 'customer_phones', 'customers', 'stations', 'users'])
    expect(columns(db, 'customers')).toEqual(expect.arrayContaining(['region_code', 'zone', 'lat', 'lng', 'key_account', 'contacts']))
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT customer_id FROM customer_phones WHERE phone GLOB '1388*'").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).toContain('customer_phones_phone')
    db.prepare("INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102)").run()
    expect(() => db.prepare("INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s2', 'WH', '站', 'station', '530102', 25, 102)").run()).toThrow(/UNIQUE/)
    db.close()
  })

  it('002 adds tickets with a unique number and a derived severity rank', () => {
    const db = openDatabase(tempDir())
    migrate(db, 2)
    expect(tables(db)).toEqual(expect.arrayContaining(['tickets', 'ticket_events']))
    db.exec(`INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102);
             INSERT INTO customers (id, station_id, unit_name, address, region_code, zone, created_at) VALUES ('c', 's', '客户', '地址', '530102', 'city', '2026-01-01T00:00:00Z')`)
    const insert = db.prepare(`INSERT INTO tickets (id, station_id, number, customer_id, channel, reporter_name, reporter_phone, fault_description,
      category, fault_level, service_mode, status, created_at, updated_at) VALUES (?, 's', ?, 'c', 'phone', '', '13888000001', '黑屏', 'desktop', ?, 'onsite', 'new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
    insert.run('t1', 'WH1-260101-001', 'critical')
    insert.run('t2', 'WH1-260101-002', 'minor')
    expect(() => insert.run('t3', 'WH1-260101-001', 'general')).toThrow(/UNIQUE/)
    expect(() => insert.run('t4', 'WH1-260101-004', 'urgent')).toThrow(/CHECK/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE status IN ('new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated') AND station_id = 's' ORDER BY created_at DESC").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).toContain('tickets_open_station_created')
    expect(db.prepare('SELECT id, fault_rank FROM tickets ORDER BY fault_rank').all()).toEqual([
      { id: 't1', fault_rank: 0 },
      { id: 't2', fault_rank: 3 },
    ])
    db.close()
  })

  it('003 adds the desk-local identity, counters and outbox', () => {
    const db = openDatabase(tempDir())
    migrate(db, 3)
    expect(tables(db)).toEqual(expect.arrayContaining(['desk_meta', 'desk_counters', 'outbox']))
    expect(columns(db, 'outbox')).toEqual(['mutation_id', 'name', 'args', 'user_id', 'created_at'])
    db.close()
  })

  it('004 adds versioned service rules, pauses, clock facts and an urgency index', () => {
    const db = openDatabase(tempDir())
    migrate(db, 4)
    expect(tables(db)).toEqual(expect.arrayContaining(['service_rules', 'rules_head', 'ticket_pauses']))
    expect(columns(db, 'tickets')).toEqual(expect.arrayContaining(['rules_version', 'service_level', 'zone', 'escalation_step', 'responded_at', 'arrived_at', 'resolved_at', 'recheck_due', 'warranty', 'next_due']))
    const open = "status IN ('new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated')"
    // the list pins this index for its everyday view; it must serve the ORDER BY without a sort
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM tickets INDEXED BY tickets_open_urgency WHERE ${open} ORDER BY next_due IS NULL, next_due, created_at DESC LIMIT 100`)
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).not.toContain('TEMP B-TREE')
    expect(() => db.prepare("INSERT INTO ticket_pauses (id, ticket_id, station_id, reason, from_at) VALUES ('p', 't', 's', 'lunch', '2026-01-01')").run()).toThrow(/CHECK|FOREIGN/)
    db.close()
  })

  it('005 adds who assigned a ticket where, server state of touched rows, and rejected changes', () => {
    const db = openDatabase(tempDir())
    migrate(db, 5)
    expect(columns(db, 'tickets')).toEqual(expect.arrayContaining(['assigned_by', 'assigned_desk']))
    expect(tables(db)).toEqual(expect.arrayContaining(['sync_shadow', 'sync_rejections']))
    // one shadow per row; NULL means the server never had the row
    const shadow = db.prepare('INSERT INTO sync_shadow (tbl, id, row) VALUES (?, ?, ?)')
    shadow.run('tickets', 't1', null)
    expect(() => shadow.run('tickets', 't1', '{}')).toThrow(/UNIQUE|PRIMARY/)
    const reject = db.prepare(`INSERT INTO sync_rejections (mutation_id, name, args, user_id, made_at, code, key, message, rejected_at, decision)
      VALUES (?, 'ticket.assign', '{}', 'u', '2026-01-01T00:00:00Z', 'rule', 'errors.ticket.assignedElsewhere', '已派', '2026-01-01T00:00:01Z', ?)`)
    reject.run(1, null)
    expect(() => reject.run(2, 'ignored')).toThrow(/CHECK/)
    db.close()
  })

  it('006 adds a job\'s helper engineers (a JSON array, [] by default) and its accepted / departed times', () => {
    const db = openDatabase(tempDir())
    migrate(db, 6)
    expect(columns(db, 'tickets')).toEqual(expect.arrayContaining(['helper_ids', 'accepted_at', 'departed_at']))
    db.exec(`INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102);
             INSERT INTO customers (id, station_id, unit_name, address, region_code, zone, created_at) VALUES ('c', 's', '客户', '地址', '530102', 'city', '2026-01-01T00:00:00Z')`)
    const insert = (id: string, helpers?: string) =>
      db
        .prepare(`INSERT INTO tickets (id, station_id, number, customer_id, channel, reporter_name, reporter_phone, fault_description, category, fault_level,
          service_mode, status, created_at, updated_at${helpers === undefined ? '' : ', helper_ids'}) VALUES (?, 's', ?, 'c', 'phone', '', '13888000001', '黑屏', 'desktop',
          'general', 'onsite', 'new', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'${helpers === undefined ? '' : ', ?'})`)
        .run(id, `N-${id}`, ...(helpers === undefined ? [] : [helpers]))
    insert('t1')
    insert('t2', '["u1","u2"]')
    expect(db.prepare('SELECT id, helper_ids, accepted_at, departed_at FROM tickets ORDER BY id').all()).toEqual([
      { id: 't1', helper_ids: '[]', accepted_at: null, departed_at: null },
      { id: 't2', helper_ids: '["u1","u2"]', accepted_at: null, departed_at: null },
    ])
    // only a JSON array of ids
    expect(() => insert('t3', '{"u1":true}')).toThrow(/CHECK/)
    expect(() => insert('t4', 'u1,u2')).toThrow(/CHECK|JSON/)
    db.close()
  })

  it('007 adds the parts tables: balances never below zero, the ledger\'s legs a JSON array, one reconciliation per station and month', () => {
    const db = openDatabase(tempDir())
    migrate(db, 7)
    expect(tables(db)).toEqual(expect.arrayContaining(['parts', 'part_stock', 'part_movements', 'part_requests', 'damage_assessments', 'return_slips', 'return_batches', 'reconciliations']))
    db.exec(`INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102);
             INSERT INTO parts (id, number, name, model, category, grade, unit_cost, price, created_at) VALUES ('p', 'HDD-1', '硬盘', '', 'hdd', 1, 100, 200, '2026-01-01T00:00:00Z')`)
    const stock = (id: string, place: string, qty: number) =>
      db.prepare("INSERT INTO part_stock (id, station_id, part_id, place, holder_id, qty, updated_at) VALUES (?, 's', 'p', ?, NULL, ?, '2026-01-01T00:00:00Z')").run(id, place, qty)
    stock('a', 'shelf', 3)
    expect(() => stock('b', 'shelf', -1)).toThrow(/CHECK/)
    expect(() => stock('c', 'attic', 1)).toThrow(/CHECK/)
    const move = (id: string, legs: string) =>
      db.prepare("INSERT INTO part_movements (id, station_id, kind, at, month, part_id, qty, legs, actor_id) VALUES (?, 's', 'receive', '2026-04-01T00:00:00Z', '2026-04', 'p', 1, ?, 'u')").run(id, legs)
    move('m1', '[{"partId":"p","place":"shelf","holderId":null,"delta":1}]')
    expect(() => move('m2', '{"delta":1}')).toThrow(/CHECK/)
    const recon = (id: string) => db.prepare("INSERT INTO reconciliations (id, station_id, month, counts, updated_at) VALUES (?, 's', '2026-04', '[]', '2026-05-01T00:00:00Z')").run(id)
    recon('r1')
    expect(() => recon('r2')).toThrow(/UNIQUE/)
    expect(() => db.prepare("INSERT INTO parts (id, number, name, model, category, grade, unit_cost, price, created_at) VALUES ('p2', 'HDD-1', '硬盘', '', 'hdd', 1, 100, 200, '')").run()).toThrow(/UNIQUE/)
    db.close()
  })

  it('008 adds close-outs (one per ticket, cause and fix required, lines a JSON array, drawn or paper signature) and carry-ins (a unique receipt number, known statuses)', () => {
    const db = openDatabase(tempDir())
    migrate(db, 8)
    expect(tables(db)).toEqual(expect.arrayContaining(['job_reports', 'carry_ins']))
    db.exec("INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102)")
    const report = (id: string, ticket: string, patch: { cause?: string; lines?: string; signature?: string } = {}) =>
      db
        .prepare(`INSERT INTO job_reports (id, station_id, ticket_id, engineer_id, service_mode, cause, fix, data_backed_up, damage, onsite_requested, lines, charges,
          signature_kind, closed_by, closed_at) VALUES (?, 's', ?, 'e', 'onsite', ?, '换硬盘', 1, 'normal', 0, ?, '{"total":0}', ?, 'u', '2026-11-20T02:30:00Z')`)
        .run(id, ticket, patch.cause ?? '坏道', patch.lines ?? '[]', patch.signature ?? 'paper')
    report('r1', 't1')
    expect(() => report('r2', 't1')).toThrow(/UNIQUE/)
    expect(() => report('r3', 't3', { cause: '' })).toThrow(/CHECK/)
    expect(() => report('r4', 't4', { lines: '{}' })).toThrow(/CHECK/)
    expect(() => report('r5', 't5', { signature: 'stamp' })).toThrow(/CHECK/)
    const carryIn = (id: string, ticket: string, number: string, status = 'received') =>
      db
        .prepare(`INSERT INTO carry_ins (id, station_id, ticket_id, number, received_at, received_by, device_category, device_brand, device_model, device_serial,
          tag_number, accessories, promised_on, status, notices, updated_at) VALUES (?, 's', ?, ?, '2026-11-20T02:30:00Z', 'u', 'laptop', '华为', 'D14', 'SN1', 'WH-1', '[]', '2026-11-23', ?, '[]', '2026-11-20T02:30:00Z')`)
        .run(id, ticket, number, status)
    carryIn('k1', 't1', 'QJ-1')
    expect(() => carryIn('k2', 't2', 'QJ-1')).toThrow(/UNIQUE/)
    expect(() => carryIn('k3', 't3', 'QJ-3', 'lost')).toThrow(/CHECK/)
    db.close()
  })

  it('009 adds return visits (known kinds, scores 1–5), complaints (a unique number, none closed without both actions), their history, plans and outcomes', () => {
    const db = openDatabase(tempDir())
    migrate(db, 9)
    expect(tables(db)).toEqual(expect.arrayContaining(['return_visits', 'complaints', 'complaint_events', 'inspection_plans', 'ticket_outcomes']))
    db.exec("INSERT INTO stations (id, code, name, kind, region_code, lat, lng) VALUES ('s', 'WH', '站', 'station', '530102', 25, 102)")
    const visit = (id: string, kind: string, overall: number | null = null) =>
      db
        .prepare("INSERT INTO return_visits (id, station_id, ticket_id, customer_id, kind, due_on, due_at, status, overall, created_at) VALUES (?, 's', 't', 'c', ?, '2026-11-25', '2026-11-25T16:00:00Z', 'due', ?, '2026-11-20T02:30:00Z')")
        .run(id, kind, overall)
    visit('v1', 'level1')
    expect(() => visit('v2', 'level3')).toThrow(/CHECK/)
    expect(() => visit('v3', 'level1', 6)).toThrow(/CHECK/)
    const complaint = (id: string, number: string, status: string, corrective = '', preventive = '') =>
      db
        .prepare(`INSERT INTO complaints (id, station_id, number, customer_id, complainant_name, complainant_phone, channel, received_at, category, severity, description, status,
          due_on, due_at, hq_at, corrective, preventive, created_by, updated_at) VALUES (?, 's', ?, 'c', '吴', '', 'hotline', '2026-11-20T02:30:00Z', 'attitude', 'major', '态度差', ?,
          '2026-11-24', '2026-11-24T16:00:00Z', '2026-11-26T16:00:00Z', ?, ?, 'u', '2026-11-20T02:30:00Z')`)
        .run(id, number, status, corrective, preventive)
    complaint('k1', 'TS-1', 'registered')
    expect(() => complaint('k2', 'TS-1', 'registered')).toThrow(/UNIQUE/)
    expect(() => complaint('k3', 'TS-3', 'closed', '培训', '')).toThrow(/CHECK/)
    expect(() => complaint('k4', 'TS-4', 'lost')).toThrow(/CHECK/)
    complaint('k5', 'TS-5', 'closed', '培训', '完工前说明原因')
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT zone, count(*) FROM ticket_outcomes WHERE station_id = 's' AND day >= '2026-01-01' AND day <= '2026-12-31' GROUP BY zone").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join()).toContain('COVERING INDEX ticket_outcomes_station_day')
    db.close()
  })

  it('a data dir from before 009 opens with no visits or complaints, and its register and reports work', async () => {
    const dir = tempDir()
    const now = () => new Date('2026-11-20T02:30:00Z')
    ;(await openDesk({ dataDir: dir, now })).close()
    const db = openDatabase(dir)
    const tickets = db.prepare('SELECT count(*) AS n FROM tickets').get()
    db.exec(DROP_FOLLOW_UP)
    db.pragma('user_version = 8')
    db.close()
    const desk = await openDesk({ dataDir: dir, now })
    expect((await desk.call('desk.info', {})).schemaVersion).toBe(SCHEMA_VERSION)
    expect((await desk.call('tickets.list', {})).total).toBe((tickets as { n: number }).n)
    expect(await desk.call('visits.list', {})).toEqual({ rows: [], counts: { late: 0, today: 0, upcoming: 0 } })
    expect((await desk.call('complaints.list', { status: 'all' })).total).toBe(0)
    expect((await desk.call('reports.dashboard', { from: '2026-01-01', to: '2026-11-20' })).tickets).toBe(0)
    desk.close()
  })

  it('a data dir from before 008 opens with no close-outs and its open tickets still open', async () => {
    const dir = tempDir()
    const now = () => new Date('2026-11-20T02:30:00Z')
    ;(await openDesk({ dataDir: dir, now })).close()
    const db = openDatabase(dir)
    const open = db.prepare("SELECT count(*) AS n FROM tickets WHERE status <> 'closed'").get()
    db.exec(DROP_CLOSEOUT)
    db.pragma('user_version = 7')
    db.close()
    const desk = await openDesk({ dataDir: dir, now })
    const reopened = openDatabase(dir)
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(reopened.prepare("SELECT count(*) AS n FROM tickets WHERE status <> 'closed'").get()).toEqual(open)
    expect(reopened.prepare('SELECT count(*) AS n FROM job_reports').get()).toEqual({ n: 0 })
    reopened.close()
    expect(await desk.call('carryIn.list', {})).toEqual([])
    desk.close()
  })

  it('a data dir from before 007 gets the parts catalogue on open, with empty stock, and keeps its tickets', async () => {
    const dir = tempDir()
    const now = () => new Date('2026-11-20T02:30:00Z')
    ;(await openDesk({ dataDir: dir, now })).close()
    const db = openDatabase(dir)
    const before = db.prepare('SELECT count(*) AS n FROM tickets').get()
    db.exec(DROP_PARTS)
    db.pragma('user_version = 6')
    db.close()
    const again = await openDesk({ dataDir: dir, now })
    expect((await again.call('desk.info', {})).schemaVersion).toBe(SCHEMA_VERSION)
    const stock = await again.call('parts.stock', {})
    expect(stock.length).toBeGreaterThan(10)
    expect(stock.every((p) => p.shelf + p.engineer + p.bad + p.transit + p.loaned === 0)).toBe(true)
    expect((await again.call('tickets.list', {})).total).toBeGreaterThan(0)
    again.close()
    const raw = openDatabase(dir)
    expect(raw.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual(before)
    raw.close()
  })

  it('a data dir from before 006 keeps its tickets, and they have no helpers and no accept / depart times', async () => {
    const dir = tempDir()
    const now = () => new Date('2026-11-20T02:30:00Z')
    const desk = await openDesk({ dataDir: dir, now })
    desk.close()
    // make it a schema-5 desk: as written before the board existed
    const db = openDatabase(dir)
    const open = db.prepare("SELECT count(*) AS n FROM tickets WHERE status IN ('new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated')").get() as { n: number }
    db.exec(`${DROP_PARTS}; ALTER TABLE tickets DROP COLUMN helper_ids; ALTER TABLE tickets DROP COLUMN accepted_at; ALTER TABLE tickets DROP COLUMN departed_at`)
    db.pragma('user_version = 5')
    db.close()
    const again = await openDesk({ dataDir: dir, now })
    expect((await again.call('desk.info', {})).schemaVersion).toBe(SCHEMA_VERSION)
    const raw = openDatabase(dir)
    expect(raw.prepare("SELECT count(*) AS n FROM tickets WHERE helper_ids <> '[]' OR accepted_at IS NOT NULL OR departed_at IS NOT NULL").get()).toEqual({ n: 0 })
    expect(raw.prepare("SELECT count(*) AS n FROM tickets WHERE status IN ('new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated')").get()).toEqual(open)
    raw.close()
    // the board reads it, and its jobs move on
    const snap = decodeBoardSnapshot(await again.call('board.snapshot', {}))
    expect(snap.tickets.length).toBeGreaterThan(0)
    expect(snap.tickets.every((t) => t.helperIds.length === 0)).toBe(true)
    const job = snap.tickets.find((t) => t.status === 'assigned')!
    await again.call('ticket.accept', { ticketId: job.id })
    await again.call('ticket.addHelper', { ticketId: job.id, engineerId: snap.engineers.find((e) => e.id !== job.assigneeId)!.id })
    expect((decodeBoardSnapshot(await again.call('board.snapshot', {}))).tickets.find((t) => t.id === job.id)).toMatchObject({ status: 'accepted', helperIds: [expect.any(String)] })
    again.close()
  })

  it('a data dir from before 004 gets the preset rules and clocks for its open tickets on open', async () => {
    const dir = tempDir()
    const desk = await openDesk({ dataDir: dir, now: () => new Date('2026-11-20T02:30:00Z') })
    desk.close()
    // make it look like a schema-3 desk whose tickets never had clocks
    const db = openDatabase(dir)
    db.exec("DELETE FROM service_rules; DELETE FROM rules_head; UPDATE tickets SET rules_version = NULL, next_due = NULL")
    db.close()
    const again = await openDesk({ dataDir: dir, now: () => new Date('2026-11-20T02:30:00Z') })
    expect((await again.call('rules.get', {})).version).toBe(2)
    const raw = openDatabase(dir)
    // planned inspections (channel plan) run no SLA clocks at all
    expect(raw.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'new' AND rules_version IS NULL AND channel <> 'plan'").get()).toEqual({ n: 0 })
    // every open ticket has a deadline again, except those paused (no deadline while waiting)
    expect(
      raw.prepare("SELECT count(*) AS n FROM tickets t WHERE status = 'new' AND channel <> 'plan' AND next_due IS NULL AND NOT EXISTS (SELECT 1 FROM ticket_pauses p WHERE p.ticket_id = t.id AND p.to_at IS NULL)").get(),
    ).toEqual({ n: 0 })
    raw.close()
    again.close()
  })

  it('runs only what is missing, and refuses a file from a newer version', () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    expect(migrate(db, 1)).toBe(1)
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    expect(migrate(db)).toBe(SCHEMA_VERSION)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    expect(() => migrate(db)).toThrow(/更新版本/)
    db.close()
    // The file is real SQLite on disk, in WAL mode.
    const raw = new Database(join(dir, 'desk.sqlite'))
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })
})
