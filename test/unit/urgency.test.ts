// The board reads 10,000 tickets' clocks at once through runningUrgency; it must pick exactly what the
// 工单 list shows (mostUrgent over readTicketClocks), among the clocks still running.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FAULT_LEVELS, SERVICE_MODES, ZONES } from '../../shared/domain/enums'
import { RULES_PRESET } from '../../shared/domain/rules'
import { mostUrgent, readTicketClocks, runningUrgency, type TicketFacts } from '../../shared/domain/ticketClocks'

const NOW = Date.parse('2026-11-20T02:30:00Z')
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

// a ticket made in the last three days, maybe responded and arrived, with up to two pauses (the last maybe open)
const facts: fc.Arbitrary<TicketFacts> = fc
  .record({
    age: fc.integer({ min: 1, max: 3 * 1440 }),
    mode: fc.constantFrom(...SERVICE_MODES),
    level: fc.constantFrom('5x8', '7x14', '7x24', 'none' as const),
    zone: fc.constantFrom(...ZONES),
    fault: fc.constantFrom(...FAULT_LEVELS),
    responded: fc.option(fc.integer({ min: 0, max: 600 })),
    arrived: fc.option(fc.integer({ min: 0, max: 1200 })),
    pauses: fc.array(fc.record({ after: fc.integer({ min: 0, max: 2000 }), minutes: fc.option(fc.integer({ min: 1, max: 900 })) }), { maxLength: 2 }),
  })
  .map((f) => {
    const created = NOW - f.age * MIN
    const at = (m: number | null) => (m === null || created + m * MIN > NOW ? null : iso(created + m * MIN))
    const pauses = f.pauses
      .map((p, i) => ({ fromAt: created + p.after * MIN, toAt: p.minutes === null || i < f.pauses.length - 1 ? (p.minutes ?? 30) : p.minutes }))
      .filter((p) => p.fromAt <= NOW)
      .map((p) => ({ fromAt: iso(p.fromAt), toAt: p.toAt === null ? null : iso(p.fromAt + p.toAt * MIN) }))
    return { createdAt: iso(created), serviceMode: f.mode, serviceLevel: f.level, zone: f.zone, faultLevel: f.fault, respondedAt: at(f.responded), arrivedAt: at(f.arrived), resolvedAt: null, pauses }
  })

describe('runningUrgency (the board’s fast path)', () => {
  it('picks the clock the 工单 list shows, with its state and deadline, and the running arrival deadline', () => {
    fc.assert(
      fc.property(facts, (t) => {
        const views = readTicketClocks(RULES_PRESET, t, NOW)
        const list = mostUrgent(views)
        const fast = runningUrgency(RULES_PRESET, t, NOW)
        if (!list || list.stopped) expect(fast.clock).toBeNull()
        else expect({ clock: fast.clock, state: fast.state, dueAt: fast.dueAt === null ? null : iso(fast.dueAt) }).toEqual({ clock: list.clock, state: list.state, dueAt: list.dueAt })
        const arrive = views.find((v) => v.clock === 'arrive' && !v.stopped)
        expect(fast.arrivalDue === null ? null : iso(fast.arrivalDue)).toBe(arrive?.dueAt ?? null)
      }),
      { numRuns: 2000 },
    )
  })
})
