// A heavy station for the board's bench (npm run bench, issue 5): the desk's own station topped up to
// `openTickets` open tickets and `engineers` active engineers, customers placed inside the station's
// service area, deterministic by seed and time. Never part of the default demo data: openDesk's
// `boardLoad` option (first start only) or DESK_BOARD_LOAD=10000x500 in browser mode asks for it.
import { defaultZone } from '../../../shared/domain/regions'
import { CATEGORIES, type Category, type FaultLevel, type ServiceLevel, type ServiceMode, type TicketStatus } from '../../../shared/domain/enums'
import { initialStep } from '../../../shared/domain/escalation'
import type { ServiceRules } from '../../../shared/domain/rules'
import { nextDue } from '../../../shared/domain/ticketClocks'
import { formatTicketNumber } from '../../../shared/domain/ticketNumber'
import { localDate } from '../../../shared/domain/time'
import { TABLE_NAMES, phoneIndexRows, ticketFacts, type TableName, type Tables, type ContractRow, type CustomerRow, type TicketPauseRow, type TicketRow } from '../../../shared/mutators'
import { STATIONS, dispatcherId } from '../../../shared/demo/network'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'
import { COUNTY_BY_CODE, regionName } from '../regions'
import { Random, areaCounties, demoEngineer, mobile, personName, pointIn, unitName } from './generate'
import { FAULTS, ROADS } from './words'

export interface BoardLoad {
  openTickets: number
  engineers: number
}

export interface BoardLoadOptions extends BoardLoad {
  stationId: string
  seed: number
  now: Date
}

const MINUTE = 60_000
/** Bench tickets carry desk code B, so their numbers never meet a real desk's (1–9) or the demo's (0). */
const BENCH_DESK_CODE = 'B'
const OPEN_SQL = "'new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated'"

/** "10000x500" → { openTickets: 10000, engineers: 500 } (DESK_BOARD_LOAD); null for anything else. */
export function parseBoardLoad(text: string | undefined): BoardLoad | null {
  const m = /^\s*(\d{1,6})\s*[x×]\s*(\d{1,5})\s*$/i.exec(text ?? '')
  return m ? { openTickets: Number(m[1]), engineers: Number(m[2]) } : null
}

/** Tops the station up; returns what it added. Runs in one transaction (or inside the caller's). */
export function seedBoardLoad(db: Db, tx: SqliteTx, o: BoardLoadOptions): { tickets: number; engineers: number; customers: number } {
  const plan = STATIONS.find((p) => p.station.id === o.stationId)
  if (!plan) throw new Error(`看板压力数据只能生成在演示网络的服务站（没有 ${o.stationId}）`)
  const st = plan.station
  return db.transaction(() => {
    const r = new Random(o.seed)
    const nowMs = o.now.getTime()
    const count = (sql: string) => db.prepare(sql).pluck().get(st.id) as number
    const rulesVersion = db.prepare("SELECT version FROM rules_head WHERE id = 'head'").pluck().get() as number
    const rules = JSON.parse(db.prepare('SELECT data FROM service_rules WHERE version = ?').pluck().get(rulesVersion) as string) as ServiceRules
    // New rows only (their ids continue the bench's own numbering): written per table as plain inserts,
    // twice as fast as the upsert putSync makes over the tickets' many indexes.
    const rows: { [T in TableName]?: Tables[T][] } = {}
    const add = <T extends TableName>(table: T, row: Tables[T]) => ((rows[table] ??= []) as Tables[T][]).push(row)
    const counties = areaCounties(plan)
    const home = COUNTY_BY_CODE.get(st.region_code)!
    const prefix = `${st.id}-bl`

    // Engineers: the station's on-duty ones get the jobs; about one in ten is off (休息) today.
    const engineerBase = count(`SELECT count(*) FROM users WHERE id GLOB '${prefix}-eng-*' AND station_id = ?`)
    const addEngineers = Math.max(0, o.engineers - count("SELECT count(*) FROM users WHERE station_id = ? AND role = 'engineer' AND active = 1"))
    for (let i = 0; i < addEngineers; i++) {
      const eng = demoEngineer(r, st, home, `${prefix}-eng-${String(engineerBase + i + 1).padStart(4, '0')}`, () => (r.chance(0.1) ? 'off' : 'idle'))
      add('users', eng)
    }
    // written now: the jobs below go to every on-duty engineer of the station, the new ones too
    tx.writeMany('users', rows.users ?? [], { fresh: true })
    delete rows.users
    const onDuty = (db.prepare("SELECT id, skills FROM users WHERE station_id = ? AND role = 'engineer' AND active = 1 AND (status IS NULL OR status <> 'off') ORDER BY id").all(st.id) as { id: string; skills: string }[]).map((e) => ({
      id: e.id,
      skills: JSON.parse(e.skills) as string[],
    }))
    const bySkill = new Map<string, string[]>()
    for (const e of onDuty) for (const s of e.skills) bySkill.set(s, [...(bySkill.get(s) ?? []), e.id])
    // an engineer is on the way to, or at, one customer at a time
    const travelling = new Set<string>()

    const ticketBase = count(`SELECT count(*) FROM tickets WHERE id GLOB '${prefix}-tk-*' AND station_id = ?`)
    const addTickets = Math.max(0, o.openTickets - count(`SELECT count(*) FROM tickets WHERE station_id = ? AND status IN (${OPEN_SQL})`))
    const customerBase = count(`SELECT count(*) FROM customers WHERE id GLOB '${prefix}-cus-*' AND station_id = ?`)
    const addCustomers = Math.ceil(addTickets / 2)
    const customers: { row: CustomerRow; contract: ContractRow | null }[] = []
    for (let i = 0; i < addCustomers; i++) {
      const county = r.pick(counties)
      const zone = defaultZone(county, { regionCode: st.region_code, lat: st.lat, lng: st.lng })
      const [lat, lng] = pointIn(r, county, zone === 'city')
      const id = `${prefix}-cus-${String(customerBase + i + 1).padStart(5, '0')}`
      const row: CustomerRow = {
        id,
        station_id: st.id,
        unit_name: `${unitName(r, county)}（${String(customerBase + i + 1)}）`,
        contacts: [{ name: personName(r), phone: mobile(r) }],
        address: `${regionName(county.code)}${r.pick(ROADS)}${r.int(1, 399)}号`,
        region_code: county.code,
        zone,
        lat,
        lng,
        key_account: r.chance(0.05) ? 1 : 0,
        created_at: new Date(nowMs - r.int(30, 900) * 1440 * MINUTE).toISOString(),
      }
      add('customers', row)
      for (const p of phoneIndexRows(row)) add('customer_phones', p)
      let contract: ContractRow | null = null
      if (r.chance(0.65)) {
        contract = {
          id: `${id}-con`,
          customer_id: id,
          station_id: st.id,
          number: `HTB${String(customerBase + i + 1).padStart(6, '0')}`,
          service_level: r.weighted<ServiceLevel>({ '5x8': 50, '7x14': 25, '7x24': 25 }),
          starts_on: localDate(new Date(nowMs - 200 * 1440 * MINUTE), st.timezone),
          ends_on: localDate(new Date(nowMs + 500 * 1440 * MINUTE), st.timezone),
        }
        add('contracts', contract)
      }
      customers.push({ row, contract })
    }

    const pick = (category: Category) => {
      const capable = bySkill.get(category)
      return capable?.length ? r.pick(capable) : onDuty.length ? r.pick(onDuty).id : null
    }
    for (let k = 0; k < addTickets; k++) {
      const n = ticketBase + k + 1
      const cust = customers[k % customers.length]!
      const category = r.pick(CATEGORIES)
      let status = r.weighted<TicketStatus>({ new: 45, assigned: 30, accepted: 8, en_route: 7, on_site: 6, waiting_parts: 2, escalated: 2 })
      let engineer = status === 'new' ? null : pick(category)
      if (engineer === null) status = 'new'
      if (engineer && (status === 'en_route' || status === 'on_site')) {
        if (travelling.has(engineer)) status = 'accepted'
        else travelling.add(engineer)
      }
      if (status === 'new') engineer = null
      const createdMs = nowMs - r.int(3, status === 'new' ? 240 : 480) * MINUTE
      const mode: ServiceMode = r.weighted<ServiceMode>({ onsite: 75, phone_support: 12, remote: 8, carry_in: 5 })
      const faultLevel = r.weighted<FaultLevel>({ critical: 5, major: 15, general: 55, minor: 25 })
      const id = `${prefix}-tk-${String(n).padStart(6, '0')}`
      const at = (minutesAfter: number) => new Date(Math.min(createdMs + minutesAfter * MINUTE, nowMs - MINUTE)).toISOString()
      const contact = cust.row.contacts[0]!
      const apptStart = engineer ? Math.ceil((createdMs + r.int(30, 240) * MINUTE) / (15 * MINUTE)) * 15 * MINUTE : null
      const later = status !== 'new' && status !== 'assigned'
      const ticket: TicketRow = {
        id,
        station_id: st.id,
        number: formatTicketNumber({ stationCode: st.code, deskCode: BENCH_DESK_CODE, localDate: localDate(new Date(createdMs), st.timezone), sequence: n }),
        customer_id: cust.row.id,
        asset_id: null,
        contract_id: cust.contract?.id ?? null,
        channel: 'phone',
        reporter_name: contact.name,
        reporter_phone: contact.phone,
        fault_description: r.pick(FAULTS[category]),
        category,
        fault_level: faultLevel,
        service_mode: mode,
        status,
        assignee_id: engineer,
        assigned_by: engineer ? dispatcherId(st.id) : null,
        assigned_desk: engineer ? `${st.code}${BENCH_DESK_CODE}` : null,
        appointment_start: apptStart === null ? null : new Date(apptStart).toISOString(),
        appointment_end: apptStart === null ? null : new Date(apptStart + r.int(1, 2) * 60 * MINUTE).toISOString(),
        helper_ids: [],
        accepted_at: later ? at(20) : null,
        departed_at: ['en_route', 'on_site', 'waiting_parts', 'escalated'].includes(status) ? at(35) : null,
        arrived_at: ['on_site', 'waiting_parts', 'escalated'].includes(status) ? at(70) : null,
        created_by: dispatcherId(st.id),
        created_at: new Date(createdMs).toISOString(),
        updated_at: new Date(createdMs).toISOString(),
        closed_at: null,
        rules_version: rulesVersion,
        service_level: cust.contract?.service_level ?? 'none',
        zone: cust.row.zone,
        escalation_step: status === 'escalated' ? 3 : initialStep(mode),
        responded_at: status !== 'new' || r.chance(0.5) ? at(r.int(2, 15)) : null,
        resolved_at: null,
        recheck_due: null,
        warranty: null,
        next_due: null,
      }
      // a few jobs have a second engineer (协助)
      if (engineer && r.chance(0.03)) {
        const helper = pick(category)
        if (helper && helper !== engineer) ticket.helper_ids = [helper]
      }
      const pauses: TicketPauseRow[] = []
      if (status === 'waiting_parts') pauses.push({ id: `${id}:p1`, ticket_id: id, station_id: st.id, reason: 'parts', note: '', from_at: at(100), to_at: null, paused_by: ticket.created_by, resumed_by: null })
      else if (status === 'new' && r.chance(0.05)) pauses.push({ id: `${id}:p1`, ticket_id: id, station_id: st.id, reason: 'customer', note: '联系不上报修人', from_at: at(10), to_at: null, paused_by: ticket.created_by, resumed_by: null })
      ticket.next_due = nextDue(rules, ticketFacts(ticket, pauses))
      add('tickets', ticket)
      add('ticket_events', { id: `${id}:created`, ticket_id: id, station_id: st.id, at: ticket.created_at, kind: 'created', actor_id: ticket.created_by, data: { channel: 'phone', serviceMode: mode, faultLevel } })
      if (engineer) add('ticket_events', { id: `${id}:assigned`, ticket_id: id, station_id: st.id, at: at(5), kind: 'assigned', actor_id: ticket.created_by, data: { engineerId: engineer } })
      for (const p of pauses) add('ticket_pauses', p)
    }
    for (const table of TABLE_NAMES) tx.writeMany(table, (rows[table] ?? []) as Tables[typeof table][], { fresh: true })
    return { tickets: addTickets, engineers: addEngineers, customers: addCustomers }
  })()
}
