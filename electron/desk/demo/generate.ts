// A realistic, seeded demo network: the same seed and start time give the same data.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'
import { formatTicketNumber } from '../../../shared/domain/ticketNumber'
import { localDate } from '../../../shared/domain/time'
import { defaultZone, type County } from '../../../shared/domain/regions'
import {
  CATEGORIES,
  SKILLS,
  type Category,
  type Channel,
  type EngineerStatus,
  type FaultLevel,
  type ServiceLevel,
  type ServiceMode,
  type TicketStatus,
} from '../../../shared/domain/enums'
import { initialStep } from '../../../shared/domain/escalation'
import { RULES_PRESET } from '../../../shared/domain/rules'
import { nextDue } from '../../../shared/domain/ticketClocks'
import {
  assetVerdict,
  phoneIndexRows,
  ticketFacts,
  type AssetRow,
  type ContractRow,
  type CustomerRow,
  type TicketEventRow,
  type TicketPauseRow,
  type TicketRow,
  type UserRow,
} from '../../../shared/mutators'
import type { SqliteTx } from '../db/sqliteTx'
import { COUNTIES, COUNTY_BY_CODE, regionName } from '../regions'
import { STATIONS, dispatcherId, type StationPlan } from '../../../shared/demo/network'
import { BANKS, BRANDS, FAULTS, FIRM_TRADES, FIRM_WORDS, GIVEN, GOV_UNITS, HOSPITALS, ROADS, SCHOOL_KINDS, SURNAMES } from './words'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Demo tickets carry desk code 0 ("imported history"), so they never collide with a real desk's numbers. */
const DEMO_DESK_CODE = '0'

/** Seeded randomness for generated data (pure-rand): the same seed gives the same sequence. */
export class Random {
  private readonly rng: RandomGenerator
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed)
  }
  float(): number {
    return uniformFloat64(this.rng)
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!
  }
  chance(p: number): boolean {
    return this.float() < p
  }
  weighted<T extends string>(weights: Partial<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][]
    let r = this.float() * entries.reduce((s, [, w]) => s + w, 0)
    for (const [k, w] of entries) if ((r -= w) < 0) return k
    return entries[entries.length - 1]![0]
  }
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(this.int(0, 9))
    return s
  }
  id(prefix: string): string {
    return `${prefix}-${this.digits(6)}${this.int(0, 0xffffff).toString(16).padStart(6, '0')}`
  }
}

export interface DemoOptions {
  seed: number
  now: Date
}

export interface DemoCounts {
  engineers: number
  customers: number
  assets: number
  contracts: number
  tickets: number
  openTickets: number
}

export function areaCounties(plan: StationPlan): County[] {
  const area = plan.area
  return Array.isArray(area) ? area.map((c) => COUNTY_BY_CODE.get(c)!).filter(Boolean) : COUNTIES.filter((c) => c.code.startsWith(area.prefecture))
}

/** A point inside the county; districts cluster toward their centre, where the offices are. */
/** An engineer of a station: a home base near it, two to four skills (desktop, laptop or printer among them). */
export function demoEngineer(r: Random, st: { id: string }, home: County, id: string, status: () => EngineerStatus): UserRow {
  const [lat, lng] = pointIn(r, home, true)
  const skills = new Set<string>([r.pick(['desktop', 'laptop', 'printer'])])
  while (skills.size < r.int(2, 4)) skills.add(r.pick(SKILLS))
  // drawn in this order, so a seed makes the same network as before
  const name = personName(r)
  const phone = mobile(r)
  return { id, station_id: st.id, name, role: 'engineer', phone, skills: [...skills] as UserRow['skills'], home_lat: lat, home_lng: lng, status: status(), active: 1 }
}

export function pointIn(r: Random, county: County, tight: boolean): [number, number] {
  const ring = county.polygons[0]![0]!
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)]
  const [cx, cy] = county.center
  const shape = { type: 'MultiPolygon' as const, coordinates: county.polygons }
  for (let i = 0; i < 200; i++) {
    const x = tight ? cx + (r.float() - 0.5) * (maxX - minX) * 0.3 : minX + r.float() * (maxX - minX)
    const y = tight ? cy + (r.float() - 0.5) * (maxY - minY) * 0.3 : minY + r.float() * (maxY - minY)
    if (booleanPointInPolygon([x, y], shape)) return [Math.round(y * 1e5) / 1e5, Math.round(x * 1e5) / 1e5]
  }
  return [cy, cx]
}

export const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '')
export const mobile = (r: Random) => `1${r.pick(['3', '5', '8', '9'])}${r.digits(9)}`

export function unitName(r: Random, county: County): string {
  const place = county.name
  switch (r.weighted({ firm: 30, gov: 20, school: 14, hospital: 12, bank: 14, person: 10 })) {
    case 'firm':
      return `云南${r.pick(FIRM_WORDS)}${r.pick(FIRM_TRADES)}有限公司`
    case 'gov':
      return `${place}${r.pick(GOV_UNITS)}`
    case 'school':
      return `${place}${r.pick(SCHOOL_KINDS)}`
    case 'hospital':
      return `${place}${r.pick(HOSPITALS)}`
    case 'bank':
      return `${r.pick(BANKS)}${place.replace(/(彝族|回族|苗族|白族|哈尼族|傣族|傈僳族|纳西族)+自治/, '')}支行`
    default:
      return `${personName(r)}（个人）`
  }
}

/** The status changes a ticket went through to reach its status (after 派工 where it has an engineer). */
const STATUS_PATH: Record<TicketStatus, TicketStatus[]> = {
  new: [],
  assigned: [],
  accepted: ['accepted'],
  en_route: ['accepted', 'en_route'],
  on_site: ['accepted', 'en_route', 'on_site'],
  waiting_parts: ['accepted', 'en_route', 'on_site', 'waiting_parts'],
  escalated: ['accepted', 'en_route', 'on_site', 'escalated'],
  resolved: ['accepted', 'en_route', 'on_site', 'resolved'],
  closed: ['accepted', 'en_route', 'on_site', 'resolved', 'closed'],
  cancelled: ['cancelled'],
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10)

export function generateDemo(tx: SqliteTx, { seed, now }: DemoOptions): DemoCounts {
  const r = new Random(seed)
  const nowMs = now.getTime()
  const counts: DemoCounts = { engineers: 0, customers: 0, assets: 0, contracts: 0, tickets: 0, openTickets: 0 }
  const usedNames = new Set<string>()
  const sequences = new Map<string, number>()

  for (const plan of STATIONS) {
    const st = plan.station
    const counties = areaCounties(plan)
    const home = COUNTY_BY_CODE.get(st.region_code)!

    // Engineers: skills, a home base near the station, today's status.
    const engineers: UserRow[] = []
    for (let i = 0; i < plan.engineers; i++) {
      const eng = demoEngineer(r, st, home, `${st.id}-eng-${String(i + 1).padStart(2, '0')}`, () => r.weighted<EngineerStatus>({ idle: 5, en_route: 2, on_site: 3, off: 1 }))
      tx.putSync('users', eng)
      engineers.push(eng)
    }
    counts.engineers += engineers.length

    const customers: { row: CustomerRow; assets: AssetRow[]; contract: ContractRow | null }[] = []
    for (let i = 0; i < plan.customers; i++) {
      // The first two customers of each station are known ones, so demos and tests can look them up:
      // a 7×24 key account (1388800000n) and a 5×8 office (1388800100n), n = the station's place in the list.
      const fixed = i < 2
      const county = fixed ? home : r.pick(counties)
      let name = i === 0 ? `${home.name}人民医院信息科` : i === 1 ? `${home.name}财政局` : unitName(r, county)
      while (usedNames.has(name)) name = unitName(r, county)
      usedNames.add(name)
      const zone = defaultZone(county, { regionCode: st.region_code, lat: st.lat, lng: st.lng })
      const [lat, lng] = pointIn(r, county, zone === 'city')
      const contacts = [{ name: personName(r), phone: fixed ? `13888${i === 0 ? '00000' : '00100'}${STATIONS.indexOf(plan) + 1}` : mobile(r) }]
      if (r.chance(0.45)) contacts.push({ name: personName(r), phone: `${plan.areaCode}${r.pick(['6', '3', '5'])}${r.digits(7)}` })
      const row: CustomerRow = {
        id: `${st.id}-cus-${String(i + 1).padStart(4, '0')}`,
        station_id: st.id,
        unit_name: name,
        contacts,
        address: `${regionName(county.code)}${r.pick(ROADS)}${r.int(1, 399)}号`,
        region_code: county.code,
        zone,
        lat,
        lng,
        key_account: i === 0 || (!fixed && r.chance(0.08)) ? 1 : 0,
        created_at: new Date(nowMs - r.int(200, 1500) * DAY).toISOString(),
      }
      tx.putSync('customers', row)
      for (const p of phoneIndexRows(row)) tx.putSync('customer_phones', p)

      let contract: ContractRow | null = null
      if (fixed || r.chance(0.7)) {
        const level = i === 0 ? '7x24' : i === 1 ? '5x8' : r.weighted<ServiceLevel>({ '5x8': 55, '7x14': 25, '7x24': 20 })
        const start = nowMs - r.int(60, 700) * DAY
        // About one contract in ten has lapsed: those customers fall back to emergency service.
        const years = fixed || r.chance(0.9) ? r.int(2, 3) : 0.1
        contract = {
          id: `${row.id}-con`,
          customer_id: row.id,
          station_id: st.id,
          number: `HT${isoDay(start).replace(/-/g, '').slice(0, 6)}${r.digits(4)}`,
          service_level: level,
          starts_on: isoDay(start),
          ends_on: isoDay(start + years * 365 * DAY),
        }
        tx.putSync('contracts', contract)
        counts.contracts++
      }

      const assets: AssetRow[] = []
      for (let a = 0, n = r.int(1, 4); a < n; a++) {
        const category = r.weighted<Category>({ desktop: 35, laptop: 20, printer: 15, monitor: 12, server: 6, network: 8, software: 2, other: 2 })
        const make = r.pick(BRANDS[category])
        const bought = nowMs - r.int(30, 5 * 365) * DAY
        const hasInvoice = r.chance(0.85)
        const asset: AssetRow = {
          id: `${row.id}-as-${a + 1}`,
          customer_id: row.id,
          station_id: st.id,
          serial: `${make.brand === '联想' ? 'LX' : make.brand === '惠普' ? 'HP' : 'SN'}${r.digits(8)}`,
          brand: make.brand,
          model: r.pick(make.models),
          category,
          invoice_date: hasInvoice ? isoDay(bought) : null,
          factory_month: hasInvoice ? null : isoDay(bought - 30 * DAY).slice(0, 7),
        }
        tx.putSync('assets', asset)
        assets.push(asset)
      }
      counts.assets += assets.length
      customers.push({ row, assets, contract })
    }
    counts.customers += customers.length

    // Tickets: half a year of history plus today's open work.
    const history = Math.round(plan.customers * 1.7)
    const open = Math.round(plan.customers / 6.7)
    for (let k = 0; k < history + open; k++) {
      const isOpen = k >= history
      const cust = r.pick(customers)
      const asset = cust.assets.length && r.chance(0.9) ? r.pick(cust.assets) : null
      const category = asset?.category ?? r.pick(CATEGORIES)
      const status: TicketStatus = isOpen
        ? r.weighted<TicketStatus>({ new: 40, assigned: 15, accepted: 10, en_route: 10, on_site: 12, waiting_parts: 8, escalated: 5 })
        : r.chance(0.97)
          ? 'closed'
          : 'cancelled'
      // Today's work is hours old; parts and escalations take days.
      const ageMinutes: Partial<Record<TicketStatus, [number, number]>> = { new: [3, 150], assigned: [20, 300], accepted: [30, 360], en_route: [40, 420], on_site: [60, 480] }
      const [minAge, maxAge] = ageMinutes[status] ?? [600, 3 * 1440]
      const createdMs = isOpen ? nowMs - r.int(minAge, maxAge) * 60_000 : nowMs - r.int(2, 180) * DAY + r.int(-5, 5) * HOUR
      const created = new Date(createdMs)
      const faultLevel = r.weighted<FaultLevel>(
        category === 'server' || category === 'network' ? { critical: 20, major: 35, general: 40, minor: 5 } : { critical: 3, major: 12, general: 60, minor: 25 },
      )
      const channel = r.weighted<Channel>({ phone: 75, web: 8, email: 5, fax: 3, walk_in: 9 })
      const mode: ServiceMode = channel === 'walk_in' ? 'carry_in' : r.weighted<ServiceMode>({ onsite: 60, phone_support: 20, remote: 10, carry_in: 10 })
      const capable = engineers.filter((e) => e.skills.includes(category))
      const engineer = status === 'new' || status === 'cancelled' ? null : r.pick(capable.length ? capable : engineers)
      const day = localDate(created, st.timezone)
      const seqKey = `${st.code}:${day}`
      const seq = (sequences.get(seqKey) ?? 0) + 1
      sequences.set(seqKey, seq)
      const id = `${st.id}-tk-${String(k + 1).padStart(5, '0')}`
      const contact = cust.row.contacts[0]!
      const inForce = cust.contract !== null && cust.contract.starts_on <= day && day <= cust.contract.ends_on
      const ticket: TicketRow = {
        id,
        station_id: st.id,
        number: formatTicketNumber({ stationCode: st.code, deskCode: DEMO_DESK_CODE, localDate: day, sequence: seq }),
        customer_id: cust.row.id,
        asset_id: asset?.id ?? null,
        contract_id: inForce ? cust.contract!.id : null,
        channel,
        reporter_name: contact.name,
        reporter_phone: contact.phone,
        fault_description: r.pick(FAULTS[category]),
        category,
        fault_level: faultLevel,
        service_mode: mode,
        status,
        assignee_id: engineer?.id ?? null,
        assigned_by: engineer ? dispatcherId(st.id) : null,
        assigned_desk: engineer ? `${st.code}${DEMO_DESK_CODE}` : null,
        appointment_start: null,
        appointment_end: null,
        helper_ids: [],
        accepted_at: null,
        departed_at: null,
        created_by: dispatcherId(st.id),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        closed_at: null,
        rules_version: 1,
        service_level: inForce ? cust.contract!.service_level : 'none',
        zone: cust.row.zone,
        escalation_step: status === 'escalated' ? 3 : initialStep(mode),
        responded_at: null,
        arrived_at: null,
        resolved_at: null,
        recheck_due: null,
        warranty: asset ? assetVerdict(RULES_PRESET, asset, day, 'normal') : null,
        next_due: null,
      }
      const pauses: TicketPauseRow[] = []
      const events: TicketEventRow[] = [
        { id: `${id}:created`, ticket_id: id, station_id: st.id, at: ticket.created_at, kind: 'created', actor_id: ticket.created_by, data: { channel, serviceMode: mode, faultLevel } },
      ]
      let t = createdMs
      const step = (kind: TicketEventRow['kind'], data: Record<string, unknown>, minutes: [number, number]) => {
        t = Math.min(t + r.int(minutes[0], minutes[1]) * 60_000, isOpen ? nowMs - 60_000 : Infinity)
        events.push({ id: `${id}:${events.length}`, ticket_id: id, station_id: st.id, at: new Date(t).toISOString(), kind, actor_id: ticket.created_by, data })
      }
      // The desk calls most callers back within minutes (首次响应); a few wait.
      if (status !== 'cancelled' && (status !== 'new' || r.chance(0.6))) {
        step('responded', {}, [2, r.chance(0.9) ? 12 : 45])
        ticket.responded_at = new Date(t).toISOString()
      }
      if (engineer) {
        step('assigned', { engineerId: engineer.id, engineerName: engineer.name }, [3, 40])
        const apptStart = t + r.int(30, 180) * 60_000
        ticket.appointment_start = new Date(apptStart).toISOString()
        ticket.appointment_end = new Date(apptStart + 2 * HOUR).toISOString()
      }
      for (const s of STATUS_PATH[status]) {
        step('status', { to: s }, s === 'closed' ? [600, 4000] : [5, 90])
        const when = new Date(t).toISOString()
        if (s === 'accepted') ticket.accepted_at = when
        if (s === 'en_route') ticket.departed_at = when
        if (s === 'on_site') ticket.arrived_at = when
        if (s === 'resolved') ticket.resolved_at = when
        if (s === 'waiting_parts') pauses.push({ id: `${id}:p1`, ticket_id: id, station_id: st.id, reason: 'parts', note: '', from_at: when, to_at: null, paused_by: ticket.created_by, resumed_by: null })
      }
      // Some callers are not reachable at first: the clock waits for them (待客户).
      if (status === 'new' && r.chance(0.08)) {
        step('paused', { reason: 'customer' }, [5, 30])
        pauses.push({ id: `${id}:p1`, ticket_id: id, station_id: st.id, reason: 'customer', note: '联系不上报修人', from_at: new Date(t).toISOString(), to_at: null, paused_by: ticket.created_by, resumed_by: null })
      }
      if (isOpen) ticket.next_due = nextDue(RULES_PRESET, ticketFacts(ticket, pauses))
      ticket.updated_at = new Date(t).toISOString()
      if (!isOpen) ticket.closed_at = ticket.updated_at
      tx.putSync('tickets', ticket)
      for (const e of events) tx.putSync('ticket_events', e)
      for (const p of pauses) tx.putSync('ticket_pauses', p)
      counts.tickets++
      if (isOpen) counts.openTickets++
    }
  }
  return counts
}

