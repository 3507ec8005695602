import { describe, expect, it } from 'vitest'
import { ServiceTime } from '../../shared/domain/calendar'
import { proposeEscalation, initialStep } from '../../shared/domain/escalation'
import { CALENDAR_PRESETS, ESCALATION_PRESET, HOLIDAYS_2026, RULES_PRESET, clocksFor, targetFor } from '../../shared/domain/rules'
import { deadlineAt, readClock, activeMinutes, type ClockFacts } from '../../shared/domain/sla'

const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`)
const local = (ms: number | null) => (ms === null ? null : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '))
const t5x8 = new ServiceTime(CALENDAR_PRESETS['5x8']!, HOLIDAYS_2026, 'Asia/Shanghai')
const t24 = new ServiceTime(CALENDAR_PRESETS['7x24']!, HOLIDAYS_2026, 'Asia/Shanghai')
const facts = (start: string, pauses: [string, string | null][] = [], stopped: string | null = null): ClockFacts => ({
  startedAt: at(start),
  pauses: pauses.map(([f, t]) => ({ from: at(f), to: t ? at(t) : null })),
  stoppedAt: stopped ? at(stopped) : null,
})

describe('deadlines with pauses', () => {
  it.each([
    ['no pause', facts('2026-11-23 09:00'), 240, '2026-11-23 14:00'],
    ['a pause inside service hours moves it by the paused time', facts('2026-11-23 09:00', [['2026-11-23 10:00', '2026-11-23 11:00']]), 240, '2026-11-23 15:00'],
    ['a pause over the night moves it by the service time paused only', facts('2026-11-23 16:00', [['2026-11-23 17:00', '2026-11-24 09:00']]), 240, '2026-11-24 12:00'],
    ['a pause over a weekend', facts('2026-11-20 16:00', [['2026-11-20 17:30', '2026-11-23 10:00']]), 180, '2026-11-23 11:30'],
    ['a pause entirely outside service hours changes nothing', facts('2026-11-20 16:00', [['2026-11-21 10:00', '2026-11-22 10:00']]), 180, '2026-11-23 09:30'],
    ['two pauses', facts('2026-11-23 09:00', [['2026-11-23 09:30', '2026-11-23 10:00'], ['2026-11-23 14:00', '2026-11-23 15:00']]), 300, '2026-11-23 16:30'],
    ['a pause that started before the clock', facts('2026-11-23 09:00', [['2026-11-23 08:00', '2026-11-23 10:00']]), 60, '2026-11-23 11:00'],
    ['a pause after the deadline does not move it', facts('2026-11-23 09:00', [['2026-11-23 15:00', '2026-11-23 16:00']]), 60, '2026-11-23 10:00'],
    ['an open pause before the deadline: no deadline yet', facts('2026-11-23 09:00', [['2026-11-23 10:00', null]]), 240, null],
    ['across 清明 with a pause on the Tuesday', facts('2026-04-03 17:00', [['2026-04-07 09:00', '2026-04-07 10:00']]), 120, '2026-04-07 10:30'],
  ])('%s', (_name, f, minutes, expected) => {
    expect(local(deadlineAt(t5x8, f, minutes))).toBe(expected)
  })
})

describe('clock readings', () => {
  const target = { warn: 120, limit: 240 }
  it.each([
    ['running', facts('2026-11-23 09:00'), '2026-11-23 10:00', 'running', 180],
    ['warning after the target (lunch does not count)', facts('2026-11-23 09:00'), '2026-11-23 12:30', 'warning', 60],
    ['breached after the limit', facts('2026-11-23 09:00'), '2026-11-23 15:00', 'breached', -60],
    ['paused keeps the time left', facts('2026-11-23 09:00', [['2026-11-23 10:00', null]]), '2026-11-24 16:00', 'paused', 180],
    ['met when stopped in time', facts('2026-11-23 09:00', [], '2026-11-23 11:00'), '2026-11-30 09:00', 'met', 120],
    ['breached when stopped late', facts('2026-11-23 09:00', [], '2026-11-23 16:00'), '2026-11-23 16:00', 'breached', -120],
    ['resumed: running again with the paused time given back', facts('2026-11-23 09:00', [['2026-11-23 10:00', '2026-11-23 13:30']]), '2026-11-23 14:00', 'running', 150],
    ['not yet started hours on Saturday', facts('2026-11-21 10:00'), '2026-11-21 20:00', 'running', 240],
  ])('%s', (_name, f, now, state, left) => {
    const r = readClock(t5x8, f, target, at(now))
    expect(r.state).toBe(state)
    expect(r.leftMinutes).toBe(left)
  })

  it('a policy change during a pause keeps the paused time out (the GLPI/Frappe failure)', () => {
    // Started Monday 09:00, paused 10:00–14:00 (3 service hours), then the limit changes from 4 h to 8 h.
    const f = facts('2026-11-23 09:00', [['2026-11-23 10:00', '2026-11-23 14:00']])
    expect(local(deadlineAt(t5x8, f, 240))).toBe('2026-11-23 17:00')
    expect(local(deadlineAt(t5x8, f, 480))).toBe('2026-11-24 11:30')
    expect(activeMinutes(t5x8, f, at('2026-11-23 15:00'))).toBe(120)
  })

  it('a fault level change after a pause re-reads the same facts with the new target', () => {
    const f = facts('2026-11-23 09:00', [['2026-11-23 09:30', '2026-11-23 11:30']])
    const general = targetFor(RULES_PRESET, 'respond', '5x8', 'city', 'general')!
    const critical = targetFor(RULES_PRESET, 'respond', '5x8', 'city', 'critical')!
    expect(readClock(t5x8, f, general, at('2026-11-23 11:40')).leftMinutes).toBe(general.limit - 40)
    expect(readClock(t5x8, f, critical, at('2026-11-23 11:40')).state).toBe('breached')
  })

  it('a 7×24 clock runs through the night and holidays', () => {
    expect(local(deadlineAt(t24, facts('2026-10-01 22:00'), 240))).toBe('2026-10-02 02:00')
  })
})

describe('targets from the policy table', () => {
  it.each([
    ['arrive', '5x8', 'city', 'general', 120, 240],
    ['arrive', '7x24', 'suburb', 'critical', 240, 480],
    ['arrive', 'none', 'county', 'minor', 1440, 2880],
    ['respond', '7x14', 'city', 'general', 20, 30],
    ['respond', '7x14', 'county', 'critical', 5, 10],
    ['resolve', '5x8', 'city', 'major', 180, 240],
    ['resolve', '5x8', 'county', 'general', 2160, 2880],
  ] as const)('%s for %s / %s / %s: warn %d, limit %d', (clock, level, zone, fault, warn, limit) => {
    expect(targetFor(RULES_PRESET, clock, level, zone, fault)).toMatchObject({ warn, limit })
  })

  it('a more specific row wins over a general one', () => {
    const rules = { ...RULES_PRESET, sla: [...RULES_PRESET.sla, { clock: 'arrive' as const, level: '7x24' as const, zone: 'city' as const, fault: '*' as const, warn: 60, limit: 90, source: '测试' }] }
    expect(targetFor(rules, 'arrive', '7x24', 'city', 'general')).toMatchObject({ limit: 90 })
    expect(targetFor(rules, 'arrive', '5x8', 'city', 'general')).toMatchObject({ limit: 240 })
  })

  it.each([
    ['onsite', ['respond', 'arrive', 'resolve']],
    ['phone_support', ['respond', 'resolve']],
    ['remote', ['respond', 'resolve']],
    ['carry_in', ['respond', 'resolve']],
  ] as const)('a %s ticket runs %o', (mode, clocks) => expect(clocksFor(mode)).toEqual(clocks))
})

describe('escalation (seed 003 §5)', () => {
  const resolve = (state: 'running' | 'breached') => ({ state, warnAt: null, dueAt: null, leftMinutes: state === 'breached' ? -10 : 100 })
  it.each([
    ['hotline within its limit', 1, 'general', 100, resolve('running'), null],
    ['hotline past its limit → on site via the manager', 1, 'general', 121, resolve('running'), { toStep: 2, supervisorRole: 'manager' }],
    ['critical hotline past 30 min → on site, reported to HQ', 1, 'critical', 31, resolve('running'), { toStep: 2, supervisorRole: 'hq' }],
    ['on site, resolution breached → expert via the general manager', 2, 'major', 300, resolve('breached'), { toStep: 3, supervisorRole: 'hq' }],
    ['on site, still in time', 2, 'major', 100, resolve('running'), null],
    ['already at the expert step', 3, 'critical', 9999, resolve('breached'), null],
  ] as const)('%s', (_n, step, faultLevel, activeMinutes, r, expected) => {
    const p = proposeEscalation(ESCALATION_PRESET, { step, faultLevel, resolved: false, activeMinutes, resolve: r })
    if (expected === null) expect(p).toBeNull()
    else expect(p).toMatchObject(expected)
  })

  it.each([
    ['phone_support', 1],
    ['remote', 1],
    ['onsite', 2],
    ['carry_in', 2],
  ] as const)('a %s ticket starts at step %d', (mode, step) => expect(initialStep(mode)).toBe(step))
})
