import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { queries } from '../../shared/api/contract'
import { translate, zhCN } from '../../shared/i18n'
import { TICKET_DRAFT } from '../fixtures'
import { failure, TEST_NOW, tempDir, testDesk } from './helpers'

const DRAFT = { ...TICKET_DRAFT, reporterPhone: '138 8800 0001' }


function fingerprint(dataDir: string): string {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true })
  const h = createHash('sha256')
  for (const t of ['stations', 'users', 'customers', 'contracts', 'assets', 'tickets', 'ticket_events']) {
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()) h.update(JSON.stringify(row))
  }
  db.close()
  return h.digest('hex')
}

const count = (dataDir: string, sql: string) => {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true })
  const n = (db.prepare(sql).get() as { n: number }).n
  db.close()
  return n
}

describe('a desk on first start', () => {
  it('holds a realistic demo network', async () => {
    const desk = await testDesk()
    const dir = desk.dataDir
    expect(count(dir, "SELECT count(*) n FROM stations WHERE kind = 'station'")).toBe(5)
    expect(count(dir, "SELECT count(*) n FROM users WHERE role = 'engineer'")).toBe(40)
    expect(count(dir, 'SELECT count(*) n FROM customers')).toBe(2000)
    const open = await desk.call('tickets.list', { openOnly: true, limit: 1 })
    expect(open.total).toBeGreaterThanOrEqual(280)
    expect(open.total).toBeLessThanOrEqual(320)
    // every level of contract and every zone occurs; every customer sits in a real county
    expect(count(dir, 'SELECT count(DISTINCT service_level) n FROM contracts')).toBe(3)
    expect(count(dir, 'SELECT count(DISTINCT zone) n FROM customers')).toBe(3)
    expect(count(dir, "SELECT count(*) n FROM customers WHERE region_code NOT GLOB '53[0-9][0-9][0-9][0-9]'")).toBe(0)
    expect(count(dir, 'SELECT count(*) n FROM customers WHERE lat NOT BETWEEN 21 AND 30 OR lng NOT BETWEEN 97 AND 107')).toBe(0)
    const info = await desk.call('desk.info', {})
    expect(info).toMatchObject({ deskCode: '1', station: { name: '昆明五华站' }, user: { name: '张丽', role: 'dispatcher' }, pendingMutations: 0 })
  })

  it('generates the same data from the same seed and start time', async () => {
    const a = await testDesk()
    const b = await testDesk()
    expect(fingerprint(a.dataDir)).toBe(fingerprint(b.dataDir))
    const c = await testDesk({ seed: 7 })
    expect(fingerprint(c.dataDir)).not.toBe(fingerprint(a.dataDir))
  })

  it('starts clean with demo: false, keeping only the service network', async () => {
    const desk = await testDesk({ demo: false })
    expect(count(desk.dataDir, 'SELECT count(*) n FROM customers')).toBe(0)
    expect((await desk.call('tickets.list', {})).total).toBe(0)
    expect((await desk.call('stations.list', {})).map((s) => s.name)).toContain('昆明五华站')
  })

  it('can be another station and desk', async () => {
    const desk = await testDesk({ stationCode: 'QJ', deskCode: '2' })
    const created = await desk.call('ticket.create', { ...DRAFT, customerId: 'st-qj-cus-0001', reporterPhone: '13888000003' })
    expect(created.number).toBe('QJ2-261120-001')
    await expect(testDesk({ stationCode: 'XX' })).rejects.toThrow(/未知的服务站代码/)
  })
})

describe('hotline intake', () => {
  it('finds the caller by phone (with the contract, assets and earlier tickets)', async () => {
    const desk = await testDesk()
    const matches = await desk.call('customers.lookup', { text: '138-8800-0001' })
    expect(matches).toEqual([expect.objectContaining({ id: 'st-wh-cus-0001', unitName: '五华区人民医院信息科', keyAccount: true })])
    const card = await desk.call('customers.card', { id: 'st-wh-cus-0001' })
    expect(card.contract?.serviceLevel).toBe('7x24')
    expect(card.assets.length).toBeGreaterThan(0)
    expect(card.recentTickets.length).toBeGreaterThan(0)
    expect(card.regionName).toBe('昆明市五华区')
    // a prefix finds several; a name part finds by name
    expect((await desk.call('customers.lookup', { text: '138' })).length).toBeGreaterThan(1)
    expect((await desk.call('customers.lookup', { text: '人民医院' })).every((m) => m.unitName.includes('人民医院'))).toBe(true)
    expect(await desk.call('customers.lookup', { text: '%' })).toEqual([])
  })

  it('saves a ticket with a readable number, its timeline and an outbox entry, in one transaction', async () => {
    const desk = await testDesk()
    const a = await desk.call('ticket.create', DRAFT)
    const b = await desk.call('ticket.create', { ...DRAFT, faultLevel: 'critical' })
    expect(a.number).toBe('WH1-261120-001')
    expect(b.number).toBe('WH1-261120-002')
    const detail = await desk.call('tickets.get', { id: a.id })
    expect(detail).toMatchObject({
      status: 'new',
      reporterPhone: '13888000001',
      reporterName: expect.any(String),
      createdByName: '张丽',
      contract: { serviceLevel: '7x24' },
      createdAt: TEST_NOW.toISOString(),
    })
    expect(detail.events).toEqual([expect.objectContaining({ kind: 'created', actorName: '张丽' })])
    const db = new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true })
    const outbox = db.prepare('SELECT mutation_id, name, args FROM outbox ORDER BY mutation_id').all() as { mutation_id: number; name: string; args: string }[]
    db.close()
    expect(outbox.map((o) => [o.mutation_id, o.name])).toEqual([
      [1, 'ticket.create'],
      [2, 'ticket.create'],
    ])
    expect(JSON.parse(outbox[0]!.args)).toMatchObject({ id: a.id, number: a.number, at: TEST_NOW.toISOString(), reporterPhone: '13888000001' })
    expect((await desk.call('desk.info', {})).pendingMutations).toBe(2)
  })

  it('keeps tickets, numbering and the outbox across a restart', async () => {
    const dataDir = tempDir()
    const first = await testDesk({ dataDir })
    const a = await first.call('ticket.create', DRAFT)
    first.close()
    const again = await testDesk({ dataDir })
    expect((await again.call('tickets.get', { id: a.id })).number).toBe(a.number)
    expect((await again.call('ticket.create', DRAFT)).number).toBe('WH1-261120-002')
    expect((await again.call('desk.info', {})).pendingMutations).toBe(2)
  })

  it('registers a new customer on the spot, who is then found by phone', async () => {
    const desk = await testDesk({ demo: false })
    const { id } = await desk.call('customer.create', {
      stationId: 'st-wh',
      unitName: '昆明市第一中学',
      contactName: '李老师',
      phone: '0871-6512 3456',
      address: '昆明市五华区一二一大街 1 号',
      regionCode: '530102',
      zone: 'city',
    })
    expect(await desk.call('customers.lookup', { text: '087165123456' })).toEqual([expect.objectContaining({ id, phones: ['087165123456'] })])
    const t = await desk.call('ticket.create', { ...DRAFT, customerId: id, reporterPhone: '087165123456' })
    expect((await desk.call('tickets.get', { id: t.id })).contract).toBeNull()
  })

  it.each([
    ['an empty fault description', { faultDescription: '   ' }, 'faultDescription', '请填写故障描述'],
    ['a phone of letters', { reporterPhone: 'abcdefg' }, 'reporterPhone', '电话号码格式不正确（手机 11 位，座机带区号）'],
    ['no customer', { customerId: '' }, 'customerId', '请先查找或登记客户'],
    ['an unknown fault level', { faultLevel: 'urgent' }, 'faultLevel', '请选择一个有效选项'],
  ])('refuses %s with a Chinese message and saves nothing', async (_what, patch, path, message) => {
    const desk = await testDesk()
    const before = (await desk.call('tickets.list', {})).total
    const err = await failure(desk.callUnchecked('ticket.create', { ...DRAFT, ...patch }))
    expect(err).toMatchObject({ code: 'validation', message: '输入有误，请检查标红的项目' })
    expect(err.issues?.map((i) => [i.path, translate(zhCN, i.key, i.params)])).toEqual([[path, message]])
    expect((await desk.call('tickets.list', {})).total).toBe(before)
    expect((await desk.call('desk.info', {})).pendingMutations).toBe(0)
  })

  it('refuses a rule break (asset of another customer, unknown customer) and rolls back the number', async () => {
    const desk = await testDesk()
    expect(await failure(desk.call('ticket.create', { ...DRAFT, assetId: 'st-wh-cus-0002-as-1' }))).toMatchObject({ code: 'rule', message: '所选设备不属于该客户' })
    expect(await failure(desk.call('ticket.create', { ...DRAFT, customerId: 'nobody' }))).toMatchObject({ code: 'rule', message: '客户不存在或已被删除' })
    expect((await desk.call('ticket.create', DRAFT)).number).toBe('WH1-261120-001')
    expect((await desk.call('desk.info', {})).pendingMutations).toBe(1)
  })

  it('answers unknown methods and malformed input with errors, not crashes', async () => {
    const desk = await testDesk()
    expect(await failure(desk.callUnchecked('ticket.delete', {}))).toMatchObject({ code: 'unknown_method', message: '未知的操作：ticket.delete' })
    expect(await failure(desk.callUnchecked('tickets.list', { limit: 100000 }))).toMatchObject({ code: 'validation' })
    expect(await failure(desk.callUnchecked('ticket.create', null))).toMatchObject({ code: 'validation' })
    expect(await failure(desk.callUnchecked('tickets.get', { id: 'nope' }))).toMatchObject({ code: 'not_found', message: '找不到该记录' })
  })

  it('tells listeners which tables changed', async () => {
    const desk = await testDesk()
    const seen: string[][] = []
    desk.on('data.changed', (p) => seen.push(p.tables))
    await desk.call('ticket.create', DRAFT)
    expect(seen).toEqual([['tickets']])
  })
})

describe('the 工单 list', () => {
  it('filters by status, station and fault level, and sorts', async () => {
    const desk = await testDesk()
    const all = await desk.call('tickets.list', { sort: 'newest', limit: 500 })
    const open = await desk.call('tickets.list', { openOnly: true, stationId: 'st-qj', faultLevel: 'major', limit: 500 })
    expect(open.total).toBeGreaterThan(0)
    expect(open.total).toBeLessThan(all.total)
    expect(open.rows.every((r) => r.stationName === '曲靖站' && r.faultLevel === 'major' && !['closed', 'cancelled'].includes(r.status))).toBe(true)
    const newest = all.rows.map((r) => r.createdAt)
    expect(newest).toEqual([...newest].sort().reverse())
    const byLevel = await desk.call('tickets.list', { sort: 'level', limit: 500 })
    const ranks = byLevel.rows.map((r) => ['critical', 'major', 'general', 'minor'].indexOf(r.faultLevel))
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
    // most urgent first: earliest running deadline first, paused tickets (no deadline) last
    const urgent = await desk.call('tickets.list', { openOnly: true, limit: 500 })
    const dues = urgent.rows.map((r) => (r.urgency?.state === 'paused' || r.urgency?.stopped ? null : r.urgency?.dueAt ?? null))
    const firstPaused = dues.indexOf(null)
    expect(firstPaused).toBeGreaterThan(0)
    expect(dues.slice(firstPaused).every((d) => d === null)).toBe(true)
    expect(dues.slice(0, firstPaused)).toEqual([...dues.slice(0, firstPaused)].sort())
    const waiting = await desk.call('tickets.list', { statuses: ['waiting_parts'] })
    expect(waiting.rows.every((r) => r.status === 'waiting_parts')).toBe(true)
  })

  it('searches by number, phone and customer name', async () => {
    const desk = await testDesk()
    const t = await desk.call('ticket.create', DRAFT)
    expect((await desk.call('tickets.list', { search: t.number.toLowerCase() })).rows.map((r) => r.id)).toEqual([t.id])
    const byPhone = await desk.call('tickets.list', { search: '13888000001', limit: 500 })
    expect(byPhone.rows.map((r) => r.id)).toContain(t.id)
    expect(byPhone.rows.every((r) => r.customerName === '五华区人民医院信息科')).toBe(true)
    const byName = await desk.call('tickets.list', { search: '五华区人民医院信息科', limit: 500 })
    expect(byName.total).toBe(byPhone.total)
    expect((await desk.call('tickets.list', { search: '*' })).total).toBe(0)
  })

  it('answers in the shapes the contract promises', async () => {
    const desk = await testDesk()
    const list = await desk.call('tickets.list', { limit: 50 })
    queries['tickets.list'].output.parse(list)
    queries['tickets.get'].output.parse(await desk.call('tickets.get', { id: list.rows[0]!.id }))
    queries['customers.card'].output.parse(await desk.call('customers.card', { id: 'st-wh-cus-0001' }))
    queries['customers.lookup'].output.parse(await desk.call('customers.lookup', { text: '138' }))
    queries['desk.info'].output.parse(await desk.call('desk.info', {}))
    queries['stations.list'].output.parse(await desk.call('stations.list', {}))
    expect((await desk.call('regions.list', {})).length).toBe(129)
  })
})
