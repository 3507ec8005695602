// What the board shows, derived from the snapshot: the queue, the ranking for the selected ticket,
// where a point sits on the map's tiles.
import { rankEngineers, SKILL_FOR_CATEGORY, type Suggestion } from '../../../shared/domain/dispatch'
import { wgs84ToGcj02, type LatLng } from '../../../shared/domain/geo'
import type { BoardJob } from '../../../shared/api/boardSchemas'
import type { BoardEngineer, BoardSettings, BoardSnapshot, BoardTicket, QueueFilters, SnapshotEngineer } from '../store/board'

/** Code-unit order: right for ISO instants and ticket numbers, and far cheaper than localeCompare on 10,000 rows. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Unassigned tickets, most urgent clock first (tickets without a running clock last, oldest first). */
export function queueOf(snapshot: BoardSnapshot, f: QueueFilters): BoardTicket[] {
  return snapshot.tickets
    .filter(
      (t) =>
        t.assigneeId === null &&
        (!f.zone || t.zone === f.zone) &&
        (!f.level || t.faultLevel === f.level) &&
        (!f.category || t.category === f.category) &&
        (!f.skill || SKILL_FOR_CATEGORY[t.category] === f.skill),
    )
    .sort((a, b) => cmp(a.nextDue ?? '\uffff', b.nextDue ?? '\uffff') || cmp(a.createdAt, b.createdAt) || cmp(a.number, b.number))
}

export function suggestionsFor(ticket: BoardTicket, engineers: readonly BoardEngineer[], now: string, settings: BoardSettings | null): Suggestion[] {
  return rankEngineers(
    { id: ticket.id, lat: ticket.lat, lng: ticket.lng, category: ticket.category, zone: ticket.zone, faultLevel: ticket.faultLevel, arrivalDue: ticket.arrivalDue },
    engineers,
    { now, roadFactor: settings?.roadFactor, speedKmh: settings?.speedKmh },
  )
}

/** Positions are stored in WGS-84; GCJ-02 tiles (AMap, Tencent) need them shifted to sit right. */
export function displayPoint(p: LatLng, settings: BoardSettings | null): LatLng {
  return settings?.tileUrl && settings.tileCrs === 'gcj02' ? wgs84ToGcj02(p) : p
}

const byAppointment = (x: BoardJob, y: BoardJob) => cmp(x.appointmentStart ?? '\uffff', y.appointmentStart ?? '\uffff') || cmp(x.number, y.number)

/**
 * Each engineer's open jobs (as assignee or helper) and load, from the tickets: so a dispatch shown
 * before the desk has saved it moves the job between strips with nothing else to keep in step.
 */
export function withJobs(engineers: readonly SnapshotEngineer[], tickets: readonly BoardTicket[]): BoardEngineer[] {
  const jobs = new Map<string, BoardJob[]>()
  const add = (engineerId: string, t: BoardTicket, helper: boolean) => {
    const job = { ticketId: t.id, number: t.number, status: t.status, appointmentStart: t.appointmentStart, appointmentEnd: t.appointmentEnd, helper }
    const list = jobs.get(engineerId)
    if (list) list.push(job)
    else jobs.set(engineerId, [job])
  }
  for (const t of tickets) {
    if (t.assigneeId) add(t.assigneeId, t, false)
    for (const h of t.helperIds) add(h, t, true)
  }
  return engineers.map((e) => {
    const own = (jobs.get(e.id) ?? []).sort(byAppointment)
    return { ...e, jobs: own, load: own.filter((j) => !j.helper).length }
  })
}

/** Open tickets of the station by id, engineers by id. */
export function indexById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]))
}

/** The SLA state a ticket is drawn in. */
export function slaState(t: BoardTicket): 'running' | 'warning' | 'breached' | 'paused' | 'none' {
  return t.clock?.state ?? 'none'
}
