// Issue 2's figures, at 100,000 tickets in the local database:
//   ticket.create through the desk API (p50/p99) next to the same writes done with raw better-sqlite3,
//   and the 工单 list's first page with filters and sorts.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDesk } from '../../electron/desk'
import { checkpointScheduler } from '../../electron/desk/db/open'
import { TICKET_DRAFT } from '../fixtures'
import { ms, table, time } from './stats'

/** Lets timers run between calls, as they do between a dispatcher's clicks (the WAL checkpoint is one). */
const idle = () => new Promise((r) => setImmediate(r))

const TARGET_TICKETS = 100_000
const CREATES = 3_000

/** Tops the demo data up to TARGET_TICKETS with copies of demo tickets spread over three years. */
function fillTickets(file: string): number {
  const db = new Database(file)
  const have = (db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n
  const templates = db.prepare('SELECT * FROM tickets ORDER BY id LIMIT 2000').all() as Record<string, unknown>[]
  const cols = Object.keys(templates[0]!).filter((c) => c !== 'fault_rank')
  const insert = db.prepare(`INSERT INTO tickets (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`)
  const statuses = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'cancelled', 'new']
  db.transaction(() => {
    for (let i = 0; have + i < TARGET_TICKETS; i++) {
      const t = templates[i % templates.length]!
      const created = new Date(Date.parse('2023-11-20T00:00:00Z') + i * 900_000).toISOString()
      insert.run({ ...t, id: `bench-${i}`, number: `${String(t.number).slice(0, 3)}9-${i}`, status: statuses[i % statuses.length], created_at: created, updated_at: created })
    }
  })()
  const total = (db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n
  db.close()
  return total
}

export async function deskBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'))
  try {
    const first = await openDesk({ dataDir: dir })
    first.close()
    const tickets = fillTickets(join(dir, 'desk.sqlite'))
    const desk = await openDesk({ dataDir: dir })

    const draft = TICKET_DRAFT
    await time(200, () => desk.call('ticket.create', draft), idle) // warm-up
    const create = await time(CREATES, () => desk.call('ticket.create', draft), idle)

    // The same rows written raw: ticket + its timeline event + the outbox entry, one transaction per ticket.
    const raw = new Database(join(dir, 'desk.sqlite'))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.pragma('wal_autocheckpoint = 0')
    const rawCheckpoint = checkpointScheduler(raw) // the same checkpoint policy as the desk
    const sample = raw.prepare("SELECT * FROM tickets WHERE id NOT LIKE 'bench-%' ORDER BY created_at DESC LIMIT 1").get() as Record<string, unknown>
    const cols = Object.keys(sample).filter((c) => c !== 'fault_rank')
    const insTicket = raw.prepare(`INSERT INTO tickets (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`)
    const insEvent = raw.prepare("INSERT INTO ticket_events (id, ticket_id, station_id, at, kind, actor_id, data) VALUES (?, ?, 'st-wh', ?, 'created', 'st-wh-dispatcher', '{}')")
    const insOutbox = raw.prepare("INSERT INTO outbox (mutation_id, name, args, user_id, created_at) VALUES (?, 'ticket.create', ?, 'st-wh-dispatcher', ?)")
    const writeRaw = raw.transaction((i: number) => {
      const id = `raw-${i}`
      const at = new Date().toISOString()
      insTicket.run({ ...sample, id, number: `RAW-${i}`, created_at: at, updated_at: at })
      insEvent.run(`${id}:created`, id, at)
      insOutbox.run(1_000_000 + i, JSON.stringify(draft), at)
    })
    const rawWrite = (i: number) => {
      writeRaw(i)
      rawCheckpoint()
    }
    await time(200, rawWrite, idle)
    const rawCreate = await time(CREATES, (i) => rawWrite(10_000 + i), idle)
    raw.close()

    const lists: [string, Parameters<typeof desk.call<'tickets.list'>>[1]][] = [
      ['open, own station, newest first', { openOnly: true, stationId: 'st-wh', sort: 'newest', limit: 100 }],
      ['open, fault level 重大, most severe first', { openOnly: true, faultLevel: 'major', sort: 'level', limit: 100 }],
      ['all statuses, one station, oldest first', { stationId: 'st-qj', sort: 'oldest', limit: 100 }],
      ['all, no filter, newest first', { sort: 'newest', limit: 100 }],
      ['search by customer name', { search: '人民医院', sort: 'newest', limit: 100 }],
      ['search by phone prefix', { search: '1388800', sort: 'newest', limit: 100 }],
    ]
    const listRows: (string | number)[][] = []
    for (const [name, input] of lists) {
      await time(20, () => desk.call('tickets.list', input))
      const t = await time(200, () => desk.call('tickets.list', input))
      listRows.push([`tickets.list: ${name}`, ms(t.p50), ms(t.p99), '< 20 ms'])
    }
    desk.close()

    return [
      `desk core at ${tickets.toLocaleString('en')} tickets (+${(CREATES + 200) * 2} written here); better-sqlite3, WAL, synchronous=NORMAL`,
      table([
        ['measure', 'p50', 'p99', 'goal'],
        [`ticket.create via desk API (n=${CREATES})`, ms(create.p50), ms(create.p99), 'p99 < 2 ms'],
        [`same rows, raw better-sqlite3 (n=${CREATES})`, ms(rawCreate.p50), ms(rawCreate.p99), 'floor'],
        ['ratio desk API / raw', `${(create.p50 / rawCreate.p50).toFixed(1)}×`, `${(create.p99 / rawCreate.p99).toFixed(1)}×`, '< 5×'],
        ...listRows,
      ]),
    ].join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
