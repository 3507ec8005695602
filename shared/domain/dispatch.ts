// Which engineer should take this ticket? The desk ranks the station's engineers on duty and says
// why in words, so the dispatcher can follow the suggestion or overrule it knowing what it weighed.
import type { Category, EngineerStatus, FaultLevel, Skill, Zone } from './enums'
import { distanceKm, type LatLng } from './geo'

/** The skill a ticket's category needs; null: any engineer can take it ('other'). */
export const SKILL_FOR_CATEGORY: Record<Category, Skill | null> = {
  desktop: 'desktop',
  laptop: 'laptop',
  server: 'server',
  monitor: 'monitor',
  printer: 'printer',
  network: 'network',
  software: 'software',
  other: null,
}

export interface DispatchTicket {
  id: string
  lat: number | null
  lng: number | null
  category: Category
  zone: Zone
  faultLevel: FaultLevel
  /** ISO instant: the SLA arrival deadline; null when no arrival clock runs. */
  arrivalDue: string | null
}

export interface DispatchEngineer {
  id: string
  name: string
  skills: readonly Skill[]
  lat: number | null
  lng: number | null
  status: EngineerStatus
  /** Open jobs held today. */
  load: number
  /** ISO instant his working day ends; null: off duty now. */
  shiftEnd: string | null
}

export interface DispatchOptions {
  /** ISO instant. */
  now: string
  /** Road distance / straight-line distance; default 1.4. */
  roadFactor?: number
  /** Average driving speed in the ticket's zone; defaults city 25, suburb 40, county 60 km/h. */
  speedKmh?: Partial<Record<Zone, number>>
  /** Jobs a day at which the load points reach 0; default 6. */
  maxLoad?: number
}

/** One line of "why": an i18n key under dispatch.reason with its params, and which way it pulled the score. */
export interface Reason {
  key: string
  params?: Record<string, string | number>
  effect: 'plus' | 'minus' | 'neutral'
}

export interface Suggestion {
  engineerId: string
  /** 1 = best. */
  rank: number
  /** 0..100, integer. */
  score: number
  skill: 'match' | 'none'
  /** Straight line, km. */
  distanceKm: number | null
  roadKm: number | null
  etaMinutes: number | null
  /** ISO instant (UTC). */
  arrivesAt: string | null
  /** null when the ticket has no arrival deadline or a position is unknown. */
  meetsDeadline: boolean | null
  reasons: Reason[]
}

export const DEFAULT_ROAD_FACTOR = 1.4
export const DEFAULT_SPEED_KMH: Readonly<Record<Zone, number>> = { city: 25, suburb: 40, county: 60 }
export const DEFAULT_MAX_LOAD = 6
/** An engineer on site must finish the job in hand before he sets off. */
export const ON_SITE_FINISH_MINUTES = 15
/** The parts of the score; they add up to 100. */
export const SCORE_POINTS = { skill: 35, deadline: 30, deadlineUnknown: 15, proximity: 25, load: 10 } as const
/** Proximity points fall linearly from full at 0 minutes to none at this ETA. */
export const PROXIMITY_HORIZON_MINUTES = 240

const MINUTE = 60_000
/** Whole minutes, rounded up; the epsilon keeps 30.000000000004 (float noise) at 30 (and max keeps 0 from becoming -0). */
const ceilMinutes = (m: number) => Math.max(0, Math.ceil(m - 1e-9))
const oneDecimal = (km: number) => Math.round(km * 10) / 10
/** Built once at load (an ICU collator costs ~10 ms to make), so the first ranking a dispatcher waits for does not pay for it. */
const collator = new Intl.Collator('zh-CN')
const compareNames = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b))

function instant(iso: string, what: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`dispatch: ${what} is not an ISO instant: ${iso}`)
  return ms
}

/** Driving estimate: straight line × road factor, at the zone's speed, in whole minutes rounded up. */
export function travelEstimate(
  from: LatLng,
  to: LatLng,
  zone: Zone,
  opts: Pick<DispatchOptions, 'roadFactor' | 'speedKmh'> = {},
): { distanceKm: number; roadKm: number; etaMinutes: number } {
  const straight = distanceKm(from, to)
  const roadKm = straight * (opts.roadFactor ?? DEFAULT_ROAD_FACTOR)
  const speed = opts.speedKmh?.[zone] ?? DEFAULT_SPEED_KMH[zone]
  return { distanceKm: straight, roadKm, etaMinutes: ceilMinutes((roadKm / speed) * 60) }
}

interface Row {
  s: Suggestion
  name: string
  id: string
  eta: number
}

/**
 * Ranks the engineers on duty for a ticket, best first.
 *
 * - Who: engineers with status 'off' (休息), no shiftEnd, or a shiftEnd already past are left out
 *   entirely (the board lists them in its roster, not among the suggestions).
 * - ETA: straight line × roadFactor at the ticket zone's speed, +15 minutes when the engineer is
 *   on_site (he finishes first), in whole minutes rounded up. No position (engineer's or ticket's): no ETA.
 * - Score (integer 0..100, the rounded sum):
 *   skill 35 (0 when the category needs a skill he lacks; 'other' matches everyone) ·
 *   deadline 30 if he arrives by arrivalDue, 0 if not, 15 when unknown (no deadline or no position),
 *   and 0 whenever he would arrive after his shiftEnd ·
 *   proximity 25 at 0 minutes falling linearly to 0 at 240 minutes (0 without an ETA) ·
 *   load 10 at no jobs falling linearly to 0 at maxLoad jobs.
 * - Order: score desc, ETA asc (no ETA last), name (zh-CN collation), id: deterministic.
 * - reasons: one line per part of the score, keys under dispatch.reason. Params are numbers,
 *   skill codes (`skill`, the renderer names them) and ISO instants (`time`, the renderer formats them).
 */
export function rankEngineers(ticket: DispatchTicket, engineers: readonly DispatchEngineer[], opts: DispatchOptions): Suggestion[] {
  const now = instant(opts.now, 'now')
  const due = ticket.arrivalDue === null ? null : instant(ticket.arrivalDue, 'arrivalDue')
  const roadFactor = opts.roadFactor ?? DEFAULT_ROAD_FACTOR
  const speed = opts.speedKmh?.[ticket.zone] ?? DEFAULT_SPEED_KMH[ticket.zone]
  const maxLoad = opts.maxLoad ?? DEFAULT_MAX_LOAD
  const needed = SKILL_FOR_CATEGORY[ticket.category]
  const target: LatLng | null = ticket.lat === null || ticket.lng === null ? null : { lat: ticket.lat, lng: ticket.lng }

  const rows: Row[] = []
  for (const e of engineers) {
    if (e.status === 'off' || e.shiftEnd === null) continue
    const shiftEnd = instant(e.shiftEnd, `shiftEnd of ${e.id}`)
    if (shiftEnd <= now) continue

    const reasons: Reason[] = []
    let points = 0

    // Skill.
    const hasSkill = needed === null || e.skills.includes(needed)
    if (needed === null) reasons.push({ key: 'dispatch.reason.skillAny', effect: 'neutral' })
    else if (hasSkill) reasons.push({ key: 'dispatch.reason.skillMatch', params: { skill: needed }, effect: 'plus' })
    else reasons.push({ key: 'dispatch.reason.skillMissing', params: { skill: needed }, effect: 'minus' })
    if (hasSkill) points += SCORE_POINTS.skill

    // Travel.
    let straight: number | null = null
    let roadKm: number | null = null
    let eta: number | null = null
    if (target === null) {
      reasons.push({ key: 'dispatch.reason.ticketNoPosition', effect: 'neutral' })
    } else if (e.lat === null || e.lng === null) {
      reasons.push({ key: 'dispatch.reason.noPosition', effect: 'minus' })
    } else {
      straight = distanceKm({ lat: e.lat, lng: e.lng }, target)
      roadKm = straight * roadFactor
      eta = ceilMinutes((roadKm / speed) * 60 + (e.status === 'on_site' ? ON_SITE_FINISH_MINUTES : 0))
      points += SCORE_POINTS.proximity * Math.max(0, 1 - eta / PROXIMITY_HORIZON_MINUTES)
      reasons.push({ key: 'dispatch.reason.eta', params: { km: oneDecimal(roadKm), minutes: eta }, effect: eta <= 60 ? 'plus' : eta >= 180 ? 'minus' : 'neutral' })
    }
    if (e.status === 'on_site') reasons.push({ key: 'dispatch.reason.onSite', effect: 'minus' })

    // Deadline and shift.
    const arrives = eta === null ? null : now + eta * MINUTE
    const arrivesAt = arrives === null ? null : new Date(arrives).toISOString()
    const meetsDeadline = arrives === null || due === null ? null : arrives <= due
    const afterShift = arrives !== null && arrives > shiftEnd
    if (meetsDeadline === true) reasons.push({ key: 'dispatch.reason.meetsDeadline', params: { time: arrivesAt! }, effect: afterShift ? 'neutral' : 'plus' })
    else if (meetsDeadline === false) reasons.push({ key: 'dispatch.reason.missesDeadline', params: { minutes: ceilMinutes((arrives! - due!) / MINUTE) }, effect: 'minus' })
    else if (due === null) reasons.push({ key: 'dispatch.reason.noDeadline', effect: 'neutral' })
    if (afterShift) reasons.push({ key: 'dispatch.reason.afterShift', params: { time: e.shiftEnd }, effect: 'minus' })
    else if (meetsDeadline === true) points += SCORE_POINTS.deadline
    else if (meetsDeadline === null) points += SCORE_POINTS.deadlineUnknown

    // Load.
    const load = Math.max(0, e.load)
    points += maxLoad > 0 ? SCORE_POINTS.load * Math.max(0, 1 - load / maxLoad) : 0
    if (load === 0) reasons.push({ key: 'dispatch.reason.noLoad', effect: 'plus' })
    else if (load >= maxLoad) reasons.push({ key: 'dispatch.reason.fullLoad', params: { count: load, max: maxLoad }, effect: 'minus' })
    else reasons.push({ key: 'dispatch.reason.load', params: { count: load }, effect: 'neutral' })

    rows.push({
      s: {
        engineerId: e.id,
        rank: 0,
        score: Math.min(100, Math.max(0, Math.round(points))),
        skill: hasSkill ? 'match' : 'none',
        distanceKm: straight,
        roadKm,
        etaMinutes: eta,
        arrivesAt,
        meetsDeadline,
        reasons,
      },
      name: e.name,
      id: e.id,
      eta: eta ?? Number.MAX_SAFE_INTEGER,
    })
  }

  rows.sort((a, b) => b.s.score - a.s.score || a.eta - b.eta || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: Suggestion[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i]!.s
    s.rank = i + 1
    out[i] = s
  }
  return out
}
