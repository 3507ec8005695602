import { describe, expect, it } from 'vitest'
import { rankEngineers, SKILL_FOR_CATEGORY, travelEstimate, type DispatchEngineer, type DispatchOptions, type DispatchTicket, type Suggestion } from '../../shared/domain/dispatch'
import { CATEGORIES, type Skill } from '../../shared/domain/enums'
import { en, translate, zhCN } from '../../shared/i18n'
import type { LatLng } from '../../shared/domain/geo'

const R = 6371.0088
/** The point `km` straight north of `from` (same meridian, so the haversine distance is exactly km). */
const north = (from: LatLng, km: number): LatLng => ({ lat: from.lat + ((km / R) * 180) / Math.PI, lng: from.lng })
const KUNMING: LatLng = { lat: 25.0389, lng: 102.7183 }

const NOW = '2026-04-03T02:00:00.000Z' // 10:00 in Kunming
const SHIFT_END = '2026-04-03T12:00:00.000Z' // 20:00
const at = (minutesFromNow: number) => new Date(Date.parse(NOW) + minutesFromNow * 60_000).toISOString()

const ticket = (over: Partial<DispatchTicket> = {}): DispatchTicket => ({
  id: 't1',
  lat: KUNMING.lat,
  lng: KUNMING.lng,
  category: 'printer',
  zone: 'city',
  faultLevel: 'general',
  arrivalDue: null,
  ...over,
})

/** An engineer `km` north of the ticket (null: no position), printer skill, idle, no jobs, on duty till 20:00. */
const eng = (id: string, km: number | null, over: Partial<DispatchEngineer> = {}): DispatchEngineer => {
  const pos = km === null ? null : north(KUNMING, km)
  return { id, name: `工程师${id}`, skills: ['printer'], lat: pos?.lat ?? null, lng: pos?.lng ?? null, status: 'idle', load: 0, shiftEnd: SHIFT_END, ...over }
}

const rank = (t: DispatchTicket, es: DispatchEngineer[], opts: Partial<DispatchOptions> = {}) => rankEngineers(t, es, { now: NOW, ...opts })
const order = (s: Suggestion[]) => s.map((x) => x.engineerId)
const byId = (s: Suggestion[], id: string) => s.find((x) => x.engineerId === id)!
const keys = (s: Suggestion) => s.reasons.map((r) => r.key)
/** The score by the documented formula, for an engineer with the skill. */
const expected = (eta: number | null, deadline: 0 | 15 | 30, load: number, maxLoad = 6) =>
  Math.round(35 + deadline + (eta === null ? 0 : 25 * Math.max(0, 1 - eta / 240)) + 10 * Math.max(0, 1 - load / maxLoad))

describe('skill for each category', () => {
  it('every category has an entry; other needs none', () => {
    expect(Object.keys(SKILL_FOR_CATEGORY).sort()).toEqual([...CATEGORIES].sort())
    for (const c of CATEGORIES) expect(SKILL_FOR_CATEGORY[c]).toBe(c === 'other' ? null : c)
  })
})

describe('travel estimate: straight line × road factor at the zone speed, minutes rounded up', () => {
  it.each([
    ['10 km in the city: 14 km road at 25 km/h', 10, 'city', {}, 14, 34],
    ['10 km in a suburb at 40 km/h', 10, 'suburb', {}, 14, 21],
    ['10 km in a county at 60 km/h', 10, 'county', {}, 14, 14],
    ['a custom road factor', 10, 'city', { roadFactor: 1.2 }, 12, 29],
    ['a custom city speed', 10, 'city', { speedKmh: { city: 30 } }, 14, 28],
    ['a speed given for another zone leaves this one at its default', 10, 'county', { speedKmh: { city: 30 } }, 14, 14],
    ['an exact number of minutes is not rounded up by float noise', 25 / 1.4, 'city', {}, 25, 60],
    ['the same spot', 0, 'city', {}, 0, 0],
  ] as const)('%s', (_name, km, zone, opts, roadKm, eta) => {
    const r = travelEstimate(KUNMING, north(KUNMING, km), zone, opts)
    expect(r.distanceKm).toBeCloseTo(km, 9)
    expect(r.roadKm).toBeCloseTo(roadKm, 9)
    expect(r.etaMinutes).toBe(eta)
  })
})

describe('ETA, position and the on-site penalty in the ranking', () => {
  it.each([
    ['idle, 10 km in the city', 10, 'idle', 'city', 34],
    ['on the way elsewhere counts as free to turn', 10, 'en_route', 'city', 34],
    ['on site: 15 minutes to finish first', 10, 'on_site', 'city', 49],
    ['on site, 10 km in a county', 10, 'on_site', 'county', 29],
    ['on site next door', 0, 'on_site', 'city', 15],
  ] as const)('%s', (_name, km, status, zone, eta) => {
    const [s] = rank(ticket({ zone }), [eng('a', km, { status })])
    expect(s!.etaMinutes).toBe(eta)
    expect(s!.distanceKm).toBeCloseTo(km, 9)
    expect(s!.roadKm).toBeCloseTo(km * 1.4, 9)
    expect(s!.arrivesAt).toBe(at(eta))
    expect(keys(s!).includes('dispatch.reason.onSite')).toBe(status === 'on_site')
  })

  it('an on-site engineer ranks below an idle one at the same spot', () => {
    const s = rank(ticket(), [eng('busy', 10, { status: 'on_site' }), eng('free', 10)])
    expect(order(s)).toEqual(['free', 'busy'])
    expect(byId(s, 'busy').score).toBe(expected(49, 15, 0))
    expect(byId(s, 'free').score).toBe(expected(34, 15, 0))
  })

  it('the road factor and zone speed come from the options', () => {
    const [s] = rank(ticket({ zone: 'suburb' }), [eng('a', 10)], { roadFactor: 1.2, speedKmh: { suburb: 30 } })
    expect(s!.roadKm).toBeCloseTo(12, 9)
    expect(s!.etaMinutes).toBe(24)
  })

  it('an engineer without a position has no ETA and ranks after one with, all else equal', () => {
    // 80 km in the city is 269 minutes: no proximity points, the same score as not knowing.
    const s = rank(ticket(), [eng('unknown', null), eng('far', 80)])
    expect(order(s)).toEqual(['far', 'unknown'])
    expect(byId(s, 'far').score).toBe(byId(s, 'unknown').score)
    expect(byId(s, 'unknown')).toMatchObject({ distanceKm: null, roadKm: null, etaMinutes: null, arrivesAt: null, meetsDeadline: null })
    expect(keys(byId(s, 'unknown'))).toContain('dispatch.reason.noPosition')
  })

  it('a half-known position (lat without lng) counts as unknown', () => {
    const [s] = rank(ticket(), [eng('a', 5, { lng: null })])
    expect(s!.etaMinutes).toBeNull()
  })

  it('a ticket without a position: nobody has an ETA, the rest still ranks', () => {
    const s = rank(ticket({ lat: null, lng: null, arrivalDue: at(60) }), [eng('loaded', 1, { load: 3 }), eng('idle', 30)])
    expect(order(s)).toEqual(['idle', 'loaded'])
    for (const x of s) {
      expect(x).toMatchObject({ etaMinutes: null, meetsDeadline: null, distanceKm: null })
      expect(keys(x)).toContain('dispatch.reason.ticketNoPosition')
      expect(keys(x)).not.toContain('dispatch.reason.noPosition')
    }
    expect(byId(s, 'idle').score).toBe(expected(null, 15, 0))
  })
})

describe('skills', () => {
  it.each([
    ['a closer engineer without the skill ranks below a farther one with it', 'printer', ['near', 'far'], ['far', 'near']],
    ['category other: any skill matches, so the nearer wins', 'other', ['near', 'far'], ['near', 'far']],
  ] as const)('%s', (_name, category, _ids, expectedOrder) => {
    const s = rank(ticket({ category }), [eng('near', 2, { skills: ['network'] }), eng('far', 20, { skills: ['printer', 'network'] })])
    expect(order(s)).toEqual(expectedOrder)
  })

  it.each([
    ['has it', 'printer', ['printer', 'monitor'], 'match', 'dispatch.reason.skillMatch', { skill: 'printer' }, 'plus'],
    ['lacks it', 'server', ['printer'], 'none', 'dispatch.reason.skillMissing', { skill: 'server' }, 'minus'],
    ['no skills at all, category other', 'other', [], 'match', 'dispatch.reason.skillAny', undefined, 'neutral'],
  ] as const)('%s', (_name, category, skills, skill, key, params, effect) => {
    const [s] = rank(ticket({ category }), [eng('a', 10, { skills: skills as readonly Skill[] })])
    expect(s!.skill).toBe(skill)
    expect(s!.reasons[0]).toEqual(params ? { key, params, effect } : { key, effect })
    expect(s!.score).toBe(expected(34, 15, 0) - (skill === 'none' ? 35 : 0))
  })
})

describe('distance', () => {
  it('nearer ranks first, all else equal; proximity falls linearly to 0 at 240 minutes', () => {
    const s = rank(ticket(), [eng('c', 30), eng('a', 2), eng('d', 90), eng('b', 10)])
    expect(order(s)).toEqual(['a', 'b', 'c', 'd'])
    expect(s.map((x) => x.rank)).toEqual([1, 2, 3, 4])
    expect(s.map((x) => x.etaMinutes)).toEqual([7, 34, 101, 303])
    expect(s.map((x) => x.score)).toEqual([expected(7, 15, 0), expected(34, 15, 0), expected(101, 15, 0), 60])
  })

  it.each([
    ['short: plus', 2, 'plus', 2.8, 7],
    ['an hour or more: neutral', 20, 'neutral', 28, 68],
    ['three hours or more: minus', 60, 'minus', 84, 202],
  ] as const)('the drive reason, %s', (_name, km, effect, roadKm, minutes) => {
    const [s] = rank(ticket(), [eng('a', km)])
    expect(s!.reasons).toContainEqual({ key: 'dispatch.reason.eta', params: { km: roadKm, minutes }, effect })
  })
})

describe('load', () => {
  it('a loaded engineer ranks below an idle one, all else equal', () => {
    const s = rank(ticket(), [eng('loaded', 10, { load: 2 }), eng('idle', 10)])
    expect(order(s)).toEqual(['idle', 'loaded'])
  })

  it.each([
    ['no jobs: all 10 points', 0, 6, 10, { key: 'dispatch.reason.noLoad', effect: 'plus' }],
    ['3 of 6: half', 3, 6, 5, { key: 'dispatch.reason.load', params: { count: 3 }, effect: 'neutral' }],
    ['at maxLoad: none', 6, 6, 0, { key: 'dispatch.reason.fullLoad', params: { count: 6, max: 6 }, effect: 'minus' }],
    ['over maxLoad: still none', 9, 6, 0, { key: 'dispatch.reason.fullLoad', params: { count: 9, max: 6 }, effect: 'minus' }],
    ['maxLoad from the options', 3, 3, 0, { key: 'dispatch.reason.fullLoad', params: { count: 3, max: 3 }, effect: 'minus' }],
  ] as const)('%s', (_name, load, maxLoad, loadPoints, reason) => {
    // The same spot with and without load: the difference is exactly the lost load points.
    const s = rank(ticket({ lat: null, lng: null }), [eng('a', 10, { load })], { maxLoad })
    expect(s[0]!.score).toBe(35 + 15 + loadPoints)
    expect(s[0]!.reasons).toContainEqual(reason)
  })
})

describe('the arrival deadline and the end of the shift', () => {
  // 10 km in the city: arrives after 34 minutes.
  it.each([
    ['meets it with time to spare', at(40), SHIFT_END, true, 30, ['dispatch.reason.meetsDeadline']],
    ['arrives exactly at the deadline: meets it', at(34), SHIFT_END, true, 30, ['dispatch.reason.meetsDeadline']],
    ['misses it', at(30), SHIFT_END, false, 0, ['dispatch.reason.missesDeadline']],
    ['the deadline has passed already', at(-10), SHIFT_END, false, 0, ['dispatch.reason.missesDeadline']],
    ['no arrival clock: unknown, half the points', null, SHIFT_END, null, 15, ['dispatch.reason.noDeadline']],
    ['would arrive after his shift ends: no deadline points', at(40), at(30), true, 0, ['dispatch.reason.meetsDeadline', 'dispatch.reason.afterShift']],
    ['after his shift with no arrival clock: no points either', null, at(30), null, 0, ['dispatch.reason.noDeadline', 'dispatch.reason.afterShift']],
    ['arrives exactly at the end of his shift: fine', at(40), at(34), true, 30, ['dispatch.reason.meetsDeadline']],
  ] as const)('%s', (_name, due, shiftEnd, meets, deadlinePoints, reasonKeys) => {
    const [s] = rank(ticket({ arrivalDue: due }), [eng('a', 10, { shiftEnd })])
    expect(s!.meetsDeadline).toBe(meets)
    expect(s!.score).toBe(expected(34, deadlinePoints, 0))
    const deadlineKeys = keys(s!).filter((k) => /Deadline|afterShift/.test(k))
    expect(deadlineKeys).toEqual(reasonKeys)
  })

  it('reasons carry the arrival time, how late, and the shift end', () => {
    const meets = rank(ticket({ arrivalDue: at(40) }), [eng('a', 10)])[0]!
    expect(meets.reasons).toContainEqual({ key: 'dispatch.reason.meetsDeadline', params: { time: at(34) }, effect: 'plus' })
    const late = rank(ticket({ arrivalDue: at(30) }), [eng('a', 10)])[0]!
    expect(late.reasons).toContainEqual({ key: 'dispatch.reason.missesDeadline', params: { minutes: 4 }, effect: 'minus' })
    const tired = rank(ticket({ arrivalDue: at(40) }), [eng('a', 10, { shiftEnd: at(30) })])[0]!
    expect(tired.reasons).toContainEqual({ key: 'dispatch.reason.afterShift', params: { time: at(30) }, effect: 'minus' })
    // meeting the deadline earns nothing when he would be off duty by then
    expect(tired.reasons).toContainEqual({ key: 'dispatch.reason.meetsDeadline', params: { time: at(34) }, effect: 'neutral' })
  })

  it('a farther engineer who makes the deadline ranks above a nearer one who cannot (on site)', () => {
    // near: 5 km on site = 17 + 15 = 32 min; far: 8 km idle = 27 min; deadline in 30 minutes
    const s = rank(ticket({ arrivalDue: at(30) }), [eng('near', 5, { status: 'on_site' }), eng('far', 8)])
    expect(order(s)).toEqual(['far', 'near'])
    expect(s.map((x) => x.meetsDeadline)).toEqual([true, false])
  })

  it('with no position the deadline is unknown even when the ticket has one', () => {
    const [s] = rank(ticket({ arrivalDue: at(40) }), [eng('a', null)])
    expect(s!.meetsDeadline).toBeNull()
    expect(s!.score).toBe(expected(null, 15, 0))
  })
})

describe('who is suggested', () => {
  it.each([
    ['status off (休息)', { status: 'off' }],
    ['no shift end: off duty now', { shiftEnd: null }],
    ['the shift has ended', { shiftEnd: at(-1) }],
    ['the shift ends right now', { shiftEnd: NOW }],
  ] as const)('left out: %s', (_name, over) => {
    const s = rank(ticket(), [eng('out', 1, over as Partial<DispatchEngineer>), eng('in', 50)])
    expect(order(s)).toEqual(['in'])
    expect(s[0]!.rank).toBe(1)
  })

  it('nobody on duty: an empty list', () => {
    expect(rank(ticket(), [eng('a', 1, { status: 'off' })])).toEqual([])
    expect(rank(ticket(), [])).toEqual([])
  })
})

describe('deterministic order', () => {
  it('equal scores and ETAs go by name in Chinese (pinyin) order, then by id', () => {
    const es = [eng('z', 10, { name: '张三' }), eng('w', 10, { name: '王五' }), eng('l2', 10, { name: '李四' }), eng('l1', 10, { name: '李四' })]
    const expectedOrder = ['l1', 'l2', 'w', 'z'] // 李 li · 王 wang · 张 zhang
    expect(order(rank(ticket(), es))).toEqual(expectedOrder)
    expect(order(rank(ticket(), [...es].reverse()))).toEqual(expectedOrder)
  })

  it('the score decides before the ETA, the ETA before the name', () => {
    // 阿 would sort first by name, but is farther; equal rounded scores fall back to the ETA.
    const s = rank(ticket(), [eng('a', 10.3, { name: '阿明' }), eng('b', 10, { name: '赵六' })])
    expect(s[0]!.score).toBe(s[1]!.score)
    expect(order(s)).toEqual(['b', 'a'])
  })

  it('the same input gives the same output, and the input is not changed', () => {
    const es = [eng('a', 3, { load: 2 }), eng('b', 3, { status: 'on_site' }), eng('c', null), eng('d', 12, { skills: [] })]
    const copy = structuredClone(es)
    expect(rank(ticket({ arrivalDue: at(45) }), es)).toEqual(rank(ticket({ arrivalDue: at(45) }), [...es].reverse()))
    expect(es).toEqual(copy)
  })

  it('scores are integers from 0 to 100; ranks run 1..n', () => {
    const es = Array.from({ length: 60 }, (_, i) =>
      eng(`e${i}`, i % 7 === 0 ? null : i * 1.7, { load: i % 8, status: i % 5 === 0 ? 'on_site' : 'idle', skills: i % 3 === 0 ? [] : ['printer'] }),
    )
    const s = rank(ticket({ arrivalDue: at(50) }), es)
    expect(s).toHaveLength(60)
    s.forEach((x, i) => {
      expect(x.rank).toBe(i + 1)
      expect(Number.isInteger(x.score)).toBe(true)
      expect(x.score).toBeGreaterThanOrEqual(0)
      expect(x.score).toBeLessThanOrEqual(100)
      if (i > 0) expect(x.score).toBeLessThanOrEqual(s[i - 1]!.score)
    })
  })

  it('the best case scores 100', () => {
    expect(rank(ticket({ arrivalDue: at(10) }), [eng('a', 0)])[0]!.score).toBe(100)
  })
})

describe('reasons', () => {
  it('explain every part of the score, in order, with params', () => {
    const [s] = rank(ticket({ arrivalDue: at(60) }), [eng('a', 10, { load: 2, status: 'on_site' })])
    expect(s!.reasons).toEqual([
      { key: 'dispatch.reason.skillMatch', params: { skill: 'printer' }, effect: 'plus' },
      { key: 'dispatch.reason.eta', params: { km: 14, minutes: 49 }, effect: 'plus' },
      { key: 'dispatch.reason.onSite', effect: 'minus' },
      { key: 'dispatch.reason.meetsDeadline', params: { time: at(49) }, effect: 'plus' },
      { key: 'dispatch.reason.load', params: { count: 2 }, effect: 'neutral' },
    ])
    expect(s!.score).toBe(expected(49, 30, 2))
  })

  it('every reason key exists in both catalogs and fills all its placeholders', () => {
    const es = [
      eng('a', 10, { load: 2, status: 'on_site', shiftEnd: at(40) }),
      eng('b', null, { load: 6, skills: [] }),
      eng('c', 0, { load: 0 }),
      eng('d', 80),
    ]
    const all = [
      ...rank(ticket({ arrivalDue: at(45) }), es),
      ...rank(ticket({ arrivalDue: null }), es),
      ...rank(ticket({ category: 'other', lat: null, lng: null }), es),
      ...rank(ticket({ arrivalDue: at(20) }), es),
    ].flatMap((s) => s.reasons)
    const seen = new Set(all.map((r) => r.key))
    expect([...seen].sort()).toEqual(Object.keys(zhCN.dispatch.reason).map((k) => `dispatch.reason.${k}`).sort())
    for (const r of all) {
      for (const catalog of [zhCN, en]) {
        const text = translate(catalog, r.key, r.params)
        expect(text).not.toBe(r.key)
        expect(text).not.toMatch(/\{\{|undefined/)
      }
    }
  })

  it('skill codes in params have names in both catalogs', () => {
    for (const c of CATEGORIES) {
      const skill = SKILL_FOR_CATEGORY[c]
      if (skill) for (const catalog of [zhCN, en]) expect(catalog.enums.skill[skill]).toBeTruthy()
    }
    expect(translate(zhCN, 'dispatch.reason.skillMissing', { skill: zhCN.enums.skill.server })).toBe('缺少服务器技能')
  })
})

describe('bad input', () => {
  it('throws on an instant that is not ISO', () => {
    expect(() => rank(ticket(), [eng('a', 1)], { now: 'soon' })).toThrow(RangeError)
    expect(() => rank(ticket({ arrivalDue: 'tomorrow' }), [eng('a', 1)])).toThrow(RangeError)
  })
})
