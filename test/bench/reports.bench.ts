// Issue 8's figures: 昆明五华站 with 200,000 closed tickets over three years, each with its outcome, its two
// return visits (surveyed), one in fifty with a complaint and one in three with a part swapped. Times the KPI
// dashboard (over the last year and over all three) and the Monday station report, through the desk API.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDesk } from '../../electron/desk'
import { ms, table, time } from './stats'

const CLOSED_TICKETS = 200_000
const START = Date.parse('2023-12-01T00:00:00Z')
/** Three years of tickets, one every ~7.9 minutes. */
const STEP = Math.floor((3 * 365 * 86_400_000) / CLOSED_TICKETS)
const ZONES = ['city', 'city', 'suburb', 'county']
const LEVELS = ['critical', 'major', 'general', 'general', 'minor']
const MODES = ['onsite', 'onsite', 'phone_support', 'remote', 'carry_in']
const CATEGORIES = ['timeliness', 'attitude', 'quality', 'charges', 'product']

function fill(file: string): void {
  const db = new Database(file)
  const template = db.prepare("SELECT * FROM tickets WHERE station_id = 'st-wh' ORDER BY id LIMIT 1").get() as Record<string, unknown>
  const cols = Object.keys(template).filter((c) => c !== 'fault_rank')
  const engineers = db.prepare("SELECT id FROM users WHERE station_id = 'st-wh' AND role = 'engineer'").pluck().all() as string[]
  const customers = db.prepare("SELECT id FROM customers WHERE station_id = 'st-wh'").pluck().all() as string[]
  const parts = db.prepare('SELECT id FROM parts').pluck().all() as string[]
  const ticket = db.prepare(`INSERT INTO tickets (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`)
  const outcome = db.prepare(`INSERT INTO ticket_outcomes VALUES (?, 'st-wh', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const visit = db.prepare(`INSERT INTO return_visits (id, station_id, ticket_id, customer_id, engineer_id, kind, due_on, due_at, status, done_at, done_on, visitor_id, overall, timeliness, attitude, quality, created_at)
    VALUES (?, 'st-wh', ?, ?, ?, ?, ?, ?, 'done', ?, ?, 'st-wh-dispatcher', ?, ?, ?, ?, ?)`)
  const complaint = db.prepare(`INSERT INTO complaints (id, station_id, number, customer_id, ticket_id, engineer_id, complainant_name, complainant_phone, channel, received_at, category, severity,
    description, status, due_on, due_at, hq_at, corrective, preventive, closed_at, closed_by, created_by, updated_at)
    VALUES (?, 'st-wh', ?, ?, ?, ?, '王老师', '13888000001', 'survey', ?, ?, 'general', '回访不满意', 'closed', ?, ?, ?, '培训', '复查', ?, 'st-wh-manager', 'st-wh-dispatcher', ?)`)
  const swap = db.prepare(`INSERT INTO part_movements (id, station_id, kind, at, month, part_id, qty, engineer_id, ticket_id, legs, actor_id, reason, approval_note, reference)
    VALUES (?, 'st-wh', 'swap', ?, ?, ?, 1, ?, ?, '[]', 'st-wh-dispatcher', '', '', '')`)
  const iso = (t: number) => new Date(t).toISOString()
  db.transaction(() => {
    for (let i = 0; i < CLOSED_TICKETS; i++) {
      const created = START + i * STEP
      const resolved = created + (30 + (i % 240)) * 60_000
      const id = `bench-${i}`
      const engineer = engineers[i % engineers.length]!
      const customer = customers[i % customers.length]!
      const mode = MODES[i % MODES.length]!
      const onsite = mode === 'onsite'
      ticket.run({ ...template, id, number: `WH9-${i}`, customer_id: customer, status: 'closed', service_mode: mode, assignee_id: engineer, created_at: iso(created), updated_at: iso(resolved), resolved_at: iso(resolved), closed_at: iso(resolved + 86_400_000), next_due: null })
      const day = iso(resolved + 8 * 3_600_000).slice(0, 10)
      const respond = 2 + (i % 37)
      outcome.run(id, id, iso(resolved), day, ZONES[i % ZONES.length], LEVELS[i % LEVELS.length], mode, onsite ? 'onsite' : 'phone', engineer, respond, onsite ? 20 + (i % 400) : null, 30 + (i % 300), respond <= 30 ? 1 : 0, onsite ? (i % 400 < 300 ? 1 : 0) : null, i % 300 < 280 ? 1 : 0, onsite ? (i % 9 === 0 ? 0 : 1) : null)
      const score = 5 - (i % 5 === 0 ? 1 : 0) - (i % 50 === 0 ? 3 : 0)
      for (const [kind, days] of [['level1', 2], ['level2', 6]] as const) {
        const done = resolved + days * 86_400_000
        visit.run(`${id}:${kind}`, id, customer, engineer, kind, iso(done).slice(0, 10), iso(done + 86_400_000), iso(done), iso(done + 8 * 3_600_000).slice(0, 10), score, score, 5, score, iso(resolved))
      }
      if (i % 50 === 0) {
        const received = resolved + 2 * 86_400_000
        complaint.run(`${id}:k`, `TS-BENCH-${i}`, customer, id, engineer, iso(received), CATEGORIES[(i / 50) % CATEGORIES.length], iso(received + 2 * 86_400_000).slice(0, 10), iso(received + 2 * 86_400_000), iso(received + 4 * 86_400_000), iso(received + (1 + (i % 7)) * 86_400_000), iso(received))
      }
      if (i % 3 === 0) swap.run(`${id}:m`, iso(resolved), iso(resolved).slice(0, 7), parts[i % parts.length], engineer, id)
    }
  })()
  db.close()
}

export async function reportsBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'reports-bench-'))
  const now = new Date('2026-11-30T01:30:00Z') // Monday 09:30 in Kunming: the report is due by 10:00
  try {
    ;(await openDesk({ dataDir: dir, now: () => now })).close()
    const t = performance.now()
    fill(join(dir, 'desk.sqlite'))
    const filled = performance.now() - t
    const desk = await openDesk({ dataDir: dir, now: () => now })
    const year = { from: '2025-12-01', to: '2026-11-30' }
    const all = { from: '2023-12-01', to: '2026-11-30' }
    await time(3, () => desk.call('reports.dashboard', year)) // warm-up
    const dashYear = await time(20, () => desk.call('reports.dashboard', year))
    const dashAll = await time(20, () => desk.call('reports.dashboard', all))
    const monday = await time(50, () => desk.call('reports.station', { day: '2026-11-30' }))
    const thursday = await time(50, () => desk.call('reports.station', { day: '2026-11-26' }))
    const d = await desk.call('reports.dashboard', all)
    const r = await desk.call('reports.station', { day: '2026-11-30' })
    desk.close()
    return [
      `${d.tickets.toLocaleString('en')} closed tickets over three years (filled in ${(filled / 1000).toFixed(1)} s), ${d.satisfaction.surveys.toLocaleString('en')} surveys, ${d.complaints.total.toLocaleString('en')} complaints; the Monday report covers ${r.from}…${r.to}: ${r.tickets.resolved} resolved.`,
      '',
      table([
        ['measure', 'p50', 'p99', 'goal'],
        ['dashboard, last 12 months', ms(dashYear.p50), ms(dashYear.p99), '< 500 ms'],
        ['dashboard, all 3 years', ms(dashAll.p50), ms(dashAll.p99), '< 500 ms'],
        ['Monday station report', ms(monday.p50), ms(monday.p99), '< 200 ms'],
        ['Thursday station report', ms(thursday.p50), ms(thursday.p99), '< 200 ms'],
      ]),
    ].join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
