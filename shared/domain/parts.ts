// 备品备件 (seed 002 §十): where each unit of a part is, how each movement of the ledger (台帐) moves it,
// and the monthly reconciliation (月度对帐). Pure rules: the mutators keep the balances with them and the
// reconciliation screen computes with them, on the desk and on the server alike.
import { ruleError } from '../api/errors'
import { COMPONENTS, type Component } from './warranty'

/**
 * A part's kind is the warranty engine's component (warranty.ts), so a part's period and its
 * out-of-warranty price come together on close-out; whole machines, software and manuals are not parts.
 */
const NOT_PARTS = ['manuals', 'laptop', 'software', 'server', 'printer', 'network_device'] as const
type NotAPart = (typeof NOT_PARTS)[number]
export const PART_CATEGORIES = COMPONENTS.filter((c): c is Exclude<Component, NotAPart> => !(NOT_PARTS as readonly string[]).includes(c))
export type PartCategory = (typeof PART_CATEGORIES)[number]

/**
 * Where a unit is: on the station's shelf (checked good parts), with an engineer (good, issued to him),
 * bad at the station waiting to go back, in a return box on its way to the warehouse, or at a customer
 * as a loaner (替代机: monitors are repaired, not swapped).
 */
export const STOCK_PLACES = ['shelf', 'engineer', 'bad', 'transit', 'loaned'] as const
export type StockPlace = (typeof STOCK_PLACES)[number]
/** Places a unit is held at by someone: the engineer who has it, the ticket whose customer has the loaner. */
const HELD: readonly StockPlace[] = ['engineer', 'loaned']

export const MOVEMENT_KINDS = [
  // 入库: from the branch warehouse, against a request
  'receive',
  // 申领: shelf → engineer (two signatures)
  'issue',
  // 退库 (good): engineer → shelf (two signatures)
  'return_good',
  // 更换: the engineer's good part goes into the customer's machine, the bad one taken out comes back (one for one)
  'swap',
  // 坏件返库: the week's bad parts go into a box to the warehouse
  'ship_bad',
  // 仓库签收: the warehouse received the box
  'warehouse_receipt',
  // 替代机 out to a customer and back
  'loan_out',
  'loan_back',
  // 调整: counted stock differs; manager only, with a reason
  'adjust',
] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

/** One change of one balance: a part, at a place (and holder), by a signed quantity. */
export interface Leg {
  partId: string
  place: StockPlace
  /** The engineer (place engineer) or the ticket (place loaned); null elsewhere. */
  holderId: string | null
  delta: number
}

export type BalanceKey = string
export const balanceKey = (partId: string, place: StockPlace, holderId: string | null): BalanceKey => `${partId}|${place}|${holderId ?? ''}`

export function parseBalanceKey(key: BalanceKey): { partId: string; place: StockPlace; holderId: string | null } {
  const [partId, place, holder] = key.split('|') as [string, StockPlace, string]
  return { partId, place, holderId: holder === '' ? null : holder }
}

/** What a movement needs beyond its kind; which fields apply depends on the kind. */
export interface MovementInput {
  kind: MovementKind
  partId: string
  qty: number
  /** issue / return_good / swap: the engineer. */
  engineerId?: string | null
  /** swap: the part taken out of the customer's machine (a different number only for an approved higher-grade substitute). */
  badPartId?: string | null
  /** loan_out / loan_back: the ticket whose customer has the loaner. */
  ticketId?: string | null
  /** adjust: where, and by how much (±). */
  place?: StockPlace
  holderId?: string | null
}

/** The legs of a movement: what it takes from where and puts where. Refuses a movement that makes no sense. */
export function legsOf(m: MovementInput): Leg[] {
  if (!Number.isInteger(m.qty) || m.qty === 0) throw ruleError('errors.parts.qty')
  const n = m.qty
  if (m.kind !== 'adjust' && n < 0) throw ruleError('errors.parts.qty')
  const engineer = () => {
    if (!m.engineerId) throw ruleError('errors.parts.engineerRequired')
    return m.engineerId
  }
  const ticket = () => {
    if (!m.ticketId) throw ruleError('errors.parts.ticketRequired')
    return m.ticketId
  }
  const leg = (place: StockPlace, holderId: string | null, delta: number, partId = m.partId): Leg => ({ partId, place, holderId, delta })
  switch (m.kind) {
    case 'receive':
      return [leg('shelf', null, n)]
    case 'issue':
      return [leg('shelf', null, -n), leg('engineer', engineer(), n)]
    case 'return_good':
      return [leg('engineer', engineer(), -n), leg('shelf', null, n)]
    case 'swap':
      // one for one: every good part put in brings a bad one back
      return [leg('engineer', engineer(), -n), leg('bad', null, n, m.badPartId ?? m.partId)]
    case 'ship_bad':
      return [leg('bad', null, -n), leg('transit', null, n)]
    case 'warehouse_receipt':
      return [leg('transit', null, -n)]
    case 'loan_out':
      return [leg('shelf', null, -n), leg('loaned', ticket(), n)]
    case 'loan_back':
      return [leg('loaned', ticket(), -n), leg('shelf', null, n)]
    case 'adjust': {
      const place = m.place ?? 'shelf'
      const holder = HELD.includes(place) ? (m.holderId ?? null) : null
      if (HELD.includes(place) && !holder) throw ruleError(place === 'engineer' ? 'errors.parts.engineerRequired' : 'errors.parts.ticketRequired')
      return [leg(place, holder, n)]
    }
  }
}

/** The balances after the legs, or a refusal naming the first balance that would go below zero. */
export function applyLegs(balances: ReadonlyMap<BalanceKey, number>, legs: readonly Leg[], partName: (partId: string) => string): Map<BalanceKey, number> {
  const next = new Map(balances)
  for (const l of legs) {
    const key = balanceKey(l.partId, l.place, l.holderId)
    const have = next.get(key) ?? 0
    const after = have + l.delta
    if (after < 0) throw ruleError('errors.parts.negative', { part: partName(l.partId), place: l.place, have, want: -l.delta })
    next.set(key, after)
  }
  return next
}

/** A calendar month, "2026-04". */
export type Month = string
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** The month an instant falls in at the station (its local date's first seven characters). */
export function monthOf(localDate: string): Month {
  return localDate.slice(0, 7)
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The month's last day, "2026-04-30": the books can be closed from then on (the seed: on the 1st of the next). */
export function lastDayOf(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/** A movement as the reconciliation reads it: its month, and its legs. */
export interface LedgerEntry {
  month: Month
  legs: readonly Leg[]
}

/** A counted quantity at one balance, and why it differs from the books when it does. */
export interface Count {
  partId: string
  place: StockPlace
  holderId: string | null
  counted: number
  reason?: string
}

export interface ReconciliationLine {
  partId: string
  place: StockPlace
  holderId: string | null
  opening: number
  received: number
  sent: number
  /** opening + received − sent: what the books say should be there at the month's end. */
  expected: number
  /** null: not counted yet. */
  counted: number | null
  /** counted − expected (0 while not counted). */
  difference: number
  reason: string
}

/**
 * 月度对帐: per part, place and holder, the balance at the month's start, what came in and went out in the
 * month, the expected closing balance, and the count against it. Entries after the month do not count;
 * a balance counted but never on the books is a line of its own (expected 0).
 */
export function reconcile(entries: readonly LedgerEntry[], month: Month, counts: readonly Count[]): ReconciliationLine[] {
  const lines = new Map<BalanceKey, ReconciliationLine>()
  const line = (partId: string, place: StockPlace, holderId: string | null) => {
    const key = balanceKey(partId, place, holderId)
    let l = lines.get(key)
    if (!l) lines.set(key, (l = { partId, place, holderId, opening: 0, received: 0, sent: 0, expected: 0, counted: null, difference: 0, reason: '' }))
    return l
  }
  for (const e of entries) {
    if (e.month > month) continue
    for (const leg of e.legs) {
      const l = line(leg.partId, leg.place, leg.holderId)
      if (e.month < month) l.opening += leg.delta
      else if (leg.delta > 0) l.received += leg.delta
      else l.sent -= leg.delta
    }
  }
  for (const c of counts) {
    const l = line(c.partId, c.place, c.holderId)
    l.counted = c.counted
    l.reason = c.reason?.trim() ?? ''
  }
  const out = [...lines.values()]
  for (const l of out) {
    l.expected = l.opening + l.received - l.sent
    l.difference = l.counted === null ? 0 : l.counted - l.expected
  }
  // a balance that was empty all month and is counted empty says nothing
  return out.filter((l) => l.opening !== 0 || l.received !== 0 || l.sent !== 0 || (l.counted ?? 0) !== 0)
}

/** Whether the month can be signed: every line counted, every difference explained. Refuses with the first gap. */
export function checkSignable(lines: readonly ReconciliationLine[], partName: (partId: string) => string): void {
  for (const l of lines) {
    if (l.counted === null) throw ruleError('errors.parts.notCounted', { part: partName(l.partId), place: l.place })
    if (l.difference !== 0 && l.reason === '') throw ruleError('errors.parts.differenceReason', { part: partName(l.partId), difference: l.difference })
  }
}

/** Bad parts go back weekly (一周返回一次); a return slip open longer is flagged: "预先领用，及时归还". */
export const BAD_PART_KEEP_DAYS = 7

export function isKeptTooLong(createdAt: string, now: string, days = BAD_PART_KEEP_DAYS): boolean {
  return Date.parse(now) - Date.parse(createdAt) > days * 24 * 3600 * 1000
}
