// The service rules as one versioned document of data: calendars and holidays, SLA targets,
// escalation, warranty and 三包. Presets come from the seeds; managers edit them in 设置.
import { ServiceTime, type CalendarDef, type HolidayEntry, type Window } from './calendar'
import type { FaultLevel, ServiceLevel, ServiceMode, Zone } from './enums'
import type { ClockName, Target } from './sla'
import type { WarrantyRules } from './warranty'
import { WARRANTY_PRESET } from './warranty'

export type ContractLevel = ServiceLevel | 'none'

export interface SlaRow {
  /** '*' matches any; the most specific row wins. */
  level: ContractLevel | '*'
  zone: Zone | '*'
  fault: FaultLevel | '*'
  clock: ClockName
  warn: number
  limit: number
  /** Where the figure comes from (a seed, or who changed it). */
  source: string
}

export type SupervisorRole = 'manager' | 'hq'

export interface EscalationRules {
  /** Service minutes the hotline (step 1) has before an engineer must go on site (step 2). */
  hotlineLimit: Record<FaultLevel, number>
  /** Who gets the fault report at each step, by fault level (seed 003 §5–6). */
  supervisors: { onsite: Record<FaultLevel, SupervisorRole>; expert: Record<FaultLevel, SupervisorRole> }
}

export interface ServiceRules {
  timezone: string
  calendars: Record<string, CalendarDef>
  /** Which calendar a contract level runs on ('none' = no contract: 应急式服务). */
  levelCalendar: Record<ContractLevel, string>
  holidays: HolidayEntry[]
  sla: SlaRow[]
  escalation: EscalationRules
  /** A phone fix is re-confirmed with the customer within this many hours (seed 003 b). */
  phoneFixRecheckHours: number
  warranty: WarrantyRules
}

const h = (hours: number) => Math.round(hours * 60)
const workday = (...w: Window[]) => w
const CLOSED: Window[] = []
const every = (w: Window[]) => [w, w, w, w, w, w, w]

export const CALENDAR_PRESETS: Record<string, CalendarDef> = {
  '7x24': { id: '7x24', name: '7×24（全天候）', week: every([[0, 1440]]), observesHolidays: false, makeUpDay: [[0, 1440]] },
  '7x14': { id: '7x14', name: '7×14（每天 8:00–22:00，种子 000）', week: every([[480, 1320]]), observesHolidays: false, makeUpDay: [[480, 1320]] },
  '5x8': {
    id: '5x8',
    name: '5×8（周一至周五 8:30–12:00、13:00–18:00，种子 004）',
    week: [CLOSED, ...Array.from({ length: 5 }, () => workday([510, 720], [780, 1080])), CLOSED],
    observesHolidays: true,
    makeUpDay: [
      [510, 720],
      [780, 1080],
    ],
  },
  '5x8-long': {
    id: '5x8-long',
    name: '5×8（周一至周五 9:30–19:30，种子 001）',
    week: [CLOSED, ...Array.from({ length: 5 }, () => workday([570, 1170])), CLOSED],
    observesHolidays: true,
    makeUpDay: [[570, 1170]],
  },
}

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). Later years: import the year's notice as CSV. */
export const HOLIDAYS_2026: HolidayEntry[] = [
  ...days('2026-01-01', 3, '元旦'),
  { date: '2026-01-04', kind: 'work', name: '元旦调休上班' },
  { date: '2026-02-14', kind: 'work', name: '春节调休上班' },
  ...days('2026-02-15', 9, '春节'),
  { date: '2026-02-28', kind: 'work', name: '春节调休上班' },
  ...days('2026-04-04', 3, '清明节'),
  ...days('2026-05-01', 5, '劳动节'),
  { date: '2026-05-09', kind: 'work', name: '劳动节调休上班' },
  ...days('2026-06-19', 3, '端午节'),
  { date: '2026-09-20', kind: 'work', name: '国庆节调休上班' },
  ...days('2026-09-25', 3, '中秋节'),
  ...days('2026-10-01', 7, '国庆节'),
  { date: '2026-10-10', kind: 'work', name: '国庆节调休上班' },
]

function days(first: string, n: number, name: string): HolidayEntry[] {
  const start = Date.parse(`${first}T00:00:00Z`)
  return Array.from({ length: n }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), kind: 'off' as const, name }))
}

const row = (clock: ClockName, level: SlaRow['level'], zone: SlaRow['zone'], fault: SlaRow['fault'], warn: number, limit: number, source: string): SlaRow => ({
  clock,
  level,
  zone,
  fault,
  warn,
  limit,
  source,
})

export const SLA_PRESET: SlaRow[] = [
  // First response: 30 minutes (seed 001), 10 minutes for critical and major faults (seed 001 "响应时间10分钟").
  row('respond', '*', '*', '*', 20, 30, '种子 001'),
  row('respond', '*', '*', 'critical', 5, 10, '种子 001'),
  row('respond', '*', '*', 'major', 5, 10, '种子 001'),
  // Arrival on site by zone: target (warning) and "特殊情况" limit (seed 000, Kunming).
  row('arrive', '*', 'city', '*', h(2), h(4), '种子 000'),
  row('arrive', '*', 'suburb', '*', h(4), h(8), '种子 000'),
  row('arrive', '*', 'county', '*', h(24), h(48), '种子 000'),
  // Resolution by zone (seed 002: city 4 h, outside the city 24 h, county without a station 48 h).
  row('resolve', '*', 'city', '*', h(3), h(4), '种子 002'),
  row('resolve', '*', 'suburb', '*', h(18), h(24), '种子 002'),
  row('resolve', '*', 'county', '*', h(36), h(48), '种子 002'),
]

export const ESCALATION_PRESET: EscalationRules = {
  hotlineLimit: { critical: 30, major: 60, general: h(2), minor: h(4) },
  supervisors: {
    onsite: { critical: 'hq', major: 'manager', general: 'manager', minor: 'manager' },
    expert: { critical: 'hq', major: 'hq', general: 'hq', minor: 'hq' },
  },
}

export const RULES_PRESET: ServiceRules = {
  timezone: 'Asia/Shanghai',
  calendars: CALENDAR_PRESETS,
  levelCalendar: { '5x8': '5x8', '7x14': '7x14', '7x24': '7x24', none: '5x8' },
  holidays: HOLIDAYS_2026,
  sla: SLA_PRESET,
  escalation: ESCALATION_PRESET,
  phoneFixRecheckHours: 24,
  warranty: WARRANTY_PRESET,
}

/** The clocks a ticket runs: arrival only when someone goes on site. */
export function clocksFor(mode: ServiceMode): ClockName[] {
  return mode === 'onsite' ? ['respond', 'arrive', 'resolve'] : ['respond', 'resolve']
}

/** The target of a clock: the most specific matching row (level, then zone, then fault level break ties in that order). */
export function targetFor(rules: ServiceRules, clock: ClockName, level: ContractLevel, zone: Zone, fault: FaultLevel): (Target & { source: string }) | null {
  let best: SlaRow | null = null
  let bestScore = -1
  for (const r of rules.sla) {
    if (r.clock !== clock) continue
    if ((r.level !== '*' && r.level !== level) || (r.zone !== '*' && r.zone !== zone) || (r.fault !== '*' && r.fault !== fault)) continue
    const score = (r.level !== '*' ? 4 : 0) + (r.zone !== '*' ? 2 : 0) + (r.fault !== '*' ? 1 : 0)
    if (score > bestScore) [best, bestScore] = [r, score]
  }
  return best ? { warn: best.warn, limit: best.limit, source: best.source } : null
}

const serviceTimes = new WeakMap<ServiceRules, Map<string, ServiceTime>>()

/** The service-time index of a contract level under these rules (built once per rules object, then shared). */
export function serviceTimeFor(rules: ServiceRules, level: ContractLevel): ServiceTime {
  const calendarId = rules.levelCalendar[level]
  let byCalendar = serviceTimes.get(rules)
  if (!byCalendar) serviceTimes.set(rules, (byCalendar = new Map()))
  let time = byCalendar.get(calendarId)
  if (!time) {
    const calendar = rules.calendars[calendarId]
    if (!calendar) throw new Error(`no calendar ${calendarId}`)
    time = new ServiceTime(calendar, rules.holidays, rules.timezone)
    byCalendar.set(calendarId, time)
  }
  return time
}
