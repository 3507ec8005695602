// 投诉与回访 (issue 8): what the visit lists, the complaint register, the inspection plans and the
// reports (the Monday/Thursday station report and the KPI dashboard) read.
import { z } from 'zod'
import { CATEGORIES, FAULT_LEVELS, TICKET_STATUSES, ZONES } from '../domain/enums'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_STEPS,
  CUSTOMER_REACTIONS,
  INSPECTION_FREQUENCIES,
  VISIT_KINDS,
} from '../domain/followUp'
import { Day, Id } from './schemas'

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.field.invalid' })
const search = z.string().trim().max(50, { error: 'errors.field.tooLong' }).optional()

export const Scores = z.object({ overall: z.number(), timeliness: z.number(), attitude: z.number(), quality: z.number() })

export const VisitView = z.object({
  id: z.string(),
  kind: z.enum(VISIT_KINDS),
  by: z.enum(['station', 'hq']),
  stationCode: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  faultDescription: z.string(),
  resolvedAt: z.string().nullable(),
  customerId: z.string(),
  unitName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  engineerName: z.string().nullable(),
  period: z.string(),
  dueOn: z.string(),
  dueAt: z.string(),
  standing: z.enum(['late', 'today', 'upcoming', 'done']),
  attempts: z.number(),
  lastAttemptAt: z.string().nullable(),
  note: z.string(),
  doneAt: z.string().nullable(),
  visitorName: z.string().nullable(),
  scores: Scores.nullable(),
  comment: z.string(),
  complaintId: z.string().nullable(),
  complaintNumber: z.string().nullable(),
})
export type VisitView = z.infer<typeof VisitView>

export const VisitListQuery = z.object({
  /** station: the station's own calls; hq: the level-2 visits HQ makes (every station's, on an HQ desk). */
  scope: z.enum(['station', 'hq']).default('station'),
  state: z.enum(['open', 'done']).default('open'),
  kind: z.enum(VISIT_KINDS).optional(),
  search,
})
export const VisitList = z.object({ rows: z.array(VisitView), counts: z.object({ late: z.number(), today: z.number(), upcoming: z.number() }) })

export const Escalation = z.object({ level: z.number(), to: z.enum(['manager', 'hq']).nullable(), reason: z.enum(['late_response', 'overdue']).nullable(), overdue: z.boolean() })

export const ComplaintSummary = z.object({
  id: z.string(),
  number: z.string(),
  receivedAt: z.string(),
  customerId: z.string(),
  unitName: z.string(),
  complainantName: z.string(),
  complainantPhone: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  nextStep: z.enum(COMPLAINT_STEPS).nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  engineerId: z.string().nullable(),
  engineerName: z.string().nullable(),
  dueOn: z.string(),
  dueAt: z.string(),
  hqAt: z.string(),
  escalation: Escalation,
  closedAt: z.string().nullable(),
})
export type ComplaintSummary = z.infer<typeof ComplaintSummary>

export const ComplaintDetail = ComplaintSummary.extend({
  findings: z.string(),
  resolution: z.string(),
  repliedOn: z.string().nullable(),
  reaction: z.enum(CUSTOMER_REACTIONS).nullable(),
  replyNote: z.string(),
  corrective: z.string(),
  preventive: z.string(),
  closedByName: z.string().nullable(),
  createdByName: z.string(),
  visit: z.object({ id: z.string(), kind: z.enum(VISIT_KINDS), scores: Scores.nullable(), comment: z.string() }).nullable(),
  events: z.array(z.object({ id: z.string(), at: z.string(), kind: z.string(), actorName: z.string(), data: z.record(z.string(), z.unknown()) })),
})
export type ComplaintDetail = z.infer<typeof ComplaintDetail>

export const ComplaintListQuery = z.object({
  search,
  status: z.enum(['open', 'overdue', 'escalated', 'closed', 'all']).default('open'),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  engineerId: Id.optional(),
  /** Received in this month. */
  month: Month.optional(),
  limit: z.number().int().min(1).max(1000).default(300),
})
export type ComplaintListQuery = z.input<typeof ComplaintListQuery>

export const ComplaintStatsQuery = z.object({ from: Month, to: Month }).refine((q) => q.from <= q.to, { error: 'errors.reports.range' })
export const ComplaintStats = z.object({
  total: z.number(),
  closed: z.number(),
  /** Closed by their deadline. */
  closedOnTime: z.number(),
  avgCloseDays: z.number().nullable(),
  byCategory: z.array(z.object({ category: z.enum(COMPLAINT_CATEGORIES), count: z.number(), closed: z.number(), avgCloseDays: z.number().nullable() })),
  byEngineer: z.array(z.object({ engineerId: z.string().nullable(), name: z.string(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number(), closed: z.number() })),
})
export type ComplaintStats = z.infer<typeof ComplaintStats>

export const TicketFollowUp = z.object({ visits: z.array(VisitView), complaints: z.array(ComplaintSummary) })

export const PlanView = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  unitName: z.string(),
  contractId: z.string().nullable(),
  contractNumber: z.string().nullable(),
  frequency: z.enum(INSPECTION_FREQUENCIES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  note: z.string(),
  active: z.boolean(),
  /** The inspection ticket the plan owes today, if any, and whether it is made. */
  current: z.object({ period: z.string(), dueOn: z.string(), ticketId: z.string(), ticketNumber: z.string().nullable(), ticketStatus: z.enum(TICKET_STATUSES).nullable() }).nullable(),
  ticketsMade: z.number(),
})
export type PlanView = z.infer<typeof PlanView>

// ---- 报表 -------------------------------------------------------------------

/** Met out of total. */
export const Rate = z.object({ met: z.number(), total: z.number() })
export type Rate = z.infer<typeof Rate>
const SlaRates = z.object({ respond: Rate, arrive: Rate, resolve: Rate })

export const StationReportInput = z.object({ day: Day.optional() })
/** 客服工作报表: the Monday or Thursday report to the branch, made from the data. */
export const StationReport = z.object({
  station: z.object({ code: z.string(), name: z.string() }),
  dueOn: z.string(),
  /** Due before 10:00 of dueOn (station time). */
  dueAt: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  /** False while the period runs: the figures are as of now. */
  complete: z.boolean(),
  tickets: z.object({
    received: z.number(),
    byCategory: z.array(z.object({ category: z.enum(CATEGORIES), count: z.number() })),
    byMode: z.array(z.object({ mode: z.string(), count: z.number() })),
    resolved: z.number(),
    openAtEnd: z.number(),
    overdueAtEnd: z.number(),
  }),
  sla: SlaRates,
  firstVisit: Rate,
  visits: z.object({ owed: z.number(), done: z.number(), late: z.number(), avgOverall: z.number().nullable(), dissatisfied: z.number() }),
  complaints: z.object({ opened: z.number(), closed: z.number(), openAtEnd: z.number(), escalated: z.number(), byCategory: z.array(z.object({ category: z.enum(COMPLAINT_CATEGORIES), count: z.number() })) }),
  parts: z.object({ swapped: z.number(), lines: z.array(z.object({ partNumber: z.string(), name: z.string(), qty: z.number() })) }),
  engineers: z.array(z.object({ name: z.string(), resolved: z.number(), sla: Rate })),
})
export type StationReport = z.infer<typeof StationReport>

export const DashboardInput = z.object({ from: Day, to: Day }).refine((q) => q.from <= q.to, { error: 'errors.reports.range' })
const Keyed = z.object({ key: z.string(), label: z.string() }).extend(SlaRates.shape).extend({ tickets: z.number() })
export const Dashboard = z.object({
  from: z.string(),
  to: z.string(),
  tickets: z.number(),
  sla: SlaRates,
  byZone: z.array(Keyed.extend({ key: z.enum(ZONES) })),
  byLevel: z.array(Keyed.extend({ key: z.enum(FAULT_LEVELS) })),
  /** label: the engineer's name; empty for jobs nobody was assigned. */
  byEngineer: z.array(Keyed),
  /** Service minutes to the first answer, and to arrival on site, in buckets. */
  responseMinutes: z.array(z.object({ upTo: z.number().nullable(), count: z.number() })),
  arrivalMinutes: z.array(z.object({ upTo: z.number().nullable(), count: z.number() })),
  firstVisit: Rate,
  parts: z.array(z.object({ partNumber: z.string(), name: z.string(), qty: z.number() })),
  satisfaction: z.object({
    surveys: z.number(),
    avgOverall: z.number().nullable(),
    distribution: z.array(z.number()),
    byMonth: z.array(z.object({ month: z.string(), avg: z.number(), count: z.number() })),
  }),
  complaints: z.object({
    total: z.number(),
    byCategory: z.array(z.object({ category: z.enum(COMPLAINT_CATEGORIES), count: z.number() })),
    /** Calendar days from registration to closing, in buckets. */
    closeDays: z.array(z.object({ upTo: z.number().nullable(), count: z.number() })),
    avgCloseDays: z.number().nullable(),
  }),
  byMonth: z.array(z.object({ month: z.string(), tickets: z.number(), slaMet: z.number(), slaTotal: z.number() })),
})
export type Dashboard = z.infer<typeof Dashboard>

export const ReportExportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('station'), day: Day.optional() }),
  z.object({ report: z.literal('dashboard'), from: Day, to: Day }),
  z.object({ report: z.literal('complaints'), from: Month, to: Month }),
])
