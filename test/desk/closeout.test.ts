// 完工, 上门未遇 and 送修 on a real desk (SQLite file): a close-out books its part from the engineer's
// holdings, opens the bad part's return slip, charges what the warranty engine says and resolves the
// ticket; every refusal is in Chinese and changes nothing; a carry-in runs from the counter to pick-up.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Desk } from '../../electron/desk'
import { TICKET_DRAFT } from '../fixtures'
import { refusedLeaving, testDesk } from './helpers'

const LIU = 'st-wh-eng-01' // holds one HDD-500G and two MEM-DDR3-4G in the demo
const PU = 'st-wh-eng-05' // the same
const MANAGER = 'st-wh-manager'
const HDD = 'part-hdd-500'
const HDD_1T = 'part-hdd-1t'
/** 戴尔 Latitude 5420 bought 2024-08-14: the laptop's year is over, its disk's 3 years are not. */
const LAPTOP_2024 = 'st-wh-cus-0001-as-1'
/** 华为 MateBook D14 bought 2022-11-11: everything out of warranty. */
const LAPTOP_2022 = 'st-wh-cus-0001-as-2'
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const DRAWN = { kind: 'drawn', image: SIGNATURE, signer: '王主任' } as const

function raw(desk: Desk) {
  return new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true })
}
/** The close-out's rows, the stock and the outbox: what a refusal must not touch. */
const CLOSE_OUT_STATE = {
  tickets: 'SELECT * FROM tickets ORDER BY id',
  reports: 'SELECT * FROM job_reports',
  carryIns: 'SELECT * FROM carry_ins',
  stock: 'SELECT * FROM part_stock ORDER BY id',
  movements: 'SELECT count(*) AS n FROM part_movements',
  slips: 'SELECT count(*) AS n FROM return_slips',
  outbox: 'SELECT count(*) AS n FROM outbox',
}
/** A refused call: its Chinese message (a form's: the messages of its fields), and proof that it changed and queued nothing. */
const refused = (desk: Desk, call: Promise<unknown>) => refusedLeaving(desk, CLOSE_OUT_STATE, call, { paths: true })
const held = async (desk: Desk, engineerId: string, partId: string) => (await desk.call('parts.holdings', {})).find((h) => h.engineerId === engineerId && h.partId === partId)?.qty ?? 0
const price = async (desk: Desk, partId: string) => (await desk.call('parts.catalogue', {})).find((p) => p.id === partId)!.price

/** An on-site ticket on one of the hospital's laptops, assigned to an engineer who is now at the door. */
async function onSite(desk: Desk, assetId: string, engineerId = LIU): Promise<string> {
  const { id } = await desk.call('ticket.create', { ...TICKET_DRAFT, assetId, category: 'laptop', faultDescription: '笔记本开机后硬盘灯常亮，系统无法进入' })
  await desk.call('ticket.assign', { ticketId: id, engineerId, appointmentStart: '2026-11-20T03:00:00.000Z', appointmentEnd: '2026-11-20T04:00:00.000Z' })
  await desk.call('ticket.arrive', { ticketId: id })
  return id
}

const closeOut = (ticketId: string, patch: Record<string, unknown> = {}) => ({
  ticketId,
  engineerId: LIU,
  arrivedAt: '2026-11-20T01:40:00.000Z',
  departedAt: '2026-11-20T02:25:00.000Z',
  cause: '硬盘坏道导致系统文件损坏',
  fix: '更换硬盘，重装系统并恢复客户备份',
  advice: '重要资料定期备份到移动硬盘',
  dataBackedUp: true,
  onsiteRequested: true,
  parts: [{ partId: HDD, faultDescription: '硬盘坏道，SMART 报警' }],
  signature: DRAWN,
  ...patch,
})

describe('完工 on site', () => {
  it('books the part from the engineer, opens its return slip, charges the price list plus the requested visit out of warranty, and resolves the ticket', async () => {
    const desk = await testDesk()
    const id = await onSite(desk, LAPTOP_2022)
    const hddPrice = await price(desk, HDD)
    const quote = await desk.call('closeout.quote', { ticketId: id, partIds: [HDD], onsiteRequested: true })
    expect(quote).toMatchObject({ deviceCovered: false, materials: hddPrice, onsiteFee: 5_000, total: hddPrice + 5_000, lines: [{ partId: HDD, covered: false, reason: 'expired' }] })

    const done = await desk.call('ticket.closeOut', closeOut(id))
    expect(done.total).toBe(quote.total)
    expect(done.slips).toEqual([expect.stringMatching(/^FX-WH1-261120-\d{3}$/)])
    expect(await held(desk, LIU, HDD)).toBe(0)

    const ticket = await desk.call('tickets.get', { id })
    expect(ticket.status).toBe('resolved')
    expect(ticket.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['resolved', 'closed_out']))
    const { slips } = await desk.call('parts.ofTicket', { ticketId: id })
    expect(slips).toMatchObject([{ number: done.slips[0], partNumber: 'HDD-500G', status: 'open', faultDescription: '硬盘坏道，SMART 报警' }])

    const slip = await desk.call('closeout.slip', { ticketId: id })
    expect(slip).toMatchObject({
      ticketNumber: ticket.number,
      station: { name: '昆明五华站' },
      customer: { unitName: '五华区人民医院信息科' },
      asset: { brand: '华为', model: 'MateBook D14' },
      engineerName: '刘平',
      cause: '硬盘坏道导致系统文件损坏',
      dataBackedUp: true,
      lines: [{ partNumber: 'HDD-500G', partName: '硬盘', covered: false, charged: hddPrice, slipNumber: done.slips[0] }],
      charges: { materials: hddPrice, onsiteFee: 5_000, total: hddPrice + 5_000, adjustReason: '' },
      signature: { kind: 'drawn', image: SIGNATURE, signer: '王主任' },
      printCount: 0,
    })
    expect(slip.arrivedAt).not.toBeNull()

    // the close-out is one outbox entry, with the ids and slip numbers the desk made
    const db = raw(desk)
    const last = db.prepare('SELECT name, args FROM outbox ORDER BY mutation_id DESC LIMIT 1').get() as { name: string; args: string }
    db.close()
    expect(last.name).toBe('ticket.closeOut')
    expect(JSON.parse(last.args).lines).toEqual([{ movementId: expect.any(String), slipId: expect.any(String), slipNumber: done.slips[0] }])

    // printed once: the next print says 补打
    await desk.call('slips.printed', { kind: 'repair_slip', ids: [slip.reportId] })
    expect((await desk.call('closeout.slip', { ticketId: id })).printCount).toBe(1)
    expect(await desk.call('closeout.slipsOfDay', { day: '2026-11-20' })).toMatchObject([{ ticketNumber: ticket.number, printCount: 1 }])
    expect(await desk.call('closeout.slipsOfDay', { day: '2026-11-19' })).toEqual([])
  })

  it('charges each part by its own warranty: a disk still in its 3 years on a laptop past its year is free; no visit fee when not asked for', async () => {
    const desk = await testDesk()
    const id = await onSite(desk, LAPTOP_2024)
    const done = await desk.call('ticket.closeOut', closeOut(id, { onsiteRequested: false }))
    expect(done.total).toBe(0)
    expect((await desk.call('closeout.slip', { ticketId: id })).lines).toMatchObject([{ covered: true, reason: 'in_period', charged: 0 }])
  })

  it('a part replaced at the customer’s cost is free when it fails again within 3 months; the visit is still charged', async () => {
    const desk = await testDesk()
    const first = await onSite(desk, LAPTOP_2022)
    await desk.call('ticket.closeOut', closeOut(first, { onsiteRequested: false }))
    const again = await onSite(desk, LAPTOP_2022, PU)
    const quote = await desk.call('closeout.quote', { ticketId: again, partIds: [HDD], onsiteRequested: true })
    expect(quote).toMatchObject({ materials: 0, onsiteFee: 5_000, total: 5_000, lines: [{ covered: true, reason: 'rewarranty' }] })
    expect((await desk.call('ticket.closeOut', closeOut(again, { engineerId: PU }))).total).toBe(5_000)
  })

  it('a manager may set the amount agreed with the customer, with a reason', async () => {
    const desk = await testDesk()
    const id = await onSite(desk, LAPTOP_2022)
    const done = await desk.call('ticket.closeOut', closeOut(id, { adjustment: { total: 30_000, reason: '老客户，经理同意优惠', managerId: MANAGER }, signature: { kind: 'paper', signer: '' } }))
    expect(done.total).toBe(30_000)
    const slip = await desk.call('closeout.slip', { ticketId: id })
    expect(slip.charges).toMatchObject({ total: 30_000, computed: (await price(desk, HDD)) + 5_000, adjustReason: '老客户，经理同意优惠', adjustedByName: expect.any(String) })
    expect(slip.signature).toEqual({ kind: 'paper', image: '', signer: '' })
  })

  it('refuses, in Chinese and changing nothing: no cause, no fix, an engineer not on the job, a part he does not hold, times out of order, an adjustment without a manager, no signature', async () => {
    const desk = await testDesk()
    const id = await onSite(desk, LAPTOP_2022)
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { cause: ' ' })))).toContain('请写明故障原因')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { fix: '' })))).toContain('请写明解决方法')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { engineerId: PU })))).toBe(`普凯 不是工单 ${(await desk.call('tickets.get', { id })).number} 的主办或协助工程师`)
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { parts: [{ partId: HDD_1T, faultDescription: '硬盘坏道，SMART 报警' }] })))).toMatch(/^库存不足：硬盘 HDD-1T（工程师领用）现有 0 件/)
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { departedAt: '2026-11-20T01:00:00.000Z' })))).toBe('离开时间不能早于到达时间，也不能晚于现在')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { adjustment: { total: 0, reason: '免单', managerId: LIU } })))).toContain('不是本站的')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { adjustment: { total: 0, reason: '', managerId: MANAGER } })))).toContain('请写明原因')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { signature: undefined })))).toContain('请让客户在屏幕上签字')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { signature: { kind: 'drawn', image: 'data:image/png;base64,<script>', signer: '王' } })))).toContain('签名图片格式不正确')
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { signature: { kind: 'drawn', image: SIGNATURE, signer: '' } })))).toContain('请填写签字客户的姓名')
    // and once closed, not again
    await desk.call('ticket.closeOut', closeOut(id))
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(id, { parts: [] })))).toBe('工单已完成或关闭，不能再修改时限')
  })
})

describe('上门未遇', () => {
  it('after 20 minutes and a note the job goes back to its engineer with a new window; less than 20 minutes is refused', async () => {
    const desk = await testDesk()
    const id = await onSite(desk, LAPTOP_2022)
    const visit = { ticketId: id, arrivedAt: '2026-11-20T01:50:00.000Z', noteLeft: '10:00 到达，10:25 离开，请致电 0871-65550001 刘平', appointmentStart: '2026-11-20T06:00:00.000Z', appointmentEnd: '2026-11-20T07:00:00.000Z' }
    expect(await refused(desk, desk.call('ticket.visitMissed', { ...visit, leftAt: '2026-11-20T02:05:00.000Z' }))).toBe('客户不在时须等候 20 分钟后方可离开（本次只等了 15 分钟）')
    expect(await refused(desk, desk.call('ticket.visitMissed', { ...visit, leftAt: '2026-11-20T02:15:00.000Z', noteLeft: '' }))).toContain('留言条')
    expect(await refused(desk, desk.call('ticket.visitMissed', { ...visit, leftAt: '2026-11-20T02:15:00.000Z', appointmentStart: '2026-11-20T02:00:00.000Z' }))).toContain('请重新预约')
    await desk.call('ticket.visitMissed', { ...visit, leftAt: '2026-11-20T02:15:00.000Z' })
    const t = await desk.call('tickets.get', { id })
    expect(t).toMatchObject({ status: 'assigned', appointmentStart: visit.appointmentStart, appointmentEnd: visit.appointmentEnd })
    expect(t.events.find((e) => e.kind === 'visit_missed')?.data).toMatchObject({ waited: 25, note: visit.noteLeft })
    // the visit did not happen: the arrival clock runs again
    expect(t.clocks.find((c) => c.clock === 'arrive')?.state).not.toBe('met')
    // and a job waiting for parts is not sent back to 已派工
    await desk.call('ticket.arrive', { ticketId: id })
    await desk.call('ticket.pause', { ticketId: id, reason: 'parts' })
    expect(await refused(desk, desk.call('ticket.visitMissed', { ...visit, leftAt: '2026-11-20T02:15:00.000Z' }))).toBe('工单当前为「待备件」，不能登记上门未遇')
  })
})

describe('送修: from the counter to pick-up', () => {
  const intake = (ticketId: string, patch: Record<string, unknown> = {}) => ({
    ticketId,
    tagNumber: 'WH-0087',
    device: { category: 'laptop' as const, brand: '华为', model: 'MateBook D14', serial: 'SN59968308' },
    accessories: [
      { item: '笔记本电脑', standard: true, present: true },
      { item: '电源适配器', standard: true, present: false },
      { item: '电池', standard: true, present: true },
      { item: '电脑包', standard: false, present: true },
    ],
    conditionNote: 'A 面有划痕',
    promisedOn: '2026-11-23',
    ...patch,
  })

  it('takes the device in with its receipt, reminds the desk of the calls owed, closes out at the bench and hands it back on the receipt, checked twice', async () => {
    let now = new Date('2026-11-20T02:30:00Z')
    const desk = await testDesk({ now: () => now })
    const { id: ticketId, number } = await desk.call('ticket.create', { ...TICKET_DRAFT, assetId: LAPTOP_2022, category: 'laptop', serviceMode: 'carry_in', faultDescription: '笔记本无法开机' })
    const { id: other } = await desk.call('ticket.create', { ...TICKET_DRAFT, category: 'laptop', serviceMode: 'carry_in', faultDescription: '键盘失灵' })
    expect(await refused(desk, desk.call('ticket.closeOut', closeOut(other, { parts: [] })))).toContain('还没有收机登记')
    // nor resolved bare: the device would never be ready for pick-up
    expect(await refused(desk, desk.call('ticket.resolve', { ticketId, method: 'onsite' }))).toBe(`工单 ${number} 是送修工单：修好后请用「完工」登记，客户凭取机凭证取机`)
    expect(await refused(desk, desk.call('carryIn.intake', intake(ticketId, { promisedOn: '2026-11-19' })))).toBe('约定取机日期不能早于今天')
    expect(await refused(desk, desk.call('carryIn.intake', intake(ticketId, { tagNumber: '' })))).toContain('编号或标记')

    const taken = await desk.call('carryIn.intake', intake(ticketId))
    expect(taken.number).toMatch(/^QJ-WH1-261120-\d{3}$/)
    expect(await refused(desk, desk.call('carryIn.intake', intake(other, { tagNumber: 'wh-0087' })))).toBe(`编号 WH-0087 已用于未取走的送修机器（取机凭证 ${taken.number}），请换一个编号`)
    const receipt = await desk.call('carryIn.receipt', { id: taken.id })
    expect(receipt).toMatchObject({ number: taken.number, ticketNumber: number, tagNumber: 'WH-0087', customer: { unitName: '五华区人民医院信息科' }, promisedOn: '2026-11-23', printCount: 0 })
    expect(receipt.accessories.filter((a) => a.standard && !a.present).map((a) => a.item)).toEqual(['电源适配器'])

    // the day before the promised date, still waiting for a part: the customer is owed a call
    await desk.call('carryIn.step', { carryInId: taken.id, to: 'waiting_parts' })
    expect((await desk.call('carryIn.list', {}))[0]!.lateNotice).toBeNull()
    // waiting for the part pauses the ticket's clocks, as 待备件 on site does
    expect((await desk.call('tickets.get', { id: ticketId })).pauses).toMatchObject([{ reason: 'parts', toAt: null }])
    now = new Date('2026-11-22T02:00:00Z')
    expect((await desk.call('carryIn.list', {}))[0]).toMatchObject({ status: 'waiting_parts', lateNotice: { dueOn: '2026-11-22', kind: 'before_promise', overdue: false } })
    await desk.call('carryIn.notice', { carryInId: taken.id, note: '备件在途，预计 25 日修好' })
    expect((await desk.call('carryIn.list', {}))[0]!.lateNotice).toBeNull()
    now = new Date('2026-11-25T02:00:00Z')
    expect((await desk.call('carryIn.list', {}))[0]!.lateNotice).toEqual({ dueOn: '2026-11-24', kind: 'progress', overdue: true })

    // repaired at the bench by any engineer of the station: no visit, no visit fee
    await desk.call('carryIn.step', { carryInId: taken.id, to: 'repairing' })
    expect((await desk.call('tickets.get', { id: ticketId })).pauses).toMatchObject([{ reason: 'parts', toAt: '2026-11-25T02:00:00.000Z' }])
    const done = await desk.call('ticket.closeOut', closeOut(ticketId, { engineerId: PU, arrivedAt: undefined, departedAt: undefined, onsiteRequested: true }))
    expect(done.total).toBe(await price(desk, HDD))
    expect((await desk.call('carryIn.ofTicket', { ticketId }))).toMatchObject({ status: 'ready', lateNotice: null })

    const pickUp = { carryInId: taken.id, receiptNumber: taken.number.toLowerCase(), checks: 2, pickedUpBy: '王主任', signature: DRAWN }
    expect(await refused(desk, desk.call('carryIn.pickUp', { ...pickUp, receiptNumber: 'QJ-WH1-261120-999' }))).toBe('取机凭证号 QJ-WH1-261120-999 与这台机器不符，请核对客户的取机凭证')
    expect(await refused(desk, desk.call('carryIn.pickUp', { ...pickUp, checks: 1 }))).toBe('取机前须当着客户面复验两次以上')
    await desk.call('carryIn.pickUp', pickUp)
    expect(await desk.call('carryIn.ofTicket', { ticketId })).toMatchObject({ status: 'picked_up', pickedUpBy: '王主任' })
    expect((await desk.call('tickets.get', { id: ticketId })).status).toBe('closed')
    expect(await refused(desk, desk.call('carryIn.pickUp', pickUp))).toBe(`取机凭证 ${taken.number} 的机器已被取走`)
    // the tag is free again
    await desk.call('carryIn.intake', intake(other, { promisedOn: '2026-11-28' }))
  })
})
