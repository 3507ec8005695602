// 投诉与回访 (issue 8): a resolved job's outcome and the visits it owes; the survey a visitor records
// (a dissatisfied answer opens a complaint); the complaint register and its steps; the contracts'
// inspection plans and the monthly key-customer calls, made on schedule.
import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { Day, Id, Instant } from '../api/schemas'
import { ruleError } from '../api/errors'
import type { ResolveMethod } from '../domain/enums'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  CUSTOMER_REACTIONS,
  INSPECTION_FREQUENCIES,
  STEP_RESULT,
  complaintDeadlines,
  complaintOfSurvey,
  holidayMap,
  inspectionDue,
  isDissatisfied,
  keyAccountCall,
  nextStep,
  visitBy,
  visitsForJob,
  type ComplaintStep,
  type HolidayMap,
} from '../domain/followUp'
import { readTicketClocks } from '../domain/ticketClocks'
import { localDate } from '../domain/time'
import type { ServiceRules } from '../domain/rules'
import { initialStep } from '../domain/escalation'
import { UNASSIGNED } from './assign'
import { ticketFacts } from './clocks'
import { rulesInForce, rulesVersion } from './rules'
import type { ComplaintRow, ReturnVisitRow, TicketPauseRow, TicketRow } from './tables'
import type { MutationContext, Tx } from './tx'

const text = (max: number) => z.string({ error: 'errors.field.invalid' }).trim().max(max, { error: 'errors.field.tooLong' })
const said = (max: number, error: string) => text(max).refine((s) => s.length >= 2, { error })
/** HQ and the administrator work across every station. */
const EVERY_STATION: readonly MutationContext['role'][] = ['hq', 'admin']
const Score = z.number({ error: 'errors.followUp.score' }).int({ error: 'errors.followUp.score' }).min(1, { error: 'errors.followUp.score' }).max(5, { error: 'errors.followUp.score' })

/** The instant a station-local day ends (the next day's midnight there). */
export function endOfDay(day: string, timezone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d + 1, timezone).getTime()).toISOString()
}

async function timezoneOf(tx: Tx, stationId: string, rules: ServiceRules): Promise<string> {
  return (await tx.get('stations', stationId))?.timezone ?? rules.timezone
}

const holidayMaps = new WeakMap<ServiceRules, HolidayMap>()
/** A rules version is immutable, so its holiday map is built once. */
function holidaysOf(rules: ServiceRules): HolidayMap {
  let map = holidayMaps.get(rules)
  if (!map) holidayMaps.set(rules, (map = holidayMap(rules.holidays)))
  return map
}

// ---- a job resolved ---------------------------------------------------------

/**
 * What the resolution of a ticket starts: its outcome for the reports (each clock's service minutes and
 * whether it was met, fixed now under the ticket's own rules version) and the visits it owes.
 */
export async function followUpJob(tx: Tx, t: TicketRow, a: { at: string; method: ResolveMethod }, pauses: readonly TicketPauseRow[]): Promise<void> {
  const { rules } = await rulesInForce(tx)
  const timezone = await timezoneOf(tx, t.station_id, rules)
  const day = localDate(new Date(a.at), timezone)
  // planned work (定期巡检) has no rules version: it runs no SLA clocks and counts in no attainment
  const clocks = t.rules_version === null ? [] : readTicketClocks(await rulesVersion(tx, t.rules_version), ticketFacts({ ...t, resolved_at: a.at }, pauses.map((p) => ({ from_at: p.from_at, to_at: p.to_at ?? a.at }))), Date.parse(a.at))
  const clock = (name: 'respond' | 'arrive' | 'resolve') => clocks.find((c) => c.clock === name)
  const minutes = (name: 'respond' | 'arrive' | 'resolve') => {
    const c = clock(name)
    return c ? Math.max(0, c.limitMinutes - c.leftMinutes) : null
  }
  const met = (name: 'respond' | 'arrive' | 'resolve') => {
    const c = clock(name)
    return c ? (c.state === 'breached' ? 0 : 1) : null
  }
  const onsite = t.service_mode === 'onsite'
  const missed = onsite ? (await tx.list('ticket_events', { ticket_id: t.id, kind: 'visit_missed' })).length > 0 : false
  await tx.put('ticket_outcomes', {
    id: t.id,
    station_id: t.station_id,
    ticket_id: t.id,
    resolved_at: a.at,
    day,
    zone: t.zone,
    fault_level: t.fault_level,
    service_mode: t.service_mode,
    method: a.method,
    engineer_id: t.assignee_id,
    respond_minutes: minutes('respond'),
    arrive_minutes: onsite && t.arrived_at ? minutes('arrive') : null,
    resolve_minutes: minutes('resolve'),
    respond_met: met('respond'),
    arrive_met: onsite && t.arrived_at ? met('arrive') : null,
    resolve_met: met('resolve'),
    first_visit: onsite ? (missed || pauses.some((p) => p.reason === 'parts') ? 0 : 1) : null,
  })
  const due = visitsForJob({
    resolvedDay: day,
    resolvedAt: a.at,
    byPhone: a.method === 'phone' || a.method === 'remote',
    recheckHours: rules.phoneFixRecheckHours,
    holidays: holidaysOf(rules),
    endOfDay: (d) => endOfDay(d, timezone),
    dayOf: (instant) => localDate(new Date(instant), timezone),
  })
  for (const v of due) {
    await tx.put('return_visits', visitRow({ id: `${t.id}:${v.kind}`, stationId: t.station_id, ticketId: t.id, customerId: t.customer_id, engineerId: t.assignee_id, kind: v.kind, period: '', dueOn: v.dueOn, dueAt: v.dueAt, at: a.at }))
  }
}

function visitRow(v: { id: string; stationId: string; ticketId: string | null; customerId: string; engineerId: string | null; kind: ReturnVisitRow['kind']; period: string; dueOn: string; dueAt: string; at: string }): ReturnVisitRow {
  return {
    id: v.id,
    station_id: v.stationId,
    ticket_id: v.ticketId,
    customer_id: v.customerId,
    engineer_id: v.engineerId,
    kind: v.kind,
    period: v.period,
    due_on: v.dueOn,
    due_at: v.dueAt,
    status: 'due',
    attempts: 0,
    last_attempt_at: null,
    note: '',
    done_at: null,
    done_on: null,
    visitor_id: null,
    overall: null,
    timeliness: null,
    attitude: null,
    quality: null,
    comment: '',
    complaint_id: null,
    created_at: v.at,
  }
}

// ---- 回访 -------------------------------------------------------------------

export const Survey = z.object({ overall: Score, timeliness: Score, attitude: Score, quality: Score, comment: text(500).default('') }, { error: 'errors.followUp.surveyRequired' })

export const VisitRecordFields = z.discriminatedUnion(
  'outcome',
  [
    z.object({ visitId: Id, outcome: z.literal('reached'), survey: Survey, note: text(200).default('') }),
    /** Nobody answered: the visit stays due, the attempt is counted. */
    z.object({ visitId: Id, outcome: z.literal('unreachable'), note: text(200).default('') }),
  ],
  { error: 'errors.field.choice' },
)
export const VisitRecordArgs = z.intersection(VisitRecordFields, z.object({ at: Instant, complaintId: Id, complaintNumber: z.string().min(1).max(40) }))
export type VisitRecordArgs = z.output<typeof VisitRecordArgs>

/** 回访: the visitor's survey on the visit; a dissatisfied answer opens a complaint filled in from the ticket. */
export async function recordVisit(tx: Tx, a: VisitRecordArgs, ctx: MutationContext): Promise<{ complaintId: string | null; complaintNumber: string | null }> {
  const v = await tx.get('return_visits', a.visitId)
  // HQ's service center calls every station's customers
  if (!v || (v.station_id !== ctx.stationId && !EVERY_STATION.includes(ctx.role))) throw ruleError('errors.followUp.visitNotFound')
  if (v.status === 'done') throw ruleError('errors.followUp.visitDone')
  if (visitBy(v.kind) === 'hq' && !EVERY_STATION.includes(ctx.role)) throw ruleError('errors.followUp.hqVisit')
  const ticket = v.ticket_id ? await tx.get('tickets', v.ticket_id) : undefined
  if (a.outcome === 'unreachable') {
    await tx.update('return_visits', v.id, { attempts: v.attempts + 1, last_attempt_at: a.at, note: a.note })
    return { complaintId: null, complaintNumber: null }
  }
  const s = a.survey
  const unhappy = isDissatisfied(s)
  // checked before any write: an engineer who has since left the station is not named on the complaint
  const engineer = v.engineer_id ? await tx.get('users', v.engineer_id) : undefined
  const engineerId = engineer && engineer.station_id === v.station_id && engineer.role === 'engineer' ? engineer.id : null
  const { rules } = await rulesInForce(tx)
  await tx.update('return_visits', v.id, {
    status: 'done',
    done_at: a.at,
    done_on: localDate(new Date(a.at), await timezoneOf(tx, v.station_id, rules)),
    visitor_id: ctx.userId,
    note: a.note,
    overall: s.overall,
    timeliness: s.timeliness,
    attitude: s.attitude,
    quality: s.quality,
    comment: s.comment,
    complaint_id: unhappy ? a.complaintId : null,
  })
  if (ticket) {
    await tx.put('ticket_events', { id: `${v.id}:visited`, ticket_id: ticket.id, station_id: ticket.station_id, at: a.at, kind: 'visited', actor_id: ctx.userId, data: { kind: v.kind, overall: s.overall, dissatisfied: unhappy } })
  }
  if (!unhappy) {
    // the station's own follow-up heard the customer satisfied: the job is closed (已关闭)
    if (ticket && ticket.status === 'resolved' && visitBy(v.kind) === 'station' && v.kind !== 'key_account') await tx.update('tickets', ticket.id, { status: 'closed', closed_at: a.at, updated_at: a.at })
    return { complaintId: null, complaintNumber: null }
  }
  const customer = await tx.get('customers', v.customer_id)
  const { category, severity } = complaintOfSurvey(s)
  const scores = `总体 ${s.overall} 分，及时性 ${s.timeliness} 分，服务态度 ${s.attitude} 分，服务质量 ${s.quality} 分`
  await openComplaint(
    tx,
    {
      id: a.complaintId,
      number: a.complaintNumber,
      at: a.at,
      customerId: v.customer_id,
      ticketId: ticket?.id ?? null,
      engineerId,
      visitId: v.id,
      complainantName: ticket?.reporter_name || customer?.contacts[0]?.name || '',
      complainantPhone: ticket?.reporter_phone || customer?.contacts[0]?.phone || '',
      channel: 'survey',
      receivedAt: a.at,
      category,
      severity,
      description: `回访不满意（${scores}）${s.comment ? `：${s.comment}` : ''}`,
    },
    ctx,
    v.station_id,
  )
  return { complaintId: a.complaintId, complaintNumber: a.complaintNumber }
}

// ---- 投诉 -------------------------------------------------------------------

export const ComplaintFields = z.object({
  /** The ticket complained about; its customer and engineer are taken from it. */
  ticketId: Id.nullable().default(null),
  customerId: Id.nullable().default(null),
  engineerId: Id.nullable().default(null),
  complainantName: said(40, 'errors.complaint.nameRequired'),
  complainantPhone: text(30).default(''),
  channel: z.enum(COMPLAINT_CHANNELS, { error: 'errors.field.choice' }),
  /** When the customer complained (defaults to now). */
  receivedAt: Instant.optional(),
  category: z.enum(COMPLAINT_CATEGORIES, { error: 'errors.complaint.categoryRequired' }),
  severity: z.enum(COMPLAINT_SEVERITIES, { error: 'errors.field.choice' }),
  description: said(2000, 'errors.complaint.descriptionRequired'),
})
export const ComplaintArgs = ComplaintFields.extend({ id: Id, number: z.string().min(1).max(40), at: Instant })
export type ComplaintArgs = z.output<typeof ComplaintArgs>

/** 投诉登记: recorded the same way whoever takes it; its deadlines follow its severity in working days. */
export async function registerComplaint(tx: Tx, a: ComplaintArgs, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const ticket = a.ticketId ? await tx.get('tickets', a.ticketId) : undefined
  if (a.ticketId && (!ticket || (ticket.station_id !== ctx.stationId && !EVERY_STATION.includes(ctx.role)))) throw ruleError('errors.rule.ticketNotFound')
  const customerId = ticket?.customer_id ?? a.customerId
  if (!customerId) throw ruleError('errors.complaint.customerRequired')
  if (ticket && a.customerId && a.customerId !== ticket.customer_id) throw ruleError('errors.complaint.customerNotOfTicket', { number: ticket.number })
  const receivedAt = a.receivedAt ?? a.at
  if (receivedAt > a.at) throw ruleError('errors.complaint.receivedInFuture')
  // HQ takes complaints for every station: the complaint goes on the register of the customer's station
  const stationId = EVERY_STATION.includes(ctx.role) ? (ticket?.station_id ?? (await tx.get('customers', customerId))?.station_id ?? ctx.stationId) : ctx.stationId
  await openComplaint(tx, { ...a, customerId, ticketId: ticket?.id ?? null, engineerId: a.engineerId ?? ticket?.assignee_id ?? null, visitId: null, receivedAt }, ctx, stationId)
  return { id: a.id, number: a.number }
}

type Opening = Omit<ComplaintArgs, 'ticketId' | 'customerId' | 'engineerId' | 'receivedAt'> & { customerId: string; ticketId: string | null; engineerId: string | null; visitId: string | null; receivedAt: string }

/** A complaint on a station's register (a survey by HQ files it with the station whose customer it is). */
async function openComplaint(tx: Tx, a: Opening, ctx: MutationContext, stationId: string): Promise<void> {
  const customer = await tx.get('customers', a.customerId)
  if (!customer || customer.station_id !== stationId) throw ruleError('errors.rule.customerNotFound')
  if (a.engineerId) {
    const e = await tx.get('users', a.engineerId)
    if (!e || e.station_id !== stationId || e.role !== 'engineer') throw ruleError('errors.parts.engineerRequired')
  }
  const { rules } = await rulesInForce(tx)
  const timezone = await timezoneOf(tx, stationId, rules)
  const { dueOn, hqOn } = complaintDeadlines(localDate(new Date(a.receivedAt), timezone), a.severity, holidaysOf(rules))
  const row: ComplaintRow = {
    id: a.id,
    station_id: stationId,
    number: a.number,
    customer_id: customer.id,
    ticket_id: a.ticketId,
    engineer_id: a.engineerId,
    visit_id: a.visitId,
    complainant_name: a.complainantName,
    complainant_phone: a.complainantPhone,
    channel: a.channel,
    received_at: a.receivedAt,
    category: a.category,
    severity: a.severity,
    description: a.description,
    status: 'registered',
    due_on: dueOn,
    due_at: endOfDay(dueOn, timezone),
    hq_at: endOfDay(hqOn, timezone),
    findings: '',
    resolution: '',
    replied_on: null,
    reaction: null,
    reply_note: '',
    corrective: '',
    preventive: '',
    closed_at: null,
    closed_by: null,
    created_by: ctx.userId,
    updated_at: a.at,
  }
  await tx.put('complaints', row)
  await tx.put('complaint_events', { id: `${a.id}:registered`, complaint_id: a.id, station_id: stationId, at: a.at, kind: 'registered', actor_id: ctx.userId, data: { category: a.category, severity: a.severity, channel: a.channel } })
  if (a.ticketId) {
    await tx.put('ticket_events', { id: `${a.id}:complaint`, ticket_id: a.ticketId, station_id: stationId, at: a.at, kind: 'complaint', actor_id: ctx.userId, data: { complaintId: a.id, number: a.number, category: a.category } })
  }
}

const StepRef = { complaintId: Id }
export const ComplaintStepFields = z.discriminatedUnion(
  'step',
  [
    z.object({ ...StepRef, step: z.literal('investigate'), findings: said(2000, 'errors.complaint.findingsRequired') }),
    z.object({ ...StepRef, step: z.literal('handle'), resolution: said(2000, 'errors.complaint.resolutionRequired') }),
    z.object({ ...StepRef, step: z.literal('reply'), repliedOn: Day, reaction: z.enum(CUSTOMER_REACTIONS, { error: 'errors.complaint.reactionRequired' }), note: text(500).default('') }),
    z.object({ ...StepRef, step: z.literal('rectify'), corrective: said(1000, 'errors.complaint.correctiveRequired'), preventive: said(1000, 'errors.complaint.preventiveRequired') }),
    z.object({ ...StepRef, step: z.literal('close') }),
  ],
  { error: 'errors.field.choice' },
)
export const ComplaintStepArgs = z.intersection(ComplaintStepFields, z.object({ id: Id, at: Instant }))
export type ComplaintStepArgs = z.output<typeof ComplaintStepArgs>

async function stationComplaint(tx: Tx, id: string, ctx: MutationContext): Promise<ComplaintRow> {
  const c = await tx.get('complaints', id)
  if (!c || (c.station_id !== ctx.stationId && !EVERY_STATION.includes(ctx.role))) throw ruleError('errors.complaint.notFound')
  return c
}

/** One step of the complaint's workflow, in order; closing needs the corrective and preventive actions written down. */
export async function advanceComplaint(tx: Tx, a: ComplaintStepArgs, ctx: MutationContext): Promise<{ status: ComplaintRow['status'] }> {
  const c = await stationComplaint(tx, a.complaintId, ctx)
  if (c.status === 'closed') throw ruleError('errors.complaint.closed', { number: c.number })
  if (a.step === 'close' && (!c.corrective || !c.preventive)) throw ruleError('errors.complaint.actionsRequired', { number: c.number })
  const expected = nextStep(c.status)
  if (a.step !== expected) throw ruleError('errors.complaint.stepOrder', { step: expected as ComplaintStep })
  const status = STEP_RESULT[a.step]
  const patch: Partial<ComplaintRow> = { status, updated_at: a.at }
  let data: Record<string, unknown> = {}
  switch (a.step) {
    case 'investigate':
      patch.findings = a.findings
      data = { findings: a.findings }
      break
    case 'handle':
      patch.resolution = a.resolution
      data = { resolution: a.resolution }
      break
    case 'reply': {
      const timezone = await timezoneOf(tx, c.station_id, (await rulesInForce(tx)).rules)
      if (a.repliedOn < localDate(new Date(c.received_at), timezone)) throw ruleError('errors.complaint.replyBeforeReceived')
      if (a.repliedOn > localDate(new Date(a.at), timezone)) throw ruleError('errors.complaint.replyInFuture')
      Object.assign(patch, { replied_on: a.repliedOn, reaction: a.reaction, reply_note: a.note })
      data = { repliedOn: a.repliedOn, reaction: a.reaction, note: a.note }
      break
    }
    case 'rectify':
      Object.assign(patch, { corrective: a.corrective, preventive: a.preventive })
      data = { corrective: a.corrective, preventive: a.preventive }
      break
    case 'close':
      Object.assign(patch, { closed_at: a.at, closed_by: ctx.userId })
      break
  }
  await tx.update('complaints', c.id, patch)
  await tx.put('complaint_events', { id: a.id, complaint_id: c.id, station_id: c.station_id, at: a.at, kind: a.step, actor_id: ctx.userId, data })
  return { status }
}

export const ComplaintNoteFields = z.object({ complaintId: Id, text: said(2000, 'errors.complaint.noteRequired') })
export const ComplaintNoteArgs = ComplaintNoteFields.extend({ id: Id, at: Instant })
/** A text note on the complaint's file (a call, a finding, a document described), at any step. */
export async function noteComplaint(tx: Tx, a: z.output<typeof ComplaintNoteArgs>, ctx: MutationContext): Promise<{ ok: true }> {
  const c = await stationComplaint(tx, a.complaintId, ctx)
  await tx.put('complaint_events', { id: a.id, complaint_id: c.id, station_id: c.station_id, at: a.at, kind: 'note', actor_id: ctx.userId, data: { text: a.text } })
  await tx.update('complaints', c.id, { updated_at: a.at })
  return { ok: true }
}

// ---- 巡检计划 and the schedule ---------------------------------------------------

export const PlanFields = z.object({
  /** Absent: a new plan. */
  planId: Id.optional(),
  customerId: Id,
  contractId: Id.nullable().default(null),
  frequency: z.enum(INSPECTION_FREQUENCIES, { error: 'errors.field.choice' }),
  startsOn: Day,
  endsOn: Day.nullable().default(null),
  note: text(200).default(''),
  active: z.boolean().default(true),
})
export const PlanArgs = PlanFields.extend({ id: Id, number: z.string().min(1).max(40), at: Instant })

/** A contract's inspection plan (seed 001 monthly, seed 003 quarterly); it runs until the contract ends. */
export async function savePlan(tx: Tx, a: z.output<typeof PlanArgs>, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const customer = await tx.get('customers', a.customerId)
  if (!customer || (customer.station_id !== ctx.stationId && !EVERY_STATION.includes(ctx.role))) throw ruleError('errors.rule.customerNotFound')
  const contract = a.contractId ? await tx.get('contracts', a.contractId) : undefined
  if (a.contractId && (!contract || contract.customer_id !== customer.id)) throw ruleError('errors.followUp.contractNotOfCustomer')
  const endsOn = a.endsOn ?? contract?.ends_on ?? null
  if (endsOn && endsOn < a.startsOn) throw ruleError('errors.followUp.planDates')
  const existing = a.planId ? await tx.get('inspection_plans', a.planId) : undefined
  if (a.planId && (!existing || existing.station_id !== customer.station_id)) throw ruleError('errors.followUp.planNotFound')
  const id = existing?.id ?? a.id
  const number = existing?.number ?? a.number
  await tx.put('inspection_plans', {
    id,
    station_id: customer.station_id,
    number,
    customer_id: customer.id,
    contract_id: contract?.id ?? null,
    frequency: a.frequency,
    starts_on: a.startsOn,
    ends_on: endsOn,
    note: a.note,
    active: a.active ? 1 : 0,
    created_by: existing?.created_by ?? ctx.userId,
    created_at: existing?.created_at ?? a.at,
    updated_at: a.at,
  })
  return { id, number }
}

/** The inspection ticket of a plan's period: its id and number follow from the plan, so every desk makes the same one. */
export const inspectionTicketId = (planId: string, period: string) => `${planId}:${period}`
export const keyAccountVisitId = (customerId: string, period: string) => `${customerId}:key:${period}`

export const ScheduleArgs = z.object({ at: Instant })
/**
 * 定期巡检 and 大客户回访 on schedule: today's inspection tickets and this month's key-customer calls that
 * are not yet made. Ids follow from the plan and the period, so running it twice, or at two desks, makes each once.
 */
export async function runSchedule(tx: Tx, a: z.output<typeof ScheduleArgs>, ctx: MutationContext): Promise<{ tickets: number; visits: number }> {
  const { rules } = await rulesInForce(tx)
  const timezone = await timezoneOf(tx, ctx.stationId, rules)
  const today = localDate(new Date(a.at), timezone)
  const holidays = holidaysOf(rules)
  let tickets = 0
  let visits = 0
  for (const plan of await tx.list('inspection_plans', { station_id: ctx.stationId, active: 1 })) {
    const due = inspectionDue({ frequency: plan.frequency, startsOn: plan.starts_on, endsOn: plan.ends_on }, today, holidays)
    if (!due) continue
    const id = inspectionTicketId(plan.id, due.period)
    if (await tx.get('tickets', id)) continue
    const customer = await tx.get('customers', plan.customer_id)
    if (!customer) continue
    const contract = plan.contract_id ? await tx.get('contracts', plan.contract_id) : undefined
    const ticket: TicketRow = {
      id,
      station_id: ctx.stationId,
      number: `${plan.number}-${due.period.replace('-', '')}`,
      customer_id: customer.id,
      asset_id: null,
      contract_id: contract?.id ?? null,
      channel: 'plan',
      reporter_name: customer.contacts[0]?.name ?? '',
      reporter_phone: customer.contacts[0]?.phone ?? '',
      fault_description: `定期巡检（${due.period}，${plan.frequency === 'monthly' ? '每月' : '每季度'}），${due.dueOn} 前完成${plan.note ? `：${plan.note}` : ''}`,
      category: 'other',
      fault_level: 'minor',
      service_mode: 'onsite',
      ...UNASSIGNED,
      departed_at: null,
      created_by: ctx.userId,
      created_at: a.at,
      updated_at: a.at,
      closed_at: null,
      // planned work runs no SLA clocks: its deadline is the plan's, in the description
      rules_version: null,
      service_level: contract?.service_level ?? 'none',
      zone: customer.zone,
      escalation_step: initialStep('onsite'),
      responded_at: a.at,
      arrived_at: null,
      resolved_at: null,
      recheck_due: null,
      warranty: null,
      next_due: null,
    }
    await tx.put('tickets', ticket)
    await tx.put('ticket_events', { id: `${id}:created`, ticket_id: id, station_id: ctx.stationId, at: a.at, kind: 'created', actor_id: ctx.userId, data: { channel: 'plan', planId: plan.id, period: due.period } })
    tickets++
  }
  const call = keyAccountCall(today, holidays)
  for (const c of await tx.list('customers', { station_id: ctx.stationId, key_account: 1 })) {
    const id = keyAccountVisitId(c.id, call.period)
    if (await tx.get('return_visits', id)) continue
    await tx.put('return_visits', visitRow({ id, stationId: ctx.stationId, ticketId: null, customerId: c.id, engineerId: null, kind: 'key_account', period: call.period, dueOn: call.dueOn, dueAt: endOfDay(call.dueOn, timezone), at: a.at }))
    visits++
  }
  return { tickets, visits }
}
