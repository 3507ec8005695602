// Every write, by name. The desk runs these optimistically and records them in its outbox;
// the sync server runs the same functions authoritatively.
import type { z } from 'zod'
import type { MutationName, MethodOutput } from '../api/contract'
import type { Role } from '../domain/enums'
import { CustomerCreateArgs, createCustomer } from './customer'
import { TicketCreateArgs, createTicket } from './ticket'
import {
  EscalateArgs,
  FaultLevelArgs,
  PauseArgs,
  ResolveArgs,
  RespondArgs,
  ResumeArgs,
  SetZoneArgs,
  escalateTicket,
  pauseTicket,
  resolveTicket,
  respondTicket,
  resumeTicket,
  setCustomerZone,
  setFaultLevel,
} from './clocks'
import { AssignArgs, assignTicket, refreshAssign } from './assign'
import { HelperArgs, JobStepArgs, UnassignArgs, acceptJob, addHelper, arriveJob, departJob, refreshUnassign, removeHelper, unassignTicket } from './jobs'
import { HolidayImportArgs, RulesUpdateArgs, importHolidays, updateRules } from './rules'
import {
  AdjustArgs,
  AssessArgs,
  CountArgs,
  DecideAssessmentArgs,
  DecideRequestArgs,
  RequestArgs,
  HandOverArgs,
  LoanArgs,
  PartCreateArgs,
  PartImportArgs,
  ReceiptArgs,
  ReceiveArgs,
  ShipArgs,
  SignArgs,
  SwapArgs,
  adjustStock,
  assessDamage,
  countStock,
  decideAssessment,
  decideRequest,
  requestParts,
  createPart,
  importParts,
  issueParts,
  lendLoaner,
  receiveParts,
  receiveReturnBatch,
  returnGoodParts,
  shipBadParts,
  signReconciliation,
  swapPart,
  takeBackLoaner,
} from './parts'
import {
  CarryInStepArgs,
  CloseOutArgs,
  IntakeArgs,
  NoticeArgs,
  PickUpArgs,
  PrintedArgs,
  VisitMissedArgs,
  carryInStep,
  closeOutJob,
  noticeCustomer,
  pickUpDevice,
  recordMissedVisit,
  recordPrint,
  takeInDevice,
} from './closeout'
import {
  ComplaintArgs,
  ComplaintNoteArgs,
  ComplaintStepArgs,
  PlanArgs,
  ScheduleArgs,
  VisitRecordArgs,
  advanceComplaint,
  noteComplaint,
  recordVisit,
  registerComplaint,
  runSchedule,
  savePlan,
} from './followUp'
import type { MutationContext, Tx } from './tx'

export interface MutatorDef<A extends z.ZodType, R> {
  /** The full, deterministic arguments: the user's input plus client-made ids and timestamps. */
  args: A
  run(tx: Tx, args: z.output<A>, ctx: MutationContext): Promise<R>
  /** Tables the mutator may write, so readers know what to refresh. */
  writes: readonly string[]
  /** Who may run it (the server refuses anyone else). */
  roles: readonly Role[]
  /**
   * Re-applying a rejected change "on the current state" (同步记录): how its arguments take in what
   * the user has now seen. Without it the same arguments are sent again.
   */
  reapply?: (tx: Tx, args: never) => Promise<unknown>
}

const DESK: readonly Role[] = ['dispatcher', 'manager', 'hq', 'admin']
const RULES: readonly Role[] = ['manager', 'hq', 'admin']
/** The job's own steps: the desk, or the engineer himself (on his own jobs only, the mutators check). */
const JOB: readonly Role[] = [...DESK, 'engineer']
/** The parts accounts: the clerk keeps the parts, the manager the books (the mutators check who signs what). */
const PARTS: readonly Role[] = ['manager', 'clerk', 'hq', 'admin']
/** A swap is phoned in by the engineer and recorded at any desk of the station. */
const SWAP: readonly Role[] = [...PARTS, 'dispatcher']
/** A movement also voids a half-signed reconciliation of its month. */
const STOCK = ['part_stock', 'part_movements', 'reconciliations'] as const
/** The branch's service center approves requests and damage assessments. */
const BRANCH: readonly Role[] = ['hq', 'admin']
/** The counter and the bench of a carry-in repair. */
const COUNTER: readonly Role[] = [...DESK, 'clerk', 'engineer']
/** Everyone at the desks works on complaints and return visits (HQ's level-2 visits are checked in the mutator). */
const FOLLOW_UP: readonly Role[] = [...DESK, 'clerk']
/** A close-out books its parts, opens their return slips and resolves the ticket. */
/** Resolving a ticket keeps its outcome and schedules its return visits. */
const RESOLVE = ['tickets', 'ticket_outcomes', 'return_visits'] as const
const CLOSE_OUT = [...RESOLVE, 'job_reports', 'carry_ins', ...STOCK, 'return_slips', 'damage_assessments'] as const
/** A visit's survey may open a complaint and close the ticket. */
const VISIT = ['return_visits', 'complaints', 'complaint_events', 'tickets'] as const

export const mutators = {
  'customer.create': { args: CustomerCreateArgs, run: createCustomer, writes: ['customers'], roles: DESK },
  'ticket.create': { args: TicketCreateArgs, run: createTicket, writes: ['tickets'], roles: DESK },
  'ticket.assign': { args: AssignArgs, run: assignTicket, writes: ['tickets'], roles: DESK, reapply: refreshAssign },
  'ticket.unassign': { args: UnassignArgs, run: unassignTicket, writes: ['tickets'], roles: JOB, reapply: refreshUnassign },
  'ticket.addHelper': { args: HelperArgs, run: addHelper, writes: ['tickets'], roles: JOB },
  'ticket.removeHelper': { args: HelperArgs, run: removeHelper, writes: ['tickets'], roles: JOB },
  'ticket.accept': { args: JobStepArgs, run: acceptJob, writes: ['tickets'], roles: JOB },
  'ticket.depart': { args: JobStepArgs, run: departJob, writes: ['tickets'], roles: JOB },
  'ticket.arrive': { args: JobStepArgs, run: arriveJob, writes: ['tickets'], roles: JOB },
  'ticket.pause': { args: PauseArgs, run: pauseTicket, writes: ['tickets'], roles: DESK },
  'ticket.resume': { args: ResumeArgs, run: resumeTicket, writes: ['tickets'], roles: DESK },
  'ticket.respond': { args: RespondArgs, run: respondTicket, writes: ['tickets'], roles: DESK },
  'ticket.resolve': { args: ResolveArgs, run: resolveTicket, writes: RESOLVE, roles: DESK },
  'ticket.setFaultLevel': { args: FaultLevelArgs, run: setFaultLevel, writes: ['tickets'], roles: DESK },
  'ticket.escalate': { args: EscalateArgs, run: escalateTicket, writes: ['tickets'], roles: DESK },
  'customer.setZone': { args: SetZoneArgs, run: setCustomerZone, writes: ['customers', 'tickets'], roles: DESK },
  'rules.update': { args: RulesUpdateArgs, run: updateRules, writes: ['rules', 'tickets'], roles: RULES },
  'rules.importHolidays': { args: HolidayImportArgs, run: importHolidays, writes: ['rules', 'tickets'], roles: RULES },
  'part.create': { args: PartCreateArgs, run: createPart, writes: ['parts'], roles: PARTS },
  'part.import': { args: PartImportArgs, run: importParts, writes: ['parts'], roles: PARTS },
  'parts.receive': { args: ReceiveArgs, run: receiveParts, writes: [...STOCK, 'part_requests'], roles: PARTS },
  'parts.issue': { args: HandOverArgs, run: issueParts, writes: STOCK, roles: PARTS },
  'parts.returnGood': { args: HandOverArgs, run: returnGoodParts, writes: STOCK, roles: PARTS },
  'parts.swap': { args: SwapArgs, run: swapPart, writes: [...STOCK, 'return_slips', 'damage_assessments'], roles: SWAP },
  'parts.lendLoaner': { args: LoanArgs, run: lendLoaner, writes: STOCK, roles: SWAP },
  'parts.takeBackLoaner': { args: LoanArgs, run: takeBackLoaner, writes: STOCK, roles: SWAP },
  'parts.adjust': { args: AdjustArgs, run: adjustStock, writes: STOCK, roles: PARTS },
  'parts.request': { args: RequestArgs, run: requestParts, writes: ['part_requests'], roles: PARTS },
  'parts.decideRequest': { args: DecideRequestArgs, run: decideRequest, writes: ['part_requests'], roles: BRANCH },
  'parts.assessDamage': { args: AssessArgs, run: assessDamage, writes: ['damage_assessments'], roles: SWAP },
  'parts.decideAssessment': { args: DecideAssessmentArgs, run: decideAssessment, writes: ['damage_assessments'], roles: BRANCH },
  'returns.ship': { args: ShipArgs, run: shipBadParts, writes: [...STOCK, 'return_slips', 'return_batches'], roles: PARTS },
  'returns.receive': { args: ReceiptArgs, run: receiveReturnBatch, writes: [...STOCK, 'return_slips', 'return_batches'], roles: PARTS },
  'recon.count': { args: CountArgs, run: countStock, writes: ['reconciliations'], roles: PARTS },
  'recon.sign': { args: SignArgs, run: signReconciliation, writes: ['reconciliations'], roles: PARTS },
  'ticket.closeOut': { args: CloseOutArgs, run: closeOutJob, writes: CLOSE_OUT, roles: JOB },
  'ticket.visitMissed': { args: VisitMissedArgs, run: recordMissedVisit, writes: ['tickets'], roles: JOB },
  'carryIn.intake': { args: IntakeArgs, run: takeInDevice, writes: ['carry_ins', 'tickets'], roles: COUNTER },
  'carryIn.step': { args: CarryInStepArgs, run: carryInStep, writes: ['carry_ins', 'tickets', 'ticket_pauses'], roles: COUNTER },
  'carryIn.notice': { args: NoticeArgs, run: noticeCustomer, writes: ['carry_ins', 'tickets'], roles: COUNTER },
  'carryIn.pickUp': { args: PickUpArgs, run: pickUpDevice, writes: ['carry_ins', 'tickets'], roles: COUNTER },
  'slips.printed': { args: PrintedArgs, run: recordPrint, writes: ['job_reports', 'carry_ins'], roles: COUNTER },
  'visit.record': { args: VisitRecordArgs, run: recordVisit, writes: VISIT, roles: FOLLOW_UP },
  'complaint.register': { args: ComplaintArgs, run: registerComplaint, writes: ['complaints', 'complaint_events', 'tickets'], roles: FOLLOW_UP },
  'complaint.step': { args: ComplaintStepArgs, run: advanceComplaint, writes: ['complaints', 'complaint_events'], roles: FOLLOW_UP },
  'complaint.note': { args: ComplaintNoteArgs, run: noteComplaint, writes: ['complaints', 'complaint_events'], roles: FOLLOW_UP },
  'plan.save': { args: PlanArgs, run: savePlan, writes: ['inspection_plans'], roles: DESK },
  'followUp.schedule': { args: ScheduleArgs, run: runSchedule, writes: ['tickets', 'return_visits'], roles: DESK },
} as const satisfies { [N in MutationName]: MutatorDef<z.ZodType, MethodOutput<N>> }

export type MutatorArgs<N extends MutationName> = z.output<(typeof mutators)[N]['args']>
export type { MutationContext, Tx } from './tx'
export * from './tables'
export { phoneIndexRows } from './customer'
export { ticketFacts } from './clocks'
export { assetVerdict } from './ticket'
export { publishRules, rulesRowId } from './rules'
