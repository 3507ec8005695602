// 回访与投诉 (issue 8): working days under the holiday notice, when each return visit falls due, the
// complaint's deadlines and escalation, and what a survey's scores say. Seeds 000, 002 §六 §八, 003 §6, 004.
import type { HolidayEntry, HolidayKind } from './calendar'

const DAY_MS = 86_400_000
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The day n calendar days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY_MS)
}

export type HolidayMap = ReadonlyMap<string, HolidayKind>
export const holidayMap = (holidays: readonly HolidayEntry[]): HolidayMap => new Map(holidays.map((h) => [h.date, h.kind]))

/** 工作日: Monday to Friday, except the notice's days off; a 调休 Saturday or Sunday is one. */
export function isWorkingDay(day: string, holidays: HolidayMap): boolean {
  const kind = holidays.get(day)
  if (kind === 'off') return false
  if (kind === 'work') return true
  const weekday = new Date(dayMs(day)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The n-th working day after `day` (the day itself not counted): "within 3 working days" ends that evening. */
export function addWorkingDays(day: string, n: number, holidays: HolidayMap): string {
  let d = day
  // a year of days off in a row would be a broken notice, not a calendar
  for (let left = n, guard = 0; left > 0; guard++) {
    if (guard > 400) throw new RangeError('节假日安排中一年以上没有工作日')
    d = addDays(d, 1)
    if (isWorkingDay(d, holidays)) left--
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: HolidayMap): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) n++
  return n
}

// ---- 回访 -------------------------------------------------------------------

/**
 * level1: the station, within 3 working days of the service (seed 002 §六, §八 (一));
 * level2: HQ's service center by phone within a week (seed 002 §22);
 * recheck: a fix by phone or remote confirmed again within 24 hours (seed 003 b);
 * key_account: a call to a key customer every month (seed 000 轮巡回访, DOMAIN).
 */
export const VISIT_KINDS = ['level1', 'level2', 'recheck', 'key_account'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]
/** Who makes the call: HQ makes the level-2 visits, the station the rest. */
export const visitBy = (kind: VisitKind): 'station' | 'hq' => (kind === 'level2' ? 'hq' : 'station')

export const LEVEL1_WORKING_DAYS = 3
export const LEVEL2_DAYS = 7

export interface DueVisit {
  kind: VisitKind
  /** The last day it may be made (station time). */
  dueOn: string
  /** The instant it runs late: the end of dueOn, or the recheck's hour. */
  dueAt: string
}

/** The visits a finished job owes, from the day it was resolved (station time). */
export function visitsForJob(opts: { resolvedDay: string; resolvedAt: string; byPhone: boolean; recheckHours: number; holidays: HolidayMap; endOfDay: (day: string) => string; dayOf: (instant: string) => string }): DueVisit[] {
  const level1 = addWorkingDays(opts.resolvedDay, LEVEL1_WORKING_DAYS, opts.holidays)
  const level2 = addDays(opts.resolvedDay, LEVEL2_DAYS)
  const visits: DueVisit[] = [
    { kind: 'level1', dueOn: level1, dueAt: opts.endOfDay(level1) },
    { kind: 'level2', dueOn: level2, dueAt: opts.endOfDay(level2) },
  ]
  if (opts.byPhone) {
    const at = new Date(Date.parse(opts.resolvedAt) + opts.recheckHours * 3_600_000).toISOString()
    visits.unshift({ kind: 'recheck', dueOn: opts.dayOf(at), dueAt: at })
  }
  return visits
}

/** A visit's standing on a day: to do, due today, or late. */
export function visitStanding(dueAt: string, now: string, dueOn: string, today: string): 'late' | 'today' | 'upcoming' {
  if (now > dueAt) return 'late'
  return dueOn <= today ? 'today' : 'upcoming'
}

// ---- 满意度调查 ---------------------------------------------------------------

export const SURVEY_ASPECTS = ['timeliness', 'attitude', 'quality'] as const
export type SurveyAspect = (typeof SURVEY_ASPECTS)[number]
export interface SurveyScores {
  overall: number
  timeliness: number
  attitude: number
  quality: number
}
/** 不满意: a 1 or 2 on the five-point scale, overall or on any aspect. */
export const DISSATISFIED_AT_MOST = 2

export function isDissatisfied(s: SurveyScores): boolean {
  return [s.overall, ...SURVEY_ASPECTS.map((a) => s[a])].some((v) => v <= DISSATISFIED_AT_MOST)
}

/** What the complaint a survey opens is about: its lowest aspect (in the form's order), else the work's quality. */
export function complaintOfSurvey(s: SurveyScores): { category: SurveyAspect; severity: ComplaintSeverity } {
  let category: SurveyAspect = 'quality'
  let lowest = DISSATISFIED_AT_MOST + 1
  for (const a of SURVEY_ASPECTS) {
    if (s[a] < lowest) [category, lowest] = [a, s[a]]
  }
  return { category, severity: s.overall <= 1 || lowest <= 1 ? 'major' : 'general' }
}

// ---- 投诉 -------------------------------------------------------------------

/** 客户投诉处理记录表's headings: what the complaint is about. */
export const COMPLAINT_CATEGORIES = ['timeliness', 'attitude', 'quality', 'charges', 'product'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const COMPLAINT_CHANNELS = ['hotline', 'survey', 'visit', 'letter', 'web', 'walk_in'] as const
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]
export const COMPLAINT_SEVERITIES = ['serious', 'major', 'general'] as const
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number]

/**
 * The workflow (seed 000 客户投诉处理服务): 登记 → 调查 → 处理 → 回复客户 → 整改/预防 → 关闭.
 * The status names the last step done.
 */
export const COMPLAINT_STATUSES = ['registered', 'investigated', 'handled', 'replied', 'rectified', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_STEPS = ['investigate', 'handle', 'reply', 'rectify', 'close'] as const
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number]
/** The status each step leaves the complaint in. */
export const STEP_RESULT: Record<ComplaintStep, ComplaintStatus> = { investigate: 'investigated', handle: 'handled', reply: 'replied', rectify: 'rectified', close: 'closed' }

/** The step a complaint waits for, or null once closed. */
export function nextStep(status: ComplaintStatus): ComplaintStep | null {
  const i = COMPLAINT_STATUSES.indexOf(status)
  return COMPLAINT_STEPS[i] ?? null
}

export const CUSTOMER_REACTIONS = ['satisfied', 'accepted', 'dissatisfied'] as const
export type CustomerReaction = (typeof CUSTOMER_REACTIONS)[number]

/**
 * Working days a complaint has to be closed, by severity; when it runs that long again it goes on to HQ.
 * Seed 004 第十条 asks for an answer "带确切时间"; the figures are the service center's own.
 */
export const COMPLAINT_WORKING_DAYS: Record<ComplaintSeverity, number> = { serious: 1, major: 2, general: 5 }

export interface ComplaintDeadlines {
  /** Closed by then, or it goes to the station manager. */
  dueOn: string
  /** Still open by then, and it goes to HQ. */
  hqOn: string
}

export function complaintDeadlines(receivedDay: string, severity: ComplaintSeverity, holidays: HolidayMap): ComplaintDeadlines {
  const n = COMPLAINT_WORKING_DAYS[severity]
  const dueOn = addWorkingDays(receivedDay, n, holidays)
  return { dueOn, hqOn: addWorkingDays(dueOn, n, holidays) }
}

export type EscalatedTo = 'manager' | 'hq'
export interface ComplaintEscalation {
  /** 0: at the station's desk; 1: the station manager; 2: HQ. */
  level: 0 | 1 | 2
  to: EscalatedTo | null
  reason: 'late_response' | 'overdue' | null
  overdue: boolean
}

/**
 * Who must see a complaint: a complaint about a late response goes to the supervisors at once
 * (seed 003 §6); any other goes to the manager when it runs past its deadline and to HQ past the second.
 * A closed complaint is judged at its closing.
 */
export function complaintEscalation(c: { category: ComplaintCategory; dueAt: string; hqAt: string; closedAt: string | null }, now: string): ComplaintEscalation {
  const at = c.closedAt ?? now
  const overdue = at > c.dueAt
  const level = at > c.hqAt ? 2 : overdue || c.category === 'timeliness' ? 1 : 0
  return {
    level,
    to: level === 2 ? 'hq' : level === 1 ? 'manager' : null,
    reason: overdue ? 'overdue' : c.category === 'timeliness' ? 'late_response' : null,
    overdue,
  }
}

// ---- 巡检计划 -----------------------------------------------------------------

/** Seed 001: monthly; seed 003: quarterly. */
export const INSPECTION_FREQUENCIES = ['monthly', 'quarterly'] as const
export type InspectionFrequency = (typeof INSPECTION_FREQUENCIES)[number]

/** The plan's period containing a day: "2026-12" or "2026-Q4". */
export function periodOf(day: string, frequency: InspectionFrequency): string {
  const [y, m] = [day.slice(0, 4), Number(day.slice(5, 7))]
  return frequency === 'monthly' ? `${y}-${day.slice(5, 7)}` : `${y}-Q${Math.ceil(m / 3)}`
}

/** The period's first and last day. */
export function periodBounds(period: string): { from: string; to: string } {
  const y = Number(period.slice(0, 4))
  const q = /^\d{4}-Q([1-4])$/.exec(period)
  const [first, months] = q ? [(Number(q[1]) - 1) * 3 + 1, 3] : [Number(period.slice(5, 7)), 1]
  const from = `${y}-${String(first).padStart(2, '0')}-01`
  const next = first + months > 12 ? `${y + 1}-01-01` : `${y}-${String(first + months).padStart(2, '0')}-01`
  return { from, to: addDays(next, -1) }
}

/**
 * The inspection a plan owes today, if any: one per period from its start to its end, made on the
 * period's first working day (or the plan's first day, if later) and due by the period's last working day.
 */
export function inspectionDue(plan: { frequency: InspectionFrequency; startsOn: string; endsOn: string | null }, today: string, holidays: HolidayMap): { period: string; dueOn: string } | null {
  if (today < plan.startsOn || (plan.endsOn && today > plan.endsOn)) return null
  const period = periodOf(today, plan.frequency)
  const { from, to } = periodBounds(period)
  let opens = from < plan.startsOn ? plan.startsOn : from
  while (!isWorkingDay(opens, holidays) && opens < to) opens = addDays(opens, 1)
  if (today < opens) return null
  let dueOn = plan.endsOn && plan.endsOn < to ? plan.endsOn : to
  while (!isWorkingDay(dueOn, holidays) && dueOn > opens) dueOn = addDays(dueOn, -1)
  return { period, dueOn }
}

/** 大客户: the month's call, due by the month's last working day. */
export function keyAccountCall(today: string, holidays: HolidayMap): { period: string; dueOn: string } {
  const period = periodOf(today, 'monthly')
  let dueOn = periodBounds(period).to
  while (!isWorkingDay(dueOn, holidays) && dueOn > today) dueOn = addDays(dueOn, -1)
  return { period, dueOn }
}

// ---- 工作报表 -----------------------------------------------------------------

/**
 * 客服工作报表 (seed 002 §八): sent to the branch every Monday and Thursday before 10:00. Monday's covers
 * Thursday to Sunday, Thursday's Monday to Wednesday; for any other day, the report last due.
 */
export function reportPeriod(day: string): { dueOn: string; from: string; to: string } {
  const weekday = new Date(dayMs(day)).getUTCDay()
  // days back to the last Monday (1) or Thursday (4), today included
  const back = weekday >= 4 ? weekday - 4 : weekday >= 1 ? weekday - 1 : 3
  const dueOn = addDays(day, -back)
  const dueWeekday = new Date(dayMs(dueOn)).getUTCDay()
  const from = addDays(dueOn, dueWeekday === 1 ? -4 : -3)
  return { dueOn, from, to: addDays(dueOn, -1) }
}

/** The messages a histogram bucket's label is made of, in the reader's language (the renderer's i18next, the desk's catalog). */
export type BucketText = (key: 'reports.span.minutes' | 'reports.span.hours' | 'reports.span.days' | 'reports.bucket.upTo' | 'reports.bucket.over' | 'reports.bucket.all', params?: { n?: number; span?: string }) => string

function spanText(t: BucketText, n: number, unit: 'minutes' | 'days'): string {
  if (unit === 'minutes' && n >= 60 && n % 60 === 0) return t('reports.span.hours', { n: n / 60 })
  return t(`reports.span.${unit}`, { n })
}

/** "30 分钟内" … "超过 4 小时": the last bucket (upTo null) is what lies over the one before it. */
export function bucketLabel(t: BucketText, buckets: readonly { upTo: number | null }[], i: number, unit: 'minutes' | 'days'): string {
  const upTo = buckets[i]!.upTo
  if (upTo !== null) return t('reports.bucket.upTo', { span: spanText(t, upTo, unit) })
  const before = buckets[i - 1]?.upTo
  return before === undefined || before === null ? t('reports.bucket.all') : t('reports.bucket.over', { span: spanText(t, before, unit) })
}
