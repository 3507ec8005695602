import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  complaintDeadlines,
  complaintEscalation,
  complaintOfSurvey,
  holidayMap,
  inspectionDue,
  isDissatisfied,
  isWorkingDay,
  keyAccountCall,
  nextStep,
  periodBounds,
  periodOf,
  reportPeriod,
  visitsForJob,
  workingDaysBetween,
} from '../../shared/domain/followUp'
import { HOLIDAYS_2026 } from '../../shared/domain/rules'
import { endOfDay } from '../../shared/mutators/followUp'
import { localDate } from '../../shared/domain/time'

const H = holidayMap(HOLIDAYS_2026)
const TZ = 'Asia/Shanghai'

describe('working days under the 2026 holiday notice', () => {
  it.each([
    ['2026-11-20', true], // Friday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-10-01', false], // 国庆
    ['2026-10-07', false],
    ['2026-10-10', true], // Saturday, 国庆调休上班
    ['2026-09-20', true], // Sunday, 国庆调休上班
    ['2026-02-14', true], // Saturday, 春节调休上班
    ['2026-02-16', false], // Monday in 春节
    ['2026-01-04', true], // Sunday, 元旦调休上班
    ['2026-06-19', false], // Friday, 端午
  ])('%s is a working day: %s', (day, working) => {
    expect(isWorkingDay(day, H)).toBe(working)
  })

  it.each([
    // the level-1 visit: 3 working days after the day of service
    ['2026-11-18', 3, '2026-11-23'], // Wednesday → Monday over the weekend
    ['2026-11-20', 3, '2026-11-25'], // Friday → Wednesday
    ['2026-11-21', 3, '2026-11-25'], // done on a Saturday: Mon, Tue, Wed
    ['2026-09-29', 3, '2026-10-09'], // across 中秋 and 国庆: 9-30, then 10-08, 10-09
    ['2026-10-08', 3, '2026-10-12'], // Saturday 10-10 is a 调休 working day: 10-09, 10-10, 10-12
    ['2026-09-18', 1, '2026-09-20'], // Sunday 9-20 works
    ['2026-02-12', 3, '2026-02-24'], // 2-13, the 调休 Saturday 2-14, then after 春节 2-24
    ['2026-12-30', 3, '2027-01-04'], // a year not in the notice: plain weekdays
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %i working days = %s', (day, n, due) => {
    expect(addWorkingDays(day, n, H)).toBe(due)
  })

  it('counts the working days between two days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12', H)).toBe(4) // 10-08, 10-09, 10-10, 10-12
    expect(workingDaysBetween('2026-11-20', '2026-11-20', H)).toBe(0)
    expect(workingDaysBetween('2026-11-23', '2026-11-20', H)).toBe(0)
  })
})

describe('the visits a finished job owes', () => {
  const plan = (resolvedAt: string, byPhone: boolean) =>
    visitsForJob({ resolvedDay: resolvedAt.slice(0, 10), resolvedAt, byPhone, recheckHours: 24, holidays: H, endOfDay: (d) => endOfDay(d, TZ), dayOf: (i) => localDate(new Date(i), TZ) })

  it('an on-site job: level 1 by the station within 3 working days, level 2 by HQ within a week', () => {
    expect(plan('2026-11-20T03:00:00.000Z', false)).toEqual([
      { kind: 'level1', dueOn: '2026-11-25', dueAt: '2026-11-25T16:00:00.000Z' },
      { kind: 'level2', dueOn: '2026-11-27', dueAt: '2026-11-27T16:00:00.000Z' },
    ])
  })

  it('a phone fix is confirmed again within 24 hours as well', () => {
    expect(plan('2026-11-20T03:00:00.000Z', true)[0]).toEqual({ kind: 'recheck', dueOn: '2026-11-21', dueAt: '2026-11-21T03:00:00.000Z' })
    // resolved at 00:30 in Kunming: the re-check is due on the local day after, not the UTC one
    expect(plan('2026-11-20T16:30:00.000Z', true)[0]).toMatchObject({ dueOn: '2026-11-22', dueAt: '2026-11-21T16:30:00.000Z' })
  })

  it('a job done before 国庆 has its level-1 visit after the holiday, on the 调休 Saturday', () => {
    expect(plan('2026-09-30T02:00:00.000Z', false)[0]!.dueOn).toBe('2026-10-10') // 10-08, 10-09, 10-10
  })

  it('a day ends at the station\'s midnight', () => {
    expect(endOfDay('2026-11-25', TZ)).toBe('2026-11-25T16:00:00.000Z')
    expect(endOfDay('2026-12-31', TZ)).toBe('2026-12-31T16:00:00.000Z')
  })
})

describe('surveys', () => {
  it.each([
    [{ overall: 5, timeliness: 5, attitude: 5, quality: 5 }, false, null],
    [{ overall: 3, timeliness: 3, attitude: 3, quality: 3 }, false, null],
    [{ overall: 2, timeliness: 4, attitude: 4, quality: 4 }, true, { category: 'quality', severity: 'general' }],
    [{ overall: 4, timeliness: 2, attitude: 4, quality: 4 }, true, { category: 'timeliness', severity: 'general' }],
    [{ overall: 3, timeliness: 3, attitude: 1, quality: 2 }, true, { category: 'attitude', severity: 'major' }],
    [{ overall: 1, timeliness: 3, attitude: 3, quality: 3 }, true, { category: 'quality', severity: 'major' }],
  ] as const)('%o dissatisfied: %s', (scores, unhappy, complaint) => {
    expect(isDissatisfied(scores)).toBe(unhappy)
    if (complaint) expect(complaintOfSurvey(scores)).toEqual(complaint)
  })
})

describe('complaint deadlines and escalation', () => {
  it.each([
    ['2026-11-20', 'serious', '2026-11-23', '2026-11-24'], // Friday: next working day Monday, then HQ Tuesday
    ['2026-11-20', 'major', '2026-11-24', '2026-11-26'],
    ['2026-11-20', 'general', '2026-11-27', '2026-12-04'],
    ['2026-09-30', 'serious', '2026-10-08', '2026-10-09'], // over 国庆
    ['2026-10-09', 'major', '2026-10-12', '2026-10-14'], // the 调休 Saturday 10-10 counts
  ] as const)('received %s, %s: due %s, to HQ after %s', (day, severity, dueOn, hqOn) => {
    expect(complaintDeadlines(day, severity, H)).toEqual({ dueOn, hqOn })
  })

  const c = { category: 'attitude' as const, dueAt: '2026-11-23T16:00:00.000Z', hqAt: '2026-11-24T16:00:00.000Z', closedAt: null }
  it.each([
    ['on time', c, '2026-11-23T10:00:00.000Z', { level: 0, to: null, reason: null, overdue: false }],
    ['past its deadline: the station manager', c, '2026-11-24T01:00:00.000Z', { level: 1, to: 'manager', reason: 'overdue', overdue: true }],
    ['past the second deadline: HQ', c, '2026-11-25T01:00:00.000Z', { level: 2, to: 'hq', reason: 'overdue', overdue: true }],
    ['about a late response: the supervisors at once', { ...c, category: 'timeliness' as const }, '2026-11-20T03:00:00.000Z', { level: 1, to: 'manager', reason: 'late_response', overdue: false }],
    ['closed in time stays where it was', { ...c, closedAt: '2026-11-23T09:00:00.000Z' }, '2026-12-30T00:00:00.000Z', { level: 0, to: null, reason: null, overdue: false }],
    ['closed late is judged at its closing', { ...c, closedAt: '2026-11-24T09:00:00.000Z' }, '2026-12-30T00:00:00.000Z', { level: 1, to: 'manager', reason: 'overdue', overdue: true }],
  ] as const)('%s', (_, complaint, now, expected) => {
    expect(complaintEscalation(complaint, now)).toEqual(expected)
  })

  it('the workflow runs 登记 → 调查 → 处理 → 回复客户 → 整改/预防 → 关闭', () => {
    expect(['registered', 'investigated', 'handled', 'replied', 'rectified', 'closed'].map((s) => nextStep(s as never))).toEqual(['investigate', 'handle', 'reply', 'rectify', 'close', null])
  })
})

describe('inspection plans and key-customer calls', () => {
  it.each([
    ['2026-12-03', 'monthly', '2026-12'],
    ['2026-12-03', 'quarterly', '2026-Q4'],
    ['2026-01-01', 'quarterly', '2026-Q1'],
    ['2026-06-30', 'quarterly', '2026-Q2'],
  ] as const)('%s is in period %s → %s', (day, f, period) => {
    expect(periodOf(day, f)).toBe(period)
  })

  it('bounds a period', () => {
    expect(periodBounds('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(periodBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  const quarterly = { frequency: 'quarterly' as const, startsOn: '2026-01-01', endsOn: '2026-12-31' }
  it.each([
    ['2026-10-01', quarterly, null], // 国庆: the period opens on its first working day
    ['2026-10-08', quarterly, { period: '2026-Q4', dueOn: '2026-12-31' }],
    ['2026-12-03', { ...quarterly, frequency: 'monthly' as const }, { period: '2026-12', dueOn: '2026-12-31' }],
    ['2026-12-03', { ...quarterly, endsOn: '2026-12-15' }, { period: '2026-Q4', dueOn: '2026-12-15' }], // the contract ends first
    ['2027-01-04', quarterly, null], // after the contract
    ['2026-11-21', { ...quarterly, frequency: 'monthly' as const, startsOn: '2026-11-21' }, null], // starts on a Saturday: made Monday
    ['2026-11-23', { ...quarterly, frequency: 'monthly' as const, startsOn: '2026-11-21' }, { period: '2026-11', dueOn: '2026-11-30' }],
  ] as const)('on %s a plan %o owes %o', (today, plan, owed) => {
    expect(inspectionDue(plan, today, H)).toEqual(owed)
  })

  it('a key customer is called every month, by its last working day', () => {
    expect(keyAccountCall('2026-10-08', H)).toEqual({ period: '2026-10', dueOn: '2026-10-30' }) // 10-31 is a Saturday
    expect(keyAccountCall('2026-12-03', H)).toEqual({ period: '2026-12', dueOn: '2026-12-31' })
  })
})

describe('the Monday and Thursday report', () => {
  it.each([
    ['2026-11-30', { dueOn: '2026-11-30', from: '2026-11-26', to: '2026-11-29' }], // Monday: Thursday to Sunday
    ['2026-12-03', { dueOn: '2026-12-03', from: '2026-11-30', to: '2026-12-02' }], // Thursday: Monday to Wednesday
    ['2026-12-02', { dueOn: '2026-11-30', from: '2026-11-26', to: '2026-11-29' }], // Wednesday: Monday's is the last due
    ['2026-12-06', { dueOn: '2026-12-03', from: '2026-11-30', to: '2026-12-02' }], // Sunday: Thursday's
    ['2026-12-05', { dueOn: '2026-12-03', from: '2026-11-30', to: '2026-12-02' }],
  ])('on %s', (day, period) => {
    expect(reportPeriod(day)).toEqual(period)
  })
})
