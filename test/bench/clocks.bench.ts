// Issue 3's figures: every clock of 100,000 open tickets recomputed from their facts, and the
// 工单 list sorted by urgency at that size.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDesk } from '../../electron/desk'
import { OPEN_TICKET_STATUSES } from '../../shared/domain/enums'
import { RULES_PRESET } from '../../shared/domain/rules'
import { nextDue, readTicketClocks, type TicketFacts } from '../../shared/domain/ticketClocks'
import { ms, table, time } from './stats'

const OPEN = 100_000
const NOW = new Date('2026-11-20T02:30:00Z')

interface FactRow {
  id: string
  createdAt: string
  serviceMode: TicketFacts['serviceMode']
  serviceLevel: TicketFacts['serviceLevel']
  zone: TicketFacts['zone']
  faultLevel: TicketFacts['faultLevel']
  respondedAt: string | null
  arrivedAt: string | null
  resolvedAt: string | null
}

/** Turns the demo history into 100,000 open tickets of the last three days, 5 % of them paused. */
export function fillOpenTickets(file: string): void {
  const db = new Database(file)
  const templates = db.prepare("SELECT * FROM tickets WHERE status IN ('closed', 'cancelled') ORDER BY id LIMIT 2000").all() as Record<string, unknown>[]
  const cols = Object.keys(templates[0]!).filter((c) => c !== 'fault_rank')
  const insert = db.prepare(`INSERT INTO tickets (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`)
  const pause = db.prepare("INSERT INTO ticket_pauses (id, ticket_id, station_id, reason, from_at) VALUES (?, ?, ?, 'parts', ?)")
  const levels = ['5x8', '7x14', '7x24', 'none'] as const
  db.transaction(() => {
    db.prepare("DELETE FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE status IN ('closed', 'cancelled'))").run()
    db.prepare("DELETE FROM tickets WHERE status IN ('closed', 'cancelled')").run()
    const have = (db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n
    for (let i = 0; have + i < OPEN; i++) {
      const t = templates[i % templates.length]!
      const created = new Date(NOW.getTime() - ((i * 7919) % (3 * 1440)) * 60_000).toISOString()
      insert.run({
        ...t,
        id: `open-${i}`,
        number: `B${i}`,
        status: OPEN_TICKET_STATUSES[i % OPEN_TICKET_STATUSES.length],
        service_level: levels[i % 4],
        created_at: created,
        updated_at: created,
        closed_at: null,
        resolved_at: null,
        responded_at: i % 3 ? new Date(Date.parse(created) + 600_000).toISOString() : null,
        arrived_at: null,
        next_due: null,
      })
      if (i % 20 === 0) pause.run(`p-${i}`, `open-${i}`, t.station_id, new Date(Date.parse(created) + 1_800_000).toISOString())
    }
  })()
  db.close()
}

function loadFacts(db: Database.Database): TicketFacts[] {
  const rows = db
    .prepare(
      `SELECT id, created_at AS createdAt, service_mode AS serviceMode, service_level AS serviceLevel, zone, fault_level AS faultLevel,
              responded_at AS respondedAt, arrived_at AS arrivedAt, resolved_at AS resolvedAt
       FROM tickets WHERE status IN (${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(',')})`,
    )
    .all() as FactRow[]
  const pauses = new Map<string, { fromAt: string; toAt: string | null }[]>()
  for (const p of db.prepare('SELECT ticket_id AS t, from_at AS fromAt, to_at AS toAt FROM ticket_pauses').all() as { t: string; fromAt: string; toAt: string | null }[]) {
    pauses.set(p.t, [...(pauses.get(p.t) ?? []), p])
  }
  return rows.map((r) => ({ ...r, pauses: pauses.get(r.id) ?? [] }))
}

export async function clocksBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'clocks-bench-'))
  try {
    const first = await openDesk({ dataDir: dir, now: () => NOW })
    first.close()
    const file = join(dir, 'desk.sqlite')
    fillOpenTickets(file)
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    const rules = RULES_PRESET
    const rows: (string | number)[][] = [['measure', 'time', 'goal']]

    let facts: TicketFacts[] = []
    const load = await time(3, () => (facts = loadFacts(db)))
    rows.push([`load the facts of ${facts.length.toLocaleString('en')} open tickets (SQL)`, ms(load.p50), ''])
    let dues: (string | null)[] = []
    const compute = await time(5, () => (dues = facts.map((f) => nextDue(rules, f))))
    rows.push(['recompute every deadline (next_due) from the facts', ms(compute.p50), '< 300 ms'])
    const now = NOW.getTime()
    const read = await time(5, () => facts.map((f) => readTicketClocks(rules, f, now)))
    rows.push(['read every clock (state, deadlines, time left) at now', ms(read.p50), '(lists read 100 at a time)'])
    const ids = db.prepare(`SELECT id FROM tickets WHERE status IN (${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(',')})`).pluck().all() as string[]
    const update = db.prepare('UPDATE tickets SET next_due = ? WHERE id = ?')
    const write = await time(3, () => db.transaction(() => ids.forEach((id, i) => update.run(dues[i], id)))())
    rows.push(['write them back (one transaction)', ms(write.p50), ''])
    db.close()
    // A desk holds no such arrays: let them go before timing the list, so the heap is a desk's heap.
    facts = []
    dues = []

    const desk = await openDesk({ dataDir: dir, now: () => NOW })
    const lists: [string, Parameters<typeof desk.call<'tickets.list'>>[1]][] = [
      ['open, own station, most urgent first', { openOnly: true, stationId: 'st-wh', sort: 'urgency', limit: 100 }],
      ['open, all stations, most urgent first', { openOnly: true, sort: 'urgency', limit: 100 }],
      ['open, 紧急 only, most urgent first', { openOnly: true, faultLevel: 'critical', sort: 'urgency', limit: 100 }],
    ]
    for (const [name, input] of lists) {
      await time(20, () => desk.call('tickets.list', input))
      const t = await time(200, () => desk.call('tickets.list', input))
      rows.push([`tickets.list: ${name} (p50 / p99)`, `${ms(t.p50)} / ${ms(t.p99)}`, '< 30 ms'])
    }
    const { version, rules: current } = await desk.call('rules.get', {})
    const publish = await time(1, () => desk.call('rules.update', { baseVersion: version, rules: current as never, note: 'bench' }))
    rows.push(['rules.update: new version, every open ticket re-pinned and recomputed through the mutator', ms(publish.p50), ''])
    desk.close()
    return [`${OPEN.toLocaleString('en')} open tickets (5 % paused, mixed 5×8/7×14/7×24/no contract); rules preset v1`, table(rows)].join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
