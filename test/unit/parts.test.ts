// 备件 rules (shared/domain/parts.ts): the legs of each ledger movement, stock that never goes below
// zero, and the monthly reconciliation (opening + movements = expected; each difference explained).
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../shared/api/errors'
import { applyLegs, balanceKey, checkSignable, isKeptTooLong, legsOf, nextMonth, reconcile, type LedgerEntry, type MovementInput } from '../../shared/domain/parts'

const names: Record<string, string> = { hdd: '硬盘 ST500', hdd2: '硬盘 ST1000', kb: '键盘 K120' }
const partName = (id: string) => names[id] ?? id

function refusal(run: () => unknown): { key: string; message: string } {
  try {
    run()
  } catch (e) {
    if (e instanceof DeskError) return { key: e.body.key, message: e.body.message }
    throw e
  }
  throw new Error('not refused')
}

describe('legsOf: each movement takes from one balance and puts into another', () => {
  const cases: [string, MovementInput, [string, string | null, number][]][] = [
    ['入库 to the shelf', { kind: 'receive', partId: 'hdd', qty: 3 }, [['shelf', null, 3]]],
    ['申领: shelf → engineer', { kind: 'issue', partId: 'hdd', qty: 2, engineerId: 'e1' }, [['shelf', null, -2], ['engineer', 'e1', 2]]],
    ['退库 good: engineer → shelf', { kind: 'return_good', partId: 'hdd', qty: 1, engineerId: 'e1' }, [['engineer', 'e1', -1], ['shelf', null, 1]]],
    ['更换: his good part out, the bad one in', { kind: 'swap', partId: 'hdd', qty: 1, engineerId: 'e1' }, [['engineer', 'e1', -1], ['bad', null, 1]]],
    ['坏件装箱: bad → transit', { kind: 'ship_bad', partId: 'hdd', qty: 4 }, [['bad', null, -4], ['transit', null, 4]]],
    ['仓库签收: transit → gone', { kind: 'warehouse_receipt', partId: 'hdd', qty: 4 }, [['transit', null, -4]]],
    ['替代机 out to the ticket', { kind: 'loan_out', partId: 'mon', qty: 1, ticketId: 't1' }, [['shelf', null, -1], ['loaned', 't1', 1]]],
    ['替代机 back', { kind: 'loan_back', partId: 'mon', qty: 1, ticketId: 't1' }, [['loaned', 't1', -1], ['shelf', null, 1]]],
    ['调整 down on the shelf', { kind: 'adjust', partId: 'kb', qty: -1, place: 'shelf' }, [['shelf', null, -1]]],
    ['调整 of an engineer’s holding', { kind: 'adjust', partId: 'kb', qty: 1, place: 'engineer', holderId: 'e2' }, [['engineer', 'e2', 1]]],
  ]
  it.each(cases)('%s', (_, input, legs) => {
    expect(legsOf(input).map((l) => [l.place, l.holderId, l.delta])).toEqual(legs)
  })

  it('books a substitute’s bad part under its own number', () => {
    expect(legsOf({ kind: 'swap', partId: 'hdd2', badPartId: 'hdd', qty: 1, engineerId: 'e1' })).toEqual([
      { partId: 'hdd2', place: 'engineer', holderId: 'e1', delta: -1 },
      { partId: 'hdd', place: 'bad', holderId: null, delta: 1 },
    ])
  })

  const refused: [string, MovementInput, string][] = [
    ['a quantity of 0', { kind: 'receive', partId: 'hdd', qty: 0 }, 'errors.parts.qty'],
    ['a fraction', { kind: 'receive', partId: 'hdd', qty: 1.5 }, 'errors.parts.qty'],
    ['a negative issue', { kind: 'issue', partId: 'hdd', qty: -1, engineerId: 'e1' }, 'errors.parts.qty'],
    ['an issue to nobody', { kind: 'issue', partId: 'hdd', qty: 1 }, 'errors.parts.engineerRequired'],
    ['a loaner to no ticket', { kind: 'loan_out', partId: 'mon', qty: 1 }, 'errors.parts.ticketRequired'],
    ['an adjustment of nobody’s holding', { kind: 'adjust', partId: 'kb', qty: 1, place: 'engineer' }, 'errors.parts.engineerRequired'],
  ]
  it.each(refused)('refuses %s', (_, input, key) => {
    expect(refusal(() => legsOf(input)).key).toBe(key)
  })
})

describe('applyLegs: stock never goes below zero', () => {
  it('moves the balances and leaves the old map as it was', () => {
    const before = new Map([[balanceKey('hdd', 'shelf', null), 2]])
    const after = applyLegs(before, legsOf({ kind: 'issue', partId: 'hdd', qty: 2, engineerId: 'e1' }), partName)
    expect(after.get(balanceKey('hdd', 'shelf', null))).toBe(0)
    expect(after.get(balanceKey('hdd', 'engineer', 'e1'))).toBe(2)
    expect(before.get(balanceKey('hdd', 'shelf', null))).toBe(2)
  })

  it('refuses to issue more than the shelf holds, in Chinese, naming the part and the place', () => {
    const r = refusal(() => applyLegs(new Map([[balanceKey('hdd', 'shelf', null), 1]]), legsOf({ kind: 'issue', partId: 'hdd', qty: 2, engineerId: 'e1' }), partName))
    expect(r).toEqual({ key: 'errors.parts.negative', message: '库存不足：硬盘 ST500（在库好件）现有 1 件，不能再出 2 件' })
  })

  it('refuses a swap by an engineer who holds none of that part', () => {
    const r = refusal(() => applyLegs(new Map(), legsOf({ kind: 'swap', partId: 'kb', qty: 1, engineerId: 'e1' }), partName))
    expect(r.message).toBe('库存不足：键盘 K120（工程师领用）现有 0 件，不能再出 1 件')
  })
})

describe('reconcile: opening + movements = expected closing, per part, place and holder', () => {
  // March's stock, then a month of April's mixed movements, and one entry in May that April must not see
  const entries: LedgerEntry[] = [
    { month: '2026-03', legs: legsOf({ kind: 'receive', partId: 'hdd', qty: 5 }) },
    { month: '2026-03', legs: legsOf({ kind: 'receive', partId: 'kb', qty: 10 }) },
    { month: '2026-03', legs: legsOf({ kind: 'issue', partId: 'kb', qty: 2, engineerId: 'e1' }) },
    { month: '2026-04', legs: legsOf({ kind: 'receive', partId: 'hdd', qty: 3 }) },
    { month: '2026-04', legs: legsOf({ kind: 'issue', partId: 'hdd', qty: 2, engineerId: 'e1' }) },
    { month: '2026-04', legs: legsOf({ kind: 'swap', partId: 'hdd', qty: 1, engineerId: 'e1' }) },
    { month: '2026-04', legs: legsOf({ kind: 'return_good', partId: 'hdd', qty: 1, engineerId: 'e1' }) },
    { month: '2026-04', legs: legsOf({ kind: 'swap', partId: 'kb', qty: 1, engineerId: 'e1' }) },
    { month: '2026-04', legs: legsOf({ kind: 'ship_bad', partId: 'kb', qty: 1 }) },
    { month: '2026-04', legs: legsOf({ kind: 'adjust', partId: 'kb', qty: -1, place: 'shelf' }) },
    { month: '2026-05', legs: legsOf({ kind: 'receive', partId: 'hdd', qty: 100 }) },
  ]
  const expected = (lines: ReturnType<typeof reconcile>) => Object.fromEntries(lines.map((l) => [`${l.partId} ${l.place} ${l.holderId ?? ''}`.trim(), [l.opening, l.received, l.sent, l.expected]]))

  it('puts the month together from its opening balances and its own movements only', () => {
    expect(expected(reconcile(entries, '2026-04', []))).toEqual({
      'hdd shelf': [5, 4, 2, 7],
      'hdd engineer e1': [0, 2, 2, 0],
      'hdd bad': [0, 1, 0, 1],
      'kb shelf': [8, 0, 1, 7],
      'kb engineer e1': [2, 0, 1, 1],
      'kb bad': [0, 1, 1, 0],
      'kb transit': [0, 1, 0, 1],
    })
  })

  it('a month counted as the books say reconciles to zero difference and can be signed', () => {
    const lines = reconcile(entries, '2026-04', [])
    const counted = reconcile(entries, '2026-04', lines.map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: l.expected })))
    expect(counted.every((l) => l.difference === 0)).toBe(true)
    expect(() => checkSignable(counted, partName)).not.toThrow()
  })

  it('a difference is shown as counted − expected, and cannot be signed until it is explained', () => {
    const lines = reconcile(entries, '2026-04', [])
    const counts = lines.map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: l.partId === 'kb' && l.place === 'shelf' ? 6 : l.expected }))
    const short = reconcile(entries, '2026-04', counts)
    expect(short.find((l) => l.partId === 'kb' && l.place === 'shelf')).toMatchObject({ expected: 7, counted: 6, difference: -1 })
    expect(refusal(() => checkSignable(short, partName)).message).toBe('键盘 K120 盘点差异 -1 件，请写明原因')
    const explained = reconcile(entries, '2026-04', counts.map((c) => (c.partId === 'kb' && c.place === 'shelf' ? { ...c, reason: '客户处借用未归还，已追回中' } : c)))
    expect(() => checkSignable(explained, partName)).not.toThrow()
  })

  it('cannot be signed while a balance is not counted', () => {
    expect(refusal(() => checkSignable(reconcile(entries, '2026-04', []), partName)).key).toBe('errors.parts.notCounted')
  })

  it('a part found that the books never had is a line of its own', () => {
    const lines = reconcile(entries, '2026-04', [{ partId: 'hdd2', place: 'shelf', holderId: null, counted: 1, reason: '上月入库漏记' }])
    expect(lines.find((l) => l.partId === 'hdd2')).toMatchObject({ opening: 0, expected: 0, counted: 1, difference: 1, reason: '上月入库漏记' })
  })
})

describe('months and bad parts kept too long', () => {
  it.each([
    ['2026-04', '2026-05'],
    ['2026-12', '2027-01'],
  ])('the month after %s is %s', (m, next) => expect(nextMonth(m)).toBe(next))

  it.each([
    ['2026-04-01T08:00:00Z', '2026-04-08T08:00:00Z', false],
    ['2026-04-01T08:00:00Z', '2026-04-08T08:00:01Z', true],
  ])('a bad part taken in at %s is kept too long at %s: %s', (at, now, flagged) => expect(isKeptTooLong(at, now)).toBe(flagged))
})
