import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OpenDeskOptions } from '../../electron/desk'
import { TICKET_DRAFT } from '../fixtures'
import { failure, tempDir, testDesk } from './helpers'

/** A desk whose clock the test moves (the same data dir, reopened at another time, as after a restart). */
async function deskAt(dataDir: string, local: string, extra: Partial<OpenDeskOptions> = {}) {
  return testDesk({ dataDir, now: () => new Date(`${local.replace(' ', 'T')}:00+08:00`), ...extra })
}
const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null)
const dues = async (desk: Awaited<ReturnType<typeof deskAt>>, id: string) =>
  Object.fromEntries((await desk.call('tickets.get', { id })).clocks.map((c) => [c.clock, local(c.dueAt)]))


/** A 5×8 customer in the city, on a fresh desk without demo data. */
async function fiveByEightCustomer(dataDir: string, at: string) {
  const desk = await deskAt(dataDir, at, { demo: false })
  const { id } = await desk.call('customer.create', {
    stationId: 'st-wh',
    unitName: '五华区财政局',
    contactName: '李科长',
    phone: '0871-6512 3456',
    address: '昆明市五华区华山南路 1 号',
    regionCode: '530102',
    zone: 'city',
  })
  const db = new Database(join(dataDir, 'desk.sqlite'))
  db.prepare(`INSERT INTO contracts (id, customer_id, station_id, number, service_level, starts_on, ends_on) VALUES ('c58', ?, 'st-wh', 'HT-58', '5x8', '2026-01-01', '2027-12-31')`).run(id)
  db.close()
  return { desk, customerId: id }
}

describe('SLA clocks on tickets (5×8, Friday evening before 清明)', () => {
  it('deadlines skip closed hours and the holiday; a pause moves them by exactly the paused service time', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-04-03 19:30')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456' })
    const detail = await desk.call('tickets.get', { id: t.id })
    expect(detail.serviceLevel).toBe('5x8')
    // Friday 19:30 → Sat, Sun, 清明 Monday closed → Tuesday 08:30 + 30 min / 4 h (over lunch)
    expect(await dues(desk, t.id)).toEqual({ respond: '2026-04-07 09:00', arrive: '2026-04-07 13:30', resolve: '2026-04-07 13:30' })
    desk.close()

    // Tuesday 09:00: the customer cannot be reached; paused until 10:30 (90 service minutes).
    const tue = await deskAt(dir, '2026-04-07 09:00')
    await tue.call('ticket.pause', { ticketId: t.id, reason: 'customer' })
    const paused = await tue.call('tickets.get', { id: t.id })
    expect(paused.clocks.every((c) => c.state === 'paused' || c.state === 'breached')).toBe(true)
    // 30 service minutes ran on Tuesday morning before the pause
    expect(paused.clocks.find((c) => c.clock === 'arrive')).toMatchObject({ state: 'paused', dueAt: null, leftMinutes: 210 })
    tue.close()
    const later = await deskAt(dir, '2026-04-07 10:30')
    await later.call('ticket.resume', { ticketId: t.id })
    // the response clock had reached its 30 minutes at 09:00, as the pause began; the others move by 90 minutes
    expect(await dues(later, t.id)).toEqual({ respond: '2026-04-07 09:00', arrive: '2026-04-07 15:00', resolve: '2026-04-07 15:00' })
    const events = (await later.call('tickets.get', { id: t.id })).events.map((e) => e.kind)
    expect(events).toEqual(['created', 'paused', 'resumed'])
  })

  it('a fault level changed after a pause keeps the paused time out and re-reads the targets', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-11-23 09:00')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456' })
    desk.close()
    const d2 = await deskAt(dir, '2026-11-23 09:10')
    await d2.call('ticket.pause', { ticketId: t.id, reason: 'customer' })
    d2.close()
    const d3 = await deskAt(dir, '2026-11-23 10:10')
    await d3.call('ticket.resume', { ticketId: t.id })
    expect((await dues(d3, t.id)).respond).toBe('2026-11-23 10:30') // 30 min target + 60 min paused
    await d3.call('ticket.setFaultLevel', { ticketId: t.id, faultLevel: 'critical' })
    // critical: 10 minutes, all used before the pause began at 09:10; the hour paused is not counted
    expect((await dues(d3, t.id)).respond).toBe('2026-11-23 09:10')
    const detail = await d3.call('tickets.get', { id: t.id })
    expect(detail.faultLevel).toBe('critical')
    expect(detail.events.map((e) => e.kind)).toContain('level_changed')
  })

  it('a policy change during a pause applies to open tickets and keeps their paused time out', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-11-23 09:00')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456' })
    desk.close()
    const d2 = await deskAt(dir, '2026-11-23 10:00')
    await d2.call('ticket.pause', { ticketId: t.id, reason: 'parts' })
    const { version, rules } = await d2.call('rules.get', {})
    const arriveCity = rules.sla.findIndex((r) => r.clock === 'arrive' && r.zone === 'city')
    rules.sla[arriveCity] = { ...rules.sla[arriveCity]!, warn: 360, limit: 480 }
    expect(await d2.call('rules.update', { baseVersion: version, rules, note: '市区到场放宽到 8 小时' })).toEqual({ version: 2 })
    d2.close()
    const d3 = await deskAt(dir, '2026-11-23 14:00')
    await d3.call('ticket.resume', { ticketId: t.id })
    // 60 min ran before the pause; 420 left from 14:00 → 18:00 (240) then Tuesday 08:30 + 180 → 11:30
    expect((await dues(d3, t.id)).arrive).toBe('2026-11-24 11:30')
    expect((await d3.call('tickets.get', { id: t.id })).rulesVersion).toBe(2)
    // an edit made on the old version is refused, not merged
    expect(await failure(d3.call('rules.update', { baseVersion: 1, rules, note: '' }))).toMatchObject({ code: 'rule', message: '服务规则已被他人修改（当前版本 2），请刷新后再改' })
  })

  it('a phone fix schedules the confirmation call within 24 h and stops the clocks', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-11-23 09:00')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456', serviceMode: 'phone_support' })
    expect((await desk.call('tickets.get', { id: t.id })).clocks.map((c) => c.clock)).toEqual(['respond', 'resolve'])
    expect(await desk.call('ticket.resolve', { ticketId: t.id, method: 'phone' })).toEqual({ recheckDue: '2026-11-24T01:00:00.000Z' })
    const detail = await desk.call('tickets.get', { id: t.id })
    expect(detail.status).toBe('resolved')
    expect(detail.clocks.every((c) => c.stopped && c.state === 'met')).toBe(true)
    expect(await failure(desk.call('ticket.pause', { ticketId: t.id, reason: 'customer' }))).toMatchObject({ message: '工单已完成或关闭，不能再修改时限' })
  })

  it('a zone change moves the arrival target of the customer’s open tickets', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-11-23 09:00')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456' })
    expect((await dues(desk, t.id)).arrive).toBe('2026-11-23 14:00')
    await desk.call('customer.setZone', { customerId, zone: 'suburb' })
    expect((await dues(desk, t.id)).arrive).toBe('2026-11-23 18:00') // 8 h of 5×8 service time: 09:00–12:00, 13:00–18:00
  })
})

describe('escalation (seed 003 §5)', () => {
  it('proposes the next step when the hotline limit passes, and records the confirmed report', async () => {
    const dir = tempDir()
    const { desk, customerId } = await fiveByEightCustomer(dir, '2026-11-23 09:00')
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, customerId, reporterPhone: '087165123456', serviceMode: 'phone_support' })
    expect((await desk.call('tickets.get', { id: t.id })).escalation).toMatchObject({ step: 1, proposal: null })
    desk.close()
    const later = await deskAt(dir, '2026-11-23 11:30') // 2 h 30 min of service: past the 2 h hotline limit of a general fault
    const detail = await later.call('tickets.get', { id: t.id })
    expect(detail.escalation.proposal).toMatchObject({ toStep: 2, supervisorRole: 'manager', limitMinutes: 120 })
    const manager = detail.escalation.supervisors.find((s) => s.role === 'manager')!
    expect(manager.name).toBe('杨建华')
    expect(await failure(later.call('ticket.escalate', { ticketId: t.id, toStep: 3, supervisorId: manager.id, report: '…' }))).toMatchObject({ message: '只能升级到下一级（当前第 1 级）' })
    expect(await failure(later.call('ticket.escalate', { ticketId: t.id, toStep: 2, supervisorId: manager.id, report: '  ' }))).toMatchObject({ code: 'validation' })
    await later.call('ticket.escalate', { ticketId: t.id, toStep: 2, supervisorId: manager.id, report: '电话指导无法解决，申请派工程师上门' })
    const after = await later.call('tickets.get', { id: t.id })
    expect(after.escalation).toMatchObject({ step: 2, proposal: null })
    expect(after.events.at(-1)).toMatchObject({ kind: 'escalated', data: { step: 2, supervisorName: '杨建华', report: '电话指导无法解决，申请派工程师上门' } })
  })
})

describe('warranty at intake', () => {
  it('the preview and the saved ticket carry the verdict of the device', async () => {
    const desk = await testDesk()
    const card = await desk.call('customers.card', { id: 'st-wh-cus-0001' })
    const asset = card.assets[0]!
    const preview = await desk.call('tickets.preview', { customerId: card.id, assetId: asset.id, faultLevel: 'general', serviceMode: 'onsite' })
    expect(preview).toMatchObject({ serviceLevel: '7x24', zone: 'city', rulesVersion: 1, onsiteFee: 50 })
    expect(preview.clocks.map((c) => c.clock)).toEqual(['respond', 'arrive', 'resolve'])
    expect(preview.warranty!.parts.length).toBeGreaterThan(0)
    const t = await desk.call('ticket.create', { ...TICKET_DRAFT, assetId: asset.id })
    expect((await desk.call('tickets.get', { id: t.id })).warranty).toEqual(preview.warranty!.main)
    const damaged = await desk.call('tickets.preview', { customerId: card.id, assetId: asset.id, faultLevel: 'general', serviceMode: 'onsite', cause: 'user_damage' })
    expect(damaged.warranty!.main).toMatchObject({ covered: false, reason: 'user_damage' })
  })
})

describe('holiday import (CSV)', () => {
  it('imports a year and the clocks follow it', async () => {
    const dir = tempDir()
    const { desk } = await fiveByEightCustomer(dir, '2026-12-31 17:00')
    const csv = '日期,类型,名称\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n2027-01-03,休,元旦\n2027-01-04,班,元旦调休上班\n'
    expect(await desk.call('rules.importHolidays', { baseVersion: 1, csv })).toEqual({ version: 2, imported: 4 })
    const { rules } = await desk.call('rules.get', {})
    expect(rules.holidays.filter((h) => h.date.startsWith('2027'))).toHaveLength(4)
    expect(rules.holidays.filter((h) => h.date.startsWith('2026')).length).toBeGreaterThan(30)
  })

  it('refuses a bad file line by line, in Chinese, and changes nothing', async () => {
    const dir = tempDir()
    const { desk } = await fiveByEightCustomer(dir, '2026-12-31 17:00')
    const err = await failure(desk.call('rules.importHolidays', { baseVersion: 1, csv: '2027-02-30,休,春节\n2027-02-10,放,春节\n2027-02-11,休,春节\n2027-02-11,休,春节' }))
    expect(err.code).toBe('validation')
    expect(err.issues).toEqual([
      { path: 'csv.1', key: 'errors.holidays.date' },
      { path: 'csv.2', key: 'errors.holidays.kind' },
      { path: 'csv.4', key: 'errors.holidays.duplicate' },
    ])
    expect((await desk.call('rules.get', {})).version).toBe(1)
  })

  it('refuses rules that do not hold together', async () => {
    const dir = tempDir()
    const { desk } = await fiveByEightCustomer(dir, '2026-12-31 17:00')
    const { rules } = await desk.call('rules.get', {})
    rules.sla[0] = { ...rules.sla[0]!, warn: 90, limit: 30 }
    const err = await failure(desk.call('rules.update', { baseVersion: 1, rules, note: '' }))
    expect(err.issues).toEqual([expect.objectContaining({ path: 'rules.sla.0.warn', key: 'errors.rules.warnAfterLimit' })])
    expect((await desk.call('rules.get', {})).version).toBe(1)
  })
})
