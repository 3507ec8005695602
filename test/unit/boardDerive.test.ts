// What the board derives from its snapshot: the queue's order and filters, each engineer's jobs,
// and where a point sits over GCJ-02 tiles.
import { describe, expect, it } from 'vitest'
import { distanceKm } from '../../shared/domain/geo'
import { displayPoint, queueOf, withJobs } from '../../renderer/src/board/derive'
import type { BoardSettings, BoardSnapshot, BoardTicket, SnapshotEngineer } from '../../renderer/src/store/board'

const ticket = (id: string, over: Partial<BoardTicket> = {}): BoardTicket => ({
  id,
  number: `WH1-260407-${id.padStart(3, '0')}`,
  status: 'new',
  faultLevel: 'general',
  category: 'printer',
  zone: 'city',
  serviceMode: 'onsite',
  lat: 25.04,
  lng: 102.7,
  customerName: '五华区财政局',
  faultDescription: '打印机卡纸',
  assigneeId: null,
  helperIds: [],
  appointmentStart: null,
  appointmentEnd: null,
  clock: null,
  arrivalDue: null,
  nextDue: null,
  createdAt: '2026-04-07T01:00:00.000Z',
  ...over,
})

const engineer = (id: string): SnapshotEngineer => ({ id, name: id, phone: '', skills: ['printer'], status: 'idle', lat: null, lng: null, shiftEnd: null })

const snapshot = (tickets: BoardTicket[]): BoardSnapshot => ({ now: '2026-04-07T02:00:00.000Z', station: { id: 'st-wh', name: '昆明五华站', lat: 25, lng: 102.7, timezone: 'Asia/Shanghai' }, tickets, engineers: [] })
const NO_FILTERS = { zone: '', level: '', category: '', skill: '' } as const

describe('the queue', () => {
  const tickets = [
    ticket('1', { nextDue: '2026-04-07T05:00:00.000Z' }),
    ticket('2', { nextDue: '2026-04-07T03:00:00.000Z', zone: 'county', faultLevel: 'critical' }),
    ticket('3', { nextDue: null, createdAt: '2026-04-07T00:10:00.000Z', category: 'network' }),
    ticket('4', { nextDue: null, createdAt: '2026-04-07T00:05:00.000Z', category: 'other' }),
    ticket('5', { nextDue: '2026-04-07T02:30:00.000Z', assigneeId: 'e1', status: 'assigned' }),
  ]
  it.each([
    ['unassigned only, the earliest deadline first, tickets without a running clock last and oldest first', NO_FILTERS, ['2', '1', '4', '3']],
    ['by zone', { ...NO_FILTERS, zone: 'county' }, ['2']],
    ['by fault level', { ...NO_FILTERS, level: 'critical' }, ['2']],
    ['by category', { ...NO_FILTERS, category: 'network' }, ['3']],
    ['by the skill the category needs (other needs none)', { ...NO_FILTERS, skill: 'printer' }, ['2', '1']],
  ] as const)('%s', (_, filters, ids) => {
    expect(queueOf(snapshot(tickets), filters).map((t) => t.id)).toEqual(ids)
  })
})

describe("engineers' jobs", () => {
  it('come from the tickets: held ones count as load, helped ones do not, booked ones first', () => {
    const [a, b] = withJobs(
      [engineer('e1'), engineer('e2')],
      [
        ticket('1', { assigneeId: 'e1', status: 'assigned' }),
        ticket('2', { assigneeId: 'e1', status: 'on_site', appointmentStart: '2026-04-07T03:00:00.000Z', appointmentEnd: '2026-04-07T04:00:00.000Z' }),
        ticket('3', { assigneeId: 'e2', status: 'assigned', helperIds: ['e1'] }),
      ],
    )
    expect(a!.jobs.map((j) => [j.ticketId, j.helper])).toEqual([
      ['2', false],
      ['1', false],
      ['3', true],
    ])
    expect(a!.load).toBe(2)
    expect(b!.jobs.map((j) => j.ticketId)).toEqual(['3'])
    expect(b!.load).toBe(1)
  })
})

describe('display positions', () => {
  const settings = (over: Partial<BoardSettings>): BoardSettings => ({ tileUrl: null, tileAttribution: '', tileCrs: 'wgs84', roadFactor: 1.4, speedKmh: { city: 25, suburb: 40, county: 60 }, ...over })
  const p = { lat: 25.0389, lng: 102.7183 }
  it('stay WGS-84 on the offline basemap and on WGS-84 tiles', () => {
    expect(displayPoint(p, settings({}))).toEqual(p)
    expect(displayPoint(p, settings({ tileUrl: 'https://t/{z}/{x}/{y}.png', tileCrs: 'wgs84' }))).toEqual(p)
    expect(displayPoint(p, settings({ tileCrs: 'gcj02' }))).toEqual(p)
  })
  it('shift by a few hundred metres onto GCJ-02 tiles', () => {
    const q = displayPoint(p, settings({ tileUrl: 'https://t/{z}/{x}/{y}.png', tileCrs: 'gcj02' }))
    const shift = distanceKm(p, q)
    expect(shift).toBeGreaterThan(0.1)
    expect(shift).toBeLessThan(1)
  })
})
