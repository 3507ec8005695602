// What the carry-in counter works out from the desk's list: which call to the customer comes first,
// the next free tag to stick on a machine, what a search or filter keeps. Pure: no React, no desk.
import { differenceInCalendarDays, parseISO } from 'date-fns'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import { lateRepairNotice, plusDays, type CarryInStatus } from '../../../shared/domain/carryIn'
import { localDate } from '../../../shared/domain/time'


/** How many days a call owed since `dueOn` is late on `today` (at least 1 when the desk says it is overdue). */
export function daysLate(dueOn: string, today: string, overdue: boolean): number {
  const days = differenceInCalendarDays(parseISO(today), parseISO(dueOn))
  return overdue ? Math.max(1, days) : Math.max(0, days)
}

/** 1 overdue call, 2 call owed today, 3 ready to collect, 4 at the bench, 5 collected. */
function rank(c: CarryInView): number {
  if (c.lateNotice?.overdue) return 1
  if (c.lateNotice) return 2
  if (c.status === 'ready') return 3
  if (c.status === 'picked_up') return 5
  return 4
}

/** Overdue calls first (the longest owed on top), then today's, then by the promised date. */
export function counterOrder(a: CarryInView, b: CarryInView): number {
  return (
    rank(a) - rank(b) ||
    (a.lateNotice?.dueOn ?? '').localeCompare(b.lateNotice?.dueOn ?? '') ||
    (a.status === 'picked_up' ? (b.pickedUpAt ?? '').localeCompare(a.pickedUpAt ?? '') : a.promisedOn.localeCompare(b.promisedOn)) ||
    a.receivedAt.localeCompare(b.receivedAt)
  )
}

export type StatusFilter = 'atCounter' | 'all' | CarryInStatus

export interface CounterFilter {
  status: StatusFilter
  owedOnly: boolean
  search: string
}

const norm = (s: string) => s.trim().toUpperCase()

/** Receipt number, tag, ticket number, customer (unit, contact, phone). */
export function matchesSearch(c: CarryInView, search: string): boolean {
  const q = norm(search)
  if (q === '') return true
  return [c.number, c.tagNumber, c.ticketNumber, c.customer.unitName, c.customer.contactName, c.customer.phone, c.device.serial].some((v) => norm(v).includes(q))
}

export function counterRows(all: readonly CarryInView[], f: CounterFilter): CarryInView[] {
  return all
    .filter((c) => (f.status === 'all' ? true : f.status === 'atCounter' ? c.status !== 'picked_up' : c.status === f.status))
    .filter((c) => !f.owedOnly || c.lateNotice !== null)
    .filter((c) => matchesSearch(c, f.search))
    .sort(counterOrder)
}

/** The calls owed to customers today, and how many of them are overdue (the nav's badge). */
export function owedCalls(all: readonly CarryInView[]): { owed: number; overdue: number } {
  const owed = all.filter((c) => c.lateNotice !== null)
  return { owed: owed.length, overdue: owed.filter((c) => c.lateNotice!.overdue).length }
}

/**
 * The next tag to stick on a machine: the station's code and the smallest number no machine still at the
 * counter carries (WH-0001, WH-0002, …); a tag comes free again once its machine is collected.
 */
export function nextTag(stationCode: string, all: readonly Pick<CarryInView, 'tagNumber' | 'status'>[]): string {
  const prefix = `${stationCode}-`
  const used = new Set(
    all
      .filter((c) => c.status !== 'picked_up' && c.tagNumber.toUpperCase().startsWith(prefix.toUpperCase()))
      .map((c) => Number(c.tagNumber.slice(prefix.length)))
      .filter((n) => Number.isInteger(n) && n > 0),
  )
  let n = 1
  while (used.has(n)) n++
  return `${prefix}${String(n).padStart(4, '0')}`
}

/** The last call made to the customer, if any. */
export const lastNotice = (c: CarryInView): CarryInView['notices'][number] | null => c.notices.reduce<CarryInView['notices'][number] | null>((m, n) => (m === null || n.at > m.at ? n : m), null)

/** The day to name in a late-repair call: two days after the promise or after today, whichever is later. */
export function expectedReadyDay(c: Pick<CarryInView, 'promisedOn'>, today: string): string {
  return plusDays(c.promisedOn > today ? c.promisedOn : today, 2)
}

/** The day the next call falls due while none is owed yet (before the promise, or 2 days after the last); null once repaired. */
export function nextNoticeDay(c: Pick<CarryInView, 'status' | 'promisedOn' | 'notices'>, timezone?: string): string | null {
  // asked as of the end of time, the rule tells the day it would fall due
  const due = lateRepairNotice({ status: c.status, promisedOn: c.promisedOn, noticeDays: c.notices.map((n) => localDate(new Date(n.at), timezone)) }, '9999-12-31')
  return due?.dueOn ?? null
}
