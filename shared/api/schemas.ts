// Record shapes that cross the desk boundary. Inputs carry message keys as error texts
// so a bad field comes back as a localized, field-level message.
import { z } from 'zod'
import {
  CATEGORIES,
  CHANNELS,
  TICKET_CHANNELS,
  FAULT_LEVELS,
  ROLES,
  SERVICE_LEVELS,
  SERVICE_MODES,
  TICKET_EVENT_KINDS,
  TICKET_STATUSES,
  ZONES,
} from '../domain/enums'
import { isValidPhone, normalizePhone } from '../domain/phone'
import { CLOCKS, CLOCK_STATES, PAUSE_REASONS } from '../domain/sla'
import { COMPONENTS, FAULT_CAUSES } from '../domain/warranty'

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'errors.field.choice' })
export const Id = z.string({ error: 'errors.field.required' }).min(1, { error: 'errors.field.required' }).max(64)
const text = (max: number, requiredKey = 'errors.field.required') =>
  z
    .string({ error: requiredKey })
    .trim()
    .min(1, { error: requiredKey })
    .max(max, { error: 'errors.field.tooLong' })
const optionalText = (max: number) => z.string().trim().max(max, { error: 'errors.field.tooLong' }).default('')
export const Phone = z
  .string({ error: 'errors.field.phoneInvalid' })
  .refine(isValidPhone, { error: 'errors.field.phoneInvalid' })
  .transform(normalizePhone)
/** An instant as an ISO-8601 UTC string; instants are stored in UTC. */
export const Instant = z.iso.datetime({ offset: false, error: 'errors.field.invalid' })
/** A calendar day, yyyy-MM-dd (in the station's time zone). */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.field.invalid' })

export const Channel = choice(CHANNELS)
export const ServiceMode = choice(SERVICE_MODES)
export const FaultLevel = choice(FAULT_LEVELS)
export const TicketStatus = choice(TICKET_STATUSES)
export const Category = choice(CATEGORIES)
export const Zone = choice(ZONES)
export const ServiceLevel = choice(SERVICE_LEVELS)
export const Role = choice(ROLES)
/** GB/T 2260 county-level division code. */
export const RegionCode = z.string({ error: 'errors.field.regionInvalid' }).regex(/^\d{6}$/, { error: 'errors.field.regionInvalid' })

// ---- inputs --------------------------------------------------------------

export const CustomerDraft = z.object({
  stationId: Id,
  unitName: text(100, 'errors.field.unitNameRequired'),
  contactName: text(40, 'errors.field.contactNameRequired'),
  phone: Phone,
  address: text(200, 'errors.field.addressRequired'),
  regionCode: RegionCode,
  zone: Zone,
})
export type CustomerDraft = z.infer<typeof CustomerDraft>

export const TicketDraft = z.object({
  customerId: z.string({ error: 'errors.field.customerRequired' }).min(1, { error: 'errors.field.customerRequired' }).max(64),
  assetId: Id.nullable().default(null),
  reporterName: optionalText(40),
  reporterPhone: Phone,
  faultDescription: text(2000, 'errors.field.faultDescriptionRequired'),
  category: Category,
  faultLevel: FaultLevel,
  channel: Channel,
  serviceMode: ServiceMode,
  /** What the caller says caused the fault: it decides warranty (seed 002 §九). */
  cause: choice(FAULT_CAUSES).default('normal'),
})
export type TicketDraft = z.input<typeof TicketDraft>

export const TICKET_SORTS = ['urgency', 'newest', 'oldest', 'level'] as const
export const TicketListQuery = z.object({
  statuses: z.array(TicketStatus).max(TICKET_STATUSES.length).optional(),
  openOnly: z.boolean().default(false),
  stationId: Id.optional(),
  faultLevel: FaultLevel.optional(),
  search: z.string().trim().max(50, { error: 'errors.field.tooLong' }).optional(),
  sort: choice(TICKET_SORTS).default('urgency'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type TicketListQuery = z.input<typeof TicketListQuery>

// ---- outputs -------------------------------------------------------------

export const Station = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['hq', 'station']),
  regionCode: z.string(),
  timezone: z.string(),
  lat: z.number(),
  lng: z.number(),
})
export type Station = z.infer<typeof Station>

export const DeskInfo = z.object({
  clientId: z.string(),
  deskCode: z.string(),
  station: Station,
  user: z.object({ id: z.string(), name: z.string(), role: Role }),
  dataDir: z.string(),
  schemaVersion: z.number(),
  pendingMutations: z.number(),
  syncServer: z.string().nullable(),
  /** The desk's clock when asked (DESK_NOW in browser mode): the default month to reconcile, and the like. */
  now: z.string(),
})
export type DeskInfo = z.infer<typeof DeskInfo>

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  prefectureCode: z.string(),
  prefectureName: z.string(),
  /** [lng, lat] of the county's centre */
  center: z.tuple([z.number(), z.number()]),
})
export type Region = z.infer<typeof Region>

export const CustomerMatch = z.object({
  id: z.string(),
  unitName: z.string(),
  contactName: z.string(),
  phones: z.array(z.string()),
  address: z.string(),
  stationName: z.string(),
  keyAccount: z.boolean(),
})
export type CustomerMatch = z.infer<typeof CustomerMatch>

export const Contract = z.object({
  id: z.string(),
  number: z.string(),
  serviceLevel: ServiceLevel,
  startsOn: z.string(),
  endsOn: z.string(),
})
export type Contract = z.infer<typeof Contract>

export const Asset = z.object({
  id: z.string(),
  serial: z.string(),
  brand: z.string(),
  model: z.string(),
  category: Category,
  invoiceDate: z.string().nullable(),
  factoryMonth: z.string().nullable(),
})
export type Asset = z.infer<typeof Asset>

export const ClockView = z.object({
  clock: z.enum(CLOCKS),
  state: z.enum(CLOCK_STATES),
  stopped: z.boolean(),
  warnAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  leftMinutes: z.number(),
  warnMinutes: z.number(),
  limitMinutes: z.number(),
  source: z.string(),
})
export type ClockView = z.infer<typeof ClockView>

export const WarrantyVerdict = z.object({
  component: z.enum(COMPONENTS),
  covered: z.boolean(),
  reason: z.string(),
  basis: z.enum(['invoice', 'factory_month']).nullable(),
  startDate: z.string().nullable(),
  lastDay: z.string().nullable(),
  months: z.number().nullable(),
  onsite: z.boolean(),
  sanbao: z.object({ window: z.string(), day: z.number().nullable(), choices: z.array(z.string()) }),
})
export type WarrantyVerdictOut = z.infer<typeof WarrantyVerdict>

export const TicketSummary = z.object({
  id: z.string(),
  number: z.string(),
  createdAt: z.string(),
  customerName: z.string(),
  reporterPhone: z.string(),
  faultDescription: z.string(),
  category: Category,
  faultLevel: FaultLevel,
  serviceMode: ServiceMode,
  status: TicketStatus,
  /** The assignee a dispatcher sees, sent back with 派工 as the precondition. */
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  stationName: z.string(),
  /** The most urgent clock (lists of open tickets); null for finished tickets. */
  urgency: ClockView.nullable(),
})
export type TicketSummary = z.infer<typeof TicketSummary>

export const CustomerCard = z.object({
  id: z.string(),
  unitName: z.string(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string() })),
  address: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  zone: Zone,
  keyAccount: z.boolean(),
  station: z.object({ id: z.string(), name: z.string() }),
  /** The contract in force today, if any. */
  contract: Contract.nullable(),
  assets: z.array(Asset),
  recentTickets: z.array(TicketSummary),
})
export type CustomerCard = z.infer<typeof CustomerCard>

export const TicketEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(TICKET_EVENT_KINDS),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})
export type TicketEvent = z.infer<typeof TicketEvent>

export const TicketDetail = TicketSummary.extend({
  reporterName: z.string(),
  customer: z.object({ id: z.string(), unitName: z.string(), address: z.string(), zone: Zone, keyAccount: z.boolean() }),
  asset: Asset.nullable(),
  contract: Contract.nullable(),
  appointmentStart: z.string().nullable(),
  appointmentEnd: z.string().nullable(),
  createdByName: z.string().nullable(),
  channel: z.enum(TICKET_CHANNELS),
  events: z.array(TicketEvent),
  serviceLevel: z.enum([...SERVICE_LEVELS, 'none']),
  zone: Zone,
  rulesVersion: z.number().nullable(),
  clocks: z.array(ClockView),
  pauses: z.array(z.object({ reason: z.enum(PAUSE_REASONS), note: z.string(), fromAt: z.string(), toAt: z.string().nullable() })),
  warranty: WarrantyVerdict.nullable(),
  recheckDue: z.string().nullable(),
  escalation: z.object({
    step: z.number(),
    proposal: z.object({ toStep: z.number(), supervisorRole: z.enum(['manager', 'hq']), limitMinutes: z.number(), usedMinutes: z.number() }).nullable(),
    supervisors: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['manager', 'hq']), stationName: z.string() })),
  }),
})
export type TicketDetail = z.infer<typeof TicketDetail>

export const TicketPreviewInput = z.object({
  customerId: Id,
  assetId: Id.nullable().default(null),
  faultLevel: FaultLevel,
  serviceMode: ServiceMode,
  cause: choice(FAULT_CAUSES).default('normal'),
})

export const TicketPreview = z.object({
  serviceLevel: z.enum([...SERVICE_LEVELS, 'none']),
  calendarName: z.string(),
  zone: Zone,
  rulesVersion: z.number(),
  clocks: z.array(ClockView),
  warranty: z.object({ main: WarrantyVerdict, parts: z.array(WarrantyVerdict) }).nullable(),
  onsiteFee: z.number(),
})
export type TicketPreview = z.infer<typeof TicketPreview>
