// The one typed contract between the renderer and the desk core. Every call is named here
// with its zod input and output; the desk core validates inputs, the transports carry names,
// the preload exposes exactly these names.
import { z } from 'zod'
import { ServiceRulesSchema } from './rulesSchema'
import { EscalateArgs, FaultLevelArgs, PauseArgs, ResolveArgs, RespondArgs, ResumeArgs, SetZoneArgs } from '../mutators/clocks'
import { HolidayImportArgs, RulesUpdateArgs } from '../mutators/rules'
import { AssignInput } from '../mutators/assign'
import { HelperInput, JobStepInput, UnassignInput } from '../mutators/jobs'
import { CarryInStepFields, CloseOutFields, IntakeFields, NoticeFields, PickUpFields, PrintedFields, VisitMissedFields } from '../mutators/closeout'
import { BoardSettings, BoardSnapshotInput, BoardSnapshotWire } from './boardSchemas'
import {
  AdjustFields,
  AssessFields,
  CountFields,
  DecideAssessmentFields,
  DecideRequestFields,
  RequestFields,
  HandOverFields,
  LoanFields,
  PartFields,
  ReceiptFields,
  ReceiveFields,
  ShipFields,
  SignFields,
  SwapFields,
} from '../mutators/parts'
import {
  DamageAssessmentView,
  Holding,
  LedgerEntryView,
  LedgerFilter,
  Part,
  PartImportFileInput,
  PartRequestView,
  PartsPeople,
  ReconciliationInput,
  ReconciliationView,
  ReturnBatchView,
  ReturnSlipView,
  ReturnsView,
  SlipInput,
  StockLine,
  TicketPartsView,
} from './partsSchemas'
import { CarryInView, CloseOutForm, CloseOutQuote, CloseOutQuoteInput, RepairSlipDoc, SlipDayInput, TakeInReceiptDoc } from './closeoutSchemas'
import { ComplaintFields, ComplaintNoteFields, ComplaintStepFields, PlanFields, VisitRecordFields } from '../mutators/followUp'
import {
  ComplaintDetail,
  ComplaintListQuery,
  ComplaintStats,
  ComplaintStatsQuery,
  ComplaintSummary,
  Dashboard,
  DashboardInput,
  PlanView,
  ReportExportInput,
  StationReport,
  StationReportInput,
  TicketFollowUp,
  VisitList,
  VisitListQuery,
} from './followUpSchemas'
import { ConnectInput, Engineer, MutationRef, SyncRejectionView, SyncStatus } from './syncSchemas'
import {
  CustomerCard,
  CustomerDraft,
  CustomerMatch,
  DeskInfo,
  Id,
  Region,
  Station,
  TicketDetail,
  TicketDraft,
  TicketListQuery,
  TicketPreview,
  TicketPreviewInput,
  TicketSummary,
} from './schemas'

const Empty = z.object({}).default({})
const Ok = z.object({ ok: z.literal(true) })


export const queries = {
  'desk.info': { input: Empty, output: DeskInfo },
  'stations.list': { input: Empty, output: z.array(Station) },
  'regions.list': { input: Empty, output: z.array(Region) },
  'customers.lookup': {
    input: z.object({ text: z.string().trim().max(50, { error: 'errors.field.tooLong' }) }),
    output: z.array(CustomerMatch),
  },
  'customers.card': { input: z.object({ id: Id }), output: CustomerCard },
  'tickets.list': {
    input: TicketListQuery,
    output: z.object({ total: z.number(), rows: z.array(TicketSummary) }),
  },
  'tickets.get': { input: z.object({ id: Id }), output: TicketDetail },
  'tickets.preview': { input: TicketPreviewInput, output: TicketPreview },
  'engineers.list': { input: z.object({ stationId: Id.optional() }).default({}), output: z.array(Engineer) },
  'sync.status': { input: Empty, output: SyncStatus },
  'sync.rejections': { input: Empty, output: z.array(SyncRejectionView) },
  'rules.get': {
    input: Empty,
    output: z.object({ version: z.number(), rules: ServiceRulesSchema, note: z.string(), createdAt: z.string(), createdByName: z.string().nullable() }),
  },
  /** 派工看板: every open ticket and every active engineer of a station (default: this desk's), in one read. */
  'board.snapshot': { input: BoardSnapshotInput, output: BoardSnapshotWire },
  /** The board's map settings, kept on this desk only. */
  'board.settings': { input: Empty, output: BoardSettings },
  // 备件 (issue 6)
  'parts.catalogue': { input: Empty, output: z.array(Part) },
  'parts.stock': { input: Empty, output: z.array(StockLine) },
  'parts.holdings': { input: Empty, output: z.array(Holding) },
  'parts.people': { input: Empty, output: PartsPeople },
  'parts.ledger': { input: LedgerFilter, output: z.array(LedgerEntryView) },
  'parts.returns': { input: Empty, output: ReturnsView },
  'parts.slip': { input: SlipInput, output: ReturnSlipView.extend({ station: z.object({ code: z.string(), name: z.string() }) }) },
  'parts.batch': { input: SlipInput, output: ReturnBatchView.extend({ station: z.object({ code: z.string(), name: z.string() }) }) },
  'parts.ofTicket': { input: z.object({ ticketId: Id }), output: TicketPartsView },
  'parts.reconciliation': { input: ReconciliationInput, output: ReconciliationView },
  'parts.requests': { input: Empty, output: z.object({ requests: z.array(PartRequestView), assessments: z.array(DamageAssessmentView) }) },
  // 完工与送修 (issue 7)
  'closeout.form': { input: z.object({ ticketId: Id }), output: CloseOutForm },
  /** The charges the rules give for the parts picked so far (nothing is saved). */
  'closeout.quote': { input: CloseOutQuoteInput, output: CloseOutQuote },
  /** 维修单 of a ticket's close-out. */
  'closeout.slip': { input: z.object({ ticketId: Id }), output: RepairSlipDoc },
  /** The day's repair slips, for a batch print. */
  'closeout.slipsOfDay': { input: SlipDayInput, output: z.array(RepairSlipDoc) },
  /** 送修 at the counter: not yet collected, or collected in the last week; each with the call owed to its customer. */
  'carryIn.list': { input: Empty, output: z.array(CarryInView) },
  'carryIn.ofTicket': { input: z.object({ ticketId: Id }), output: CarryInView.nullable() },
  /** 取机凭证. */
  'carryIn.receipt': { input: z.object({ id: Id }), output: TakeInReceiptDoc },
  // 投诉与回访 (issue 8)
  /** Return visits owed (late first) or done, the station's or HQ's. */
  'visits.list': { input: VisitListQuery, output: VisitList },
  /** A ticket's visits with their surveys, and the complaints about it. */
  'visits.ofTicket': { input: z.object({ ticketId: Id }), output: TicketFollowUp },
  'complaints.list': { input: ComplaintListQuery, output: z.object({ total: z.number(), rows: z.array(ComplaintSummary) }) },
  'complaints.get': { input: z.object({ id: Id }), output: ComplaintDetail },
  /** By category, engineer and month, and how long they took to close. */
  'complaints.stats': { input: ComplaintStatsQuery, output: ComplaintStats },
  'plans.list': { input: Empty, output: z.array(PlanView) },
  /** 客服工作报表 due on the day given (default: the last one due). */
  'reports.station': { input: StationReportInput, output: StationReport },
  /** KPI dashboard over station-local days. */
  'reports.dashboard': { input: DashboardInput, output: Dashboard },
} as const

export const mutations = {
  'customer.create': { input: CustomerDraft, output: z.object({ id: z.string() }) },
  'ticket.create': { input: TicketDraft, output: z.object({ id: z.string(), number: z.string() }) },
  'ticket.assign': { input: AssignInput, output: Ok },
  /** Ctrl+Z of a first 派工: back to 待派工 (from 已派工 / 已接单, if the assignee is still the one seen). */
  'ticket.unassign': { input: UnassignInput, output: Ok },
  'ticket.addHelper': { input: HelperInput, output: Ok },
  'ticket.removeHelper': { input: HelperInput, output: Ok },
  /** 已派工 → 已接单. */
  'ticket.accept': { input: JobStepInput, output: Ok },
  /** 已接单 / 已派工 → 在途. */
  'ticket.depart': { input: JobStepInput, output: Ok },
  /** 在途 / 已接单 / 已派工 → 到达现场 (stops the arrival clock). */
  'ticket.arrive': { input: JobStepInput, output: Ok },
  'ticket.pause': { input: PauseArgs.omit({ id: true, at: true }), output: Ok },
  'ticket.resume': { input: ResumeArgs.omit({ at: true }), output: Ok },
  'ticket.respond': { input: RespondArgs.omit({ at: true }), output: Ok },
  'ticket.resolve': { input: ResolveArgs.omit({ at: true }), output: z.object({ recheckDue: z.string().nullable() }) },
  'ticket.setFaultLevel': { input: FaultLevelArgs.omit({ at: true }), output: Ok },
  'ticket.escalate': { input: EscalateArgs.omit({ at: true }), output: Ok },
  'customer.setZone': { input: SetZoneArgs.omit({ at: true }), output: Ok },
  'rules.update': { input: RulesUpdateArgs.omit({ at: true }), output: z.object({ version: z.number() }) },
  'rules.importHolidays': { input: HolidayImportArgs.omit({ at: true }), output: z.object({ version: z.number(), imported: z.number() }) },
  'part.create': { input: PartFields, output: z.object({ id: z.string() }) },
  'part.import': { input: z.object({ parts: z.array(PartFields).min(1, { error: 'errors.parts.importEmpty' }).max(5000) }), output: z.object({ added: z.number(), updated: z.number() }) },
  'parts.receive': { input: ReceiveFields, output: Ok },
  'parts.issue': { input: HandOverFields, output: Ok },
  'parts.returnGood': { input: HandOverFields, output: Ok },
  /** A part swapped on a ticket: the bad one comes back with its return slip (返修单). */
  'parts.swap': { input: SwapFields, output: z.object({ slipId: z.string(), slipNumber: z.string() }) },
  'parts.lendLoaner': { input: LoanFields, output: Ok },
  'parts.takeBackLoaner': { input: LoanFields, output: Ok },
  'parts.adjust': { input: AdjustFields, output: Ok },
  /** 申请表 to the branch; approved (or not) there, then received against it. */
  'parts.request': { input: RequestFields, output: z.object({ id: z.string(), number: z.string() }) },
  'parts.decideRequest': { input: DecideRequestFields, output: Ok },
  /** 物理损坏鉴定表: what the station found; the branch approves before the exchange. */
  'parts.assessDamage': { input: AssessFields, output: z.object({ id: z.string(), number: z.string() }) },
  'parts.decideAssessment': { input: DecideAssessmentFields, output: Ok },
  'returns.ship': { input: ShipFields, output: z.object({ batchId: z.string(), batchNumber: z.string(), slips: z.number() }) },
  'returns.receive': { input: ReceiptFields, output: Ok },
  'recon.count': { input: CountFields, output: Ok },
  'recon.sign': { input: SignFields, output: z.object({ locked: z.boolean() }) },
  // 完工与送修 (issue 7)
  /** 完工: cause, fix, advice, parts swapped from the engineer's holdings, charges, the customer's signature; resolves the ticket. */
  'ticket.closeOut': { input: CloseOutFields, output: z.object({ reportId: z.string(), total: z.number(), slips: z.array(z.string()) }) },
  /** 上门未遇: waited 20 minutes, left a note; the job goes back to its engineer with a new window. */
  'ticket.visitMissed': { input: VisitMissedFields, output: Ok },
  /** 收机: a carry-in device taken in at the counter, with its take-in receipt (取机凭证). */
  'carryIn.intake': { input: IntakeFields, output: z.object({ id: z.string(), number: z.string() }) },
  'carryIn.step': { input: CarryInStepFields, output: Ok },
  /** The customer told of a late repair (before the promised date, then every 2 days). */
  'carryIn.notice': { input: NoticeFields, output: Ok },
  /** 取机: receipt number checked, the repair checked twice before the customer, signed for. */
  'carryIn.pickUp': { input: PickUpFields, output: Ok },
  /** Slips sent to the printer; the next print of each says 补打. */
  'slips.printed': { input: PrintedFields, output: Ok },
  // 投诉与回访 (issue 8)
  /** 回访: the survey (or an unanswered call); a dissatisfied answer opens a complaint filled in from the ticket. */
  'visit.record': { input: VisitRecordFields, output: z.object({ complaintId: z.string().nullable(), complaintNumber: z.string().nullable() }) },
  /** 投诉登记. */
  'complaint.register': { input: ComplaintFields, output: z.object({ id: z.string(), number: z.string() }) },
  /** 调查 → 处理 → 回复客户 → 整改/预防 → 关闭, in order. */
  'complaint.step': { input: ComplaintStepFields, output: z.object({ status: z.string() }) },
  'complaint.note': { input: ComplaintNoteFields, output: Ok },
  /** A contract's inspection plan, new or changed. */
  'plan.save': { input: PlanFields, output: z.object({ id: z.string(), number: z.string() }) },
  /** Today's inspection tickets and this month's key-customer calls (the desk runs it on its own, hourly). */
  'followUp.schedule': { input: Empty, output: z.object({ tickets: z.number(), visits: z.number() }) },
} as const

/**
 * Desk-local actions that are not synced writes: the link to the shared server and the user's
 * decisions on rejected changes. They run in the desk core and never enter the outbox themselves.
 */
export const commands = {
  'sync.connect': { input: ConnectInput, output: SyncStatus },
  'sync.disconnect': { input: Empty, output: SyncStatus },
  'sync.now': { input: Empty, output: SyncStatus },
  /** Sends a rejected change again, on the record as it is now. */
  'sync.reapply': { input: MutationRef, output: Ok },
  /** Accepts the server's version: the rejected change is set aside for good. */
  'sync.discard': { input: MutationRef, output: Ok },
  /** The board's map settings (desk-local, not synced); answers them as saved and emits data.changed ['board_settings']. */
  'board.saveSettings': { input: BoardSettings, output: BoardSettings },
  /** 月度对帐 as an Excel workbook for the branch (the file's bytes, base64). */
  'recon.exportXlsx': { input: ReconciliationInput, output: z.object({ fileName: z.string(), base64: z.string() }) },
  /** Reads a catalogue file (CSV text, or an .xlsx as base64) into parts to import, or says what is wrong with it; changes nothing. */
  'parts.parseImport': { input: PartImportFileInput, output: z.object({ parts: z.array(PartFields) }) },
  /** 报表 as an Excel workbook: the station report, the dashboard's figures, or the complaint register. */
  'reports.exportXlsx': { input: ReportExportInput, output: z.object({ fileName: z.string(), base64: z.string() }) },
} as const

export const SHELL_COMMANDS = ['ticket.new', 'tickets.search', 'nav.board', 'nav.tickets', 'nav.carryIn', 'nav.followUp', 'nav.complaints', 'nav.reports', 'nav.settings', 'edit.undo'] as const
export type ShellCommand = (typeof SHELL_COMMANDS)[number]

/** Pushed to every open window: data changes from the desk core, menu commands from the Electron shell. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'sync.status': SyncStatus,
  'shell.command': z.object({ command: z.enum(SHELL_COMMANDS) }),
} as const

export type Queries = typeof queries
export type Mutations = typeof mutations
export type Commands = typeof commands
export type QueryName = keyof Queries
export type MutationName = keyof Mutations
export type CommandName = keyof Commands
export type MethodName = QueryName | MutationName | CommandName
export type EventName = keyof typeof events

type Def = { input: z.ZodType; output: z.ZodType }
type Methods = Queries & Mutations & Commands
export type MethodInput<N extends MethodName> = z.input<(Methods[N] & Def)['input']>
export type MethodOutput<N extends MethodName> = z.output<(Methods[N] & Def)['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export function isQuery(name: string): name is QueryName {
  return Object.hasOwn(queries, name)
}
export function isMutation(name: string): name is MutationName {
  return Object.hasOwn(mutations, name)
}
export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commands, name)
}

/** The typed surface every transport provides (preload bridge, HTTP client, in-process desk). */
export interface DeskClient {
  call<N extends MethodName>(method: N, input: MethodInput<N>): Promise<MethodOutput<N>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
