// 派工看板 (issue 5): what the board reads in one call (every open ticket and every engineer of a
// station), and its desk-local map settings (设置 → 地图; never synced).
import { z } from 'zod'
import { ENGINEER_STATUSES, SKILLS } from '../domain/enums'
import { Category, FaultLevel, Id, ServiceMode, TicketStatus, Zone } from './schemas'

// ---- board.snapshot ------------------------------------------------------

export const BoardSnapshotInput = z.object({ stationId: Id.optional() }).default({})

/** The clocks by the board's names (response = 响应, arrival = 到场, resolution = 解决). */
export const BOARD_CLOCK_KINDS = ['response', 'arrival', 'resolution'] as const
/** A running clock's state; stopped clocks (met or breached when stopped) are not urgency and never show. */
export const BOARD_CLOCK_STATES = ['running', 'warning', 'paused', 'breached'] as const

export const BoardClock = z.object({
  kind: z.enum(BOARD_CLOCK_KINDS),
  state: z.enum(BOARD_CLOCK_STATES),
  /** The limit deadline; null while paused before reaching it. */
  dueAt: z.string().nullable(),
})
export type BoardClock = z.infer<typeof BoardClock>

export const BoardTicket = z.object({
  id: z.string(),
  number: z.string(),
  status: TicketStatus,
  faultLevel: FaultLevel,
  category: Category,
  zone: Zone,
  serviceMode: ServiceMode,
  /** The customer's position (null: not placed on the map). */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  customerName: z.string(),
  /** The first 40 characters (the board's cards; the ticket has it all). */
  faultDescription: z.string(),
  assigneeId: z.string().nullable(),
  helperIds: z.array(z.string()),
  appointmentStart: z.string().nullable(),
  appointmentEnd: z.string().nullable(),
  /** The most urgent running clock, the one the 工单 list shows; null when none runs. */
  clock: BoardClock.nullable(),
  /** The arrival clock's deadline while it runs (no arrival yet), else null. */
  arrivalDue: z.string().nullable(),
  /** The earliest running limit deadline (tickets.next_due), for sorting by urgency. */
  nextDue: z.string().nullable(),
  createdAt: z.string(),
})
export type BoardTicket = z.infer<typeof BoardTicket>

/** A job on an engineer's day strip: the board puts these together from the snapshot's tickets. */
export const BoardJob = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: TicketStatus,
  appointmentStart: z.string().nullable(),
  appointmentEnd: z.string().nullable(),
  /** He helps on it (协助) rather than holding it. */
  helper: z.boolean(),
})
export type BoardJob = z.infer<typeof BoardJob>

export const BoardEngineer = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  skills: z.array(z.enum(SKILLS)),
  /** off: 休息 (users.status); else on_site / en_route from his open jobs, else idle. */
  status: z.enum(ENGINEER_STATUSES),
  /** Where he is: the customer of his job on site, else his home base. */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** Today's end of work (DEFAULT_SHIFT, station local time); null when off. */
  shiftEnd: z.string().nullable(),
})
export type BoardEngineer = z.infer<typeof BoardEngineer>

const BoardStation = z.object({ id: z.string(), name: z.string(), lat: z.number(), lng: z.number(), timezone: z.string() })

/** The board's snapshot as the board uses it. */
export const BoardSnapshot = z.object({
  /** The desk's clock (DESK_NOW in browser mode). */
  now: z.string(),
  station: BoardStation,
  tickets: z.array(BoardTicket),
  engineers: z.array(BoardEngineer),
})
export type BoardSnapshot = z.infer<typeof BoardSnapshot>

// On the wire each ticket is a row of its fields in this order, the clock flattened: 10,000 tickets are
// 3.2 MB instead of 5.6 MB, and written and read in half the time.
const S = BoardTicket.shape
const CLOCK = BoardClock.shape
export const BoardTicketRow = z.tuple([
  S.id, S.number, S.status, S.faultLevel, S.category, S.zone, S.serviceMode, S.lat, S.lng, S.customerName, S.faultDescription,
  S.assigneeId, S.helperIds, S.appointmentStart, S.appointmentEnd,
  CLOCK.kind.nullable(), CLOCK.state.nullable(), CLOCK.dueAt,
  S.arrivalDue, S.nextDue, S.createdAt,
])
export type BoardTicketRow = z.infer<typeof BoardTicketRow>

/** What board.snapshot sends: decodeBoardSnapshot turns it into a BoardSnapshot. */
export const BoardSnapshotWire = z.object({ now: z.string(), station: BoardStation, tickets: z.array(BoardTicketRow), engineers: z.array(BoardEngineer) })
export type BoardSnapshotWire = z.infer<typeof BoardSnapshotWire>

export function encodeBoardSnapshot(s: BoardSnapshot): BoardSnapshotWire {
  const tickets = s.tickets.map((t): BoardTicketRow => [
    t.id, t.number, t.status, t.faultLevel, t.category, t.zone, t.serviceMode, t.lat, t.lng, t.customerName, t.faultDescription,
    t.assigneeId, t.helperIds, t.appointmentStart, t.appointmentEnd,
    t.clock?.kind ?? null, t.clock?.state ?? null, t.clock?.dueAt ?? null,
    t.arrivalDue, t.nextDue, t.createdAt,
  ])
  return { ...s, tickets }
}

export function decodeBoardSnapshot(w: BoardSnapshotWire): BoardSnapshot {
  const tickets = w.tickets.map(
    ([id, number, status, faultLevel, category, zone, serviceMode, lat, lng, customerName, faultDescription, assigneeId, helperIds, appointmentStart, appointmentEnd, clockKind, clockState, clockDue, arrivalDue, nextDue, createdAt]): BoardTicket => ({
      id, number, status, faultLevel, category, zone, serviceMode, lat, lng, customerName, faultDescription, assigneeId, helperIds, appointmentStart, appointmentEnd,
      clock: clockKind && clockState ? { kind: clockKind, state: clockState, dueAt: clockDue } : null,
      arrivalDue, nextDue, createdAt,
    }),
  )
  return { ...w, tickets }
}

// ---- board.settings / board.saveSettings -----------------------------------

/** Coordinate system of the online tiles: WGS-84, or GCJ-02 (most Chinese tile services). */
export const TILE_CRS = ['wgs84', 'gcj02'] as const

/** An http(s) URL template with {z}, {x} and {y} (Leaflet's; {s} for subdomains is fine too). */
export function isTileTemplate(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/.test(url) && ['{z}', '{x}', '{y}'].every((p) => url.includes(p))
}

const speed = z.number({ error: 'errors.board.speed' }).min(5, { error: 'errors.board.speed' }).max(120, { error: 'errors.board.speed' })

export const BoardSettings = z.object({
  /** The online tile layer over the offline basemap; null (or empty): offline basemap only. */
  tileUrl: z
    .string({ error: 'errors.board.tileUrl' })
    .trim()
    .max(500, { error: 'errors.field.tooLong' })
    .nullable()
    .transform((u) => (u === '' ? null : u))
    .refine((u) => u === null || isTileTemplate(u), { error: 'errors.board.tileUrl' }),
  tileAttribution: z.string({ error: 'errors.field.invalid' }).trim().max(300, { error: 'errors.field.tooLong' }),
  tileCrs: z.enum(TILE_CRS, { error: 'errors.field.choice' }),
  /** Road distance ÷ straight-line distance, for travel time estimates. */
  roadFactor: z.number({ error: 'errors.board.roadFactor' }).min(1, { error: 'errors.board.roadFactor' }).max(3, { error: 'errors.board.roadFactor' }),
  /** Average travel speed by the customer's zone (市区 / 郊区 / 地州市县), km/h. */
  speedKmh: z.object({ city: speed, suburb: speed, county: speed }),
})
export type BoardSettings = z.output<typeof BoardSettings>

export const DEFAULT_BOARD_SETTINGS: BoardSettings = {
  tileUrl: null,
  tileAttribution: '',
  tileCrs: 'wgs84',
  roadFactor: 1.4,
  speedKmh: { city: 25, suburb: 40, county: 60 },
}
