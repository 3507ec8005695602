// 备件 on a real desk (SQLite file): a month of movements that reconciles to zero, the bad-part return
// chain, and every forbidden move refused in Chinese with nothing changed (stock, ledger, outbox).
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Desk } from '../../electron/desk'
import { failure, testDesk } from './helpers'

const CLERK = 'st-wh-clerk'
const MANAGER = 'st-wh-manager'
const SIGNED = { clerkId: CLERK, managerId: MANAGER }
const HDD = 'part-hdd-500'
const HDD_1T = 'part-hdd-1t'
const KB = 'part-kb-usb'

/** A desk whose clock the test moves: the demo stock is booked in October and November 2026. */
async function partsDesk(at = '2026-11-20T10:30:00+08:00'): Promise<{ desk: Desk; setNow(iso: string): void }> {
  let now = new Date(at)
  const desk = await testDesk({ now: () => now })
  return { desk, setNow: (iso) => (now = new Date(iso)) }
}

async function everything(desk: Desk) {
  return {
    stock: await desk.call('parts.stock', {}),
    ledger: (await desk.call('parts.ledger', {})).length,
    outbox: (await desk.call('desk.info', {})).pendingMutations,
  }
}

const engineerOf = async (desk: Desk) => (await desk.call('parts.people', {})).find((p) => p.role === 'engineer')!.id
const ticketOf = async (desk: Desk) => (await desk.call('tickets.list', { stationId: 'st-wh' })).rows.find((t) => t.status !== 'closed')!.id

describe('备件 ledger and balances', () => {
  it('a new demo desk has the catalogue and the station’s stock, booked in the ledger', async () => {
    const { desk } = await partsDesk()
    const stock = await desk.call('parts.stock', {})
    expect(stock.find((p) => p.id === HDD)).toMatchObject({ number: 'HDD-500G', shelf: 3, engineer: 3, bad: 0 })
    expect(stock.find((p) => p.id === 'part-mem-4g')).toMatchObject({ shelf: 4, engineer: 5, bad: 1 })
    const ledger = await desk.call('parts.ledger', {})
    expect(ledger.map((m) => m.kind)).toEqual(expect.arrayContaining(['receive', 'issue', 'swap']))
    const { slips } = await desk.call('parts.returns', {})
    // swapped on the 11th: open for nine days, past the week a bad part may stay
    expect(slips).toMatchObject([{ number: 'FX-DEMO-001', partNumber: 'MEM-DDR3-4G', status: 'open', keptTooLong: true }])
    // the demo is the desk's own: nothing waits to go to a server
    expect((await desk.call('desk.info', {})).pendingMutations).toBe(0)
  })

  it('a month of issues, a swap, a good return, a box to the warehouse and its receipt reconciles to zero difference; both sign; the month locks', async () => {
    const { desk, setNow } = await partsDesk('2026-11-24T09:00:00+08:00')
    const engineer = await engineerOf(desk)
    const ticket = await ticketOf(desk)
    await desk.call('parts.receive', { partId: KB, qty: 5, reference: 'FH-1124' })
    await desk.call('parts.issue', { partId: HDD, qty: 2, engineerId: engineer, ...SIGNED })
    const { slipNumber } = await desk.call('parts.swap', { ticketId: ticket, engineerId: engineer, partId: HDD, faultDescription: '硬盘坏道，开机报 SMART 错误' })
    expect(slipNumber).toMatch(/^FX-WH1-261124-\d{3}$/)
    await desk.call('parts.returnGood', { partId: HDD, qty: 1, engineerId: engineer, ...SIGNED })
    const box = await desk.call('returns.ship', {})
    expect(box.slips).toBe(2)
    await desk.call('returns.receive', { batchId: box.batchId })
    const { slips } = await desk.call('parts.returns', {})
    expect(slips.every((s) => s.status === 'received')).toBe(true)
    // the ticket shows what was used on it, and no bad part left to return
    const onTicket = await desk.call('parts.ofTicket', { ticketId: ticket })
    expect(onTicket.movements.map((m) => m.kind)).toContain('swap')
    expect(onTicket.slips.find((s) => s.number === slipNumber)).toMatchObject({ status: 'received', partNumber: 'HDD-500G' })

    const month = await desk.call('parts.reconciliation', { month: '2026-11' })
    const hddShelf = month.lines.find((l) => l.partNumber === 'HDD-500G' && l.place === 'shelf')!
    // in: the demo's 6 from the branch on the 3rd and the good one returned; out: 3 issued on the 10th and 2 today
    expect(hddShelf).toMatchObject({ opening: 0, received: 7, sent: 5, expected: 2, counted: null })
    await desk.call('recon.count', { month: '2026-11', counts: month.lines.map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: l.expected })) })
    const counted = await desk.call('parts.reconciliation', { month: '2026-11' })
    expect(counted.lines.every((l) => l.counted === l.expected && l.difference === 0)).toBe(true)

    // not before the month's last day
    expect(await failure(desk.call('recon.sign', { month: '2026-11', signerId: CLERK }))).toMatchObject({ key: 'errors.parts.monthNotOver', message: '2026-11 还没到最后一天，不能对帐签字' })
    setNow('2026-12-01T09:00:00+08:00')
    expect(await desk.call('recon.sign', { month: '2026-11', signerId: CLERK })).toEqual({ locked: false })
    expect(await failure(desk.call('recon.sign', { month: '2026-11', signerId: CLERK }))).toMatchObject({ key: 'errors.parts.alreadySigned' })
    expect(await desk.call('recon.sign', { month: '2026-11', signerId: MANAGER })).toEqual({ locked: true })
    const closed = await desk.call('parts.reconciliation', { month: '2026-11' })
    expect(closed).toMatchObject({ clerk: { name: '李晓梅' }, manager: { id: MANAGER }, lockedAt: '2026-12-01T01:00:00.000Z' })

    // a locked month takes no more movements, counts or signatures; December goes on
    setNow('2026-11-30T18:00:00+08:00')
    const before = await everything(desk)
    expect(await failure(desk.call('parts.receive', { partId: KB, qty: 1, reference: '' }))).toMatchObject({ key: 'errors.parts.monthLocked', message: '2026-11 已对帐封账，不能再改；请在下月做更正分录' })
    expect(await failure(desk.call('recon.count', { month: '2026-11', counts: [] }))).toMatchObject({ key: 'errors.parts.monthLocked' })
    expect(await everything(desk)).toEqual(before)
    // the correcting entry goes into December
    setNow('2026-12-01T10:00:00+08:00')
    await desk.call('parts.adjust', { partId: KB, place: 'shelf', delta: -1, reason: '11 月盘点后发现包装内缺一只，更正', managerId: MANAGER })
    expect((await desk.call('parts.ledger', { from: '2026-12-01', to: '2026-12-31' })).map((m) => [m.kind, m.reason, m.managerName])).toEqual([['adjust', '11 月盘点后发现包装内缺一只，更正', '杨建华']])
  })

  it('a counted difference cannot be signed until it is explained, and the explanation is kept', async () => {
    const { desk, setNow } = await partsDesk('2026-11-30T17:00:00+08:00')
    const lines = (await desk.call('parts.reconciliation', { month: '2026-11' })).lines
    const counts = lines.map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: l.partId === KB && l.place === 'shelf' ? l.expected - 1 : l.expected }))
    await desk.call('recon.count', { month: '2026-11', counts })
    expect(await failure(desk.call('recon.sign', { month: '2026-11', signerId: MANAGER }))).toMatchObject({ key: 'errors.parts.differenceReason', message: '键盘 KB-USB-01 盘点差异 -1 件，请写明原因' })
    await desk.call('recon.count', { month: '2026-11', counts: counts.map((c) => (c.partId === KB && c.place === 'shelf' ? { ...c, reason: '借给总部演示未归还' } : c)) })
    setNow('2026-11-30T18:00:00+08:00')
    await desk.call('recon.sign', { month: '2026-11', signerId: MANAGER })
    const view = await desk.call('parts.reconciliation', { month: '2026-11' })
    expect(view.lines.find((l) => l.partId === KB && l.place === 'shelf')).toMatchObject({ difference: -1, reason: '借给总部演示未归还' })
    expect(view).toMatchObject({ manager: { id: MANAGER }, lockedAt: null })
    // a movement after one signature changes the books: the signature goes, the month stays open
    await desk.call('parts.receive', { partId: KB, qty: 1, reference: 'FH-1130' })
    expect(await desk.call('parts.reconciliation', { month: '2026-11' })).toMatchObject({ manager: null, clerk: null, lockedAt: null })
  })
})

describe('备件: forbidden moves are refused in Chinese and change nothing', () => {
  it('refuses to issue more than the shelf holds', async () => {
    const { desk } = await partsDesk()
    const before = await everything(desk)
    expect(await failure(desk.call('parts.issue', { partId: HDD, qty: 4, engineerId: await engineerOf(desk), ...SIGNED }))).toMatchObject({
      code: 'rule',
      key: 'errors.parts.negative',
      message: '库存不足：硬盘 HDD-500G（在库好件）现有 3 件，不能再出 4 件',
    })
    expect(await everything(desk)).toEqual(before)
  })

  it('refuses to issue a bad part: only the good shelf issues, and a part whose only units are bad has none there', async () => {
    const { desk } = await partsDesk()
    const engineer = await engineerOf(desk)
    // the only 1 TB disks: one on the shelf, issued and swapped, so the station holds one bad one and no good
    await desk.call('parts.issue', { partId: HDD_1T, qty: 3, engineerId: engineer, ...SIGNED })
    await desk.call('parts.swap', { ticketId: await ticketOf(desk), engineerId: engineer, partId: HDD_1T, faultDescription: '硬盘异响，无法识别' })
    await desk.call('parts.returnGood', { partId: HDD_1T, qty: 2, engineerId: engineer, ...SIGNED })
    await desk.call('parts.adjust', { partId: HDD_1T, place: 'shelf', delta: -2, reason: '两块送分公司检测', managerId: MANAGER })
    expect((await desk.call('parts.stock', {})).find((p) => p.id === HDD_1T)).toMatchObject({ shelf: 0, bad: 1 })
    const before = await everything(desk)
    expect(await failure(desk.call('parts.issue', { partId: HDD_1T, qty: 1, engineerId: engineer, ...SIGNED }))).toMatchObject({ message: '库存不足：硬盘 HDD-1T（在库好件）现有 0 件，不能再出 1 件' })
    expect(await everything(desk)).toEqual(before)
  })

  it('refuses a substitute without the branch’s approval, a lower grade, or another kind of part; with approval it is noted on the return slip', async () => {
    const { desk } = await partsDesk()
    const engineer = await engineerOf(desk)
    const ticket = await ticketOf(desk)
    await desk.call('parts.issue', { partId: HDD_1T, qty: 1, engineerId: engineer, ...SIGNED })
    const before = await everything(desk)
    const swap = (extra: object) => desk.call('parts.swap', { ticketId: ticket, engineerId: engineer, partId: HDD_1T, badPartId: HDD, faultDescription: '硬盘坏道', ...extra })
    expect(await failure(swap({}))).toMatchObject({ key: 'errors.parts.substituteNeedsApproval', message: expect.stringContaining('需要分公司批准') })
    expect(await failure(swap({ badPartId: KB, approvedBy: MANAGER, approvalNote: '同意' }))).toMatchObject({ key: 'errors.parts.substituteCategory' })
    expect(await failure(desk.call('parts.swap', { ticketId: ticket, engineerId: engineer, partId: HDD, badPartId: HDD_1T, faultDescription: '硬盘坏道', approvedBy: MANAGER, approvalNote: '同意' }))).toMatchObject({
      key: 'errors.parts.substituteLowerGrade',
    })
    expect(await everything(desk)).toEqual(before)
    const { slipId } = await swap({ approvedBy: MANAGER, approvalNote: '分公司王经理电话同意' })
    expect(await desk.call('parts.slip', { id: slipId })).toMatchObject({ partNumber: 'HDD-500G', goodPartNumber: 'HDD-1T', note: '不同型号更换：以 HDD-1T 代 HDD-500G；分公司王经理电话同意' })
  })

  it('refuses an issue without both signatures of the right roles, an adjustment not signed by the manager or without a reason, and a return slip without a fault', async () => {
    const { desk } = await partsDesk()
    const engineer = await engineerOf(desk)
    const before = await everything(desk)
    expect(await failure(desk.call('parts.issue', { partId: HDD, qty: 1, engineerId: engineer, clerkId: CLERK, managerId: CLERK }))).toMatchObject({ message: '李晓梅 不是本站的客服主任' })
    expect(await failure(desk.call('parts.adjust', { partId: KB, place: 'shelf', delta: 1, reason: '找到一只', managerId: CLERK }))).toMatchObject({ message: '李晓梅 不是本站的客服主任' })
    expect(await failure(desk.call('parts.adjust', { partId: KB, place: 'shelf', delta: 1, reason: '', managerId: MANAGER }))).toMatchObject({ code: 'validation' })
    expect(await failure(desk.call('parts.swap', { ticketId: await ticketOf(desk), engineerId: engineer, partId: HDD, faultDescription: '坏' }))).toMatchObject({ code: 'validation' })
    expect(await everything(desk)).toEqual(before)
  })

  it('reads a catalogue file, refuses a bad line naming it, and imports new and changed parts', async () => {
    const { desk } = await partsDesk()
    const bad = '编号,名称,型号,类别,档次,成本,保外价\nSSD-240G,固态硬盘,金士顿 A400,硬盘,3,160,260\nX-1,,型号,硬盘,1,1,1\n'
    expect(await failure(desk.call('parts.parseImport', { text: bad }))).toMatchObject({ key: 'errors.parts.importProblems', message: '备件文件有 1 处错误，未导入：第 3 行名称：必填' })
    const { parts } = await desk.call('parts.parseImport', { text: '\uFEFF编号,名称,型号,类别,档次,成本,保外价\nSSD-240G,固态硬盘,金士顿 A400,硬盘,3,160,260\nKB-USB-01,键盘,罗技 K120,键盘,1,45,75.5\n' })
    expect(parts[0]).toEqual({ number: 'SSD-240G', name: '固态硬盘', model: '金士顿 A400', category: 'hdd', grade: 3, unitCost: 16000, price: 26000 })
    expect(await desk.call('part.import', { parts })).toEqual({ added: 1, updated: 1 })
    const catalogue = await desk.call('parts.catalogue', {})
    expect(catalogue.find((p) => p.number === 'KB-USB-01')).toMatchObject({ price: 7550 })
  })

  it('reads the same columns from an Excel workbook, and refuses a file that is not one', async () => {
    const { desk } = await partsDesk()
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('备件目录')
    sheet.addRow(['编号', '名称', '型号', '类别', '档次', '成本', '保外价'])
    sheet.addRow(['PSU-400W', '电源', '航嘉 JUMPER 400', '电源', 2, 210, 320.5])
    const xlsxBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
    expect((await desk.call('parts.parseImport', { xlsxBase64 })).parts).toEqual([{ number: 'PSU-400W', name: '电源', model: '航嘉 JUMPER 400', category: 'psu', grade: 2, unitCost: 21000, price: 32050 }])
    expect(await failure(desk.call('parts.parseImport', { xlsxBase64: Buffer.from('编号,名称').toString('base64') }))).toMatchObject({ message: '这个文件不是 Excel 工作簿（.xlsx）' })
  })
})

describe('备件: loaners', () => {
  it('a monitor lent to a ticket\'s customer is held by that ticket until it comes back', async () => {
    const { desk } = await partsDesk()
    const ticket = await ticketOf(desk)
    const { rows } = await desk.call('tickets.list', { stationId: 'st-wh' })
    const number = rows.find((r) => r.id === ticket)!.number
    await desk.call('parts.lendLoaner', { partId: 'part-lcd-19', ticketId: ticket })
    expect((await desk.call('parts.stock', {})).find((p) => p.id === 'part-lcd-19')).toMatchObject({ shelf: 1, loaned: 1 })
    const line = (await desk.call('parts.reconciliation', { month: '2026-11' })).lines.find((l) => l.place === 'loaned')
    expect(line).toMatchObject({ partNumber: 'LCD-19-01', holderName: number, expected: 1 })
    await desk.call('parts.takeBackLoaner', { partId: 'part-lcd-19', ticketId: ticket })
    expect((await desk.call('parts.stock', {})).find((p) => p.id === 'part-lcd-19')).toMatchObject({ shelf: 2, loaned: 0 })
    expect(await failure(desk.call('parts.takeBackLoaner', { partId: 'part-lcd-19', ticketId: ticket }))).toMatchObject({ key: 'errors.parts.negative' })
  })
})

describe('备件: requests to the branch and damage assessments', () => {
  const HQ_STAFF = 'st-hq-hq-1'

  it('a request is received against only once the branch approved it, and only for the parts it names', async () => {
    const { desk } = await partsDesk()
    const { id, number } = await desk.call('parts.request', { lines: [{ partId: HDD, qty: 4 }, { partId: KB, qty: 2 }], reason: '本月硬盘更换量大，好件不足' })
    expect(number).toMatch(/^SQ-WH1-261120-\d{3}$/)
    const before = await everything(desk)
    expect(await failure(desk.call('parts.receive', { partId: HDD, qty: 4, reference: '', requestId: id }))).toMatchObject({ message: `申请表 ${number} 还没有被分公司批准` })
    expect(await failure(desk.call('parts.decideRequest', { requestId: id, approve: true, approverId: MANAGER, note: '' }))).toMatchObject({ message: '杨建华 不是分公司客服中心的人员，不能审批' })
    expect(await everything(desk)).toEqual(before)
    await desk.call('parts.decideRequest', { requestId: id, approve: true, approverId: HQ_STAFF, note: '同意，明日发货' })
    expect(await failure(desk.call('parts.decideRequest', { requestId: id, approve: false, approverId: HQ_STAFF, note: '' }))).toMatchObject({ key: 'errors.parts.alreadyDecided' })
    expect(await failure(desk.call('parts.receive', { partId: 'part-psu-300', qty: 1, reference: '', requestId: id }))).toMatchObject({ message: `申请表 ${number} 里没有这个备件` })
    await desk.call('parts.receive', { partId: HDD, qty: 4, reference: '', requestId: id })
    const { requests } = await desk.call('parts.requests', {})
    expect(requests[0]).toMatchObject({ number, status: 'received', decidedBy: '何静', decisionNote: '同意，明日发货', lines: [{ partNumber: 'HDD-500G', qty: 4 }, { partNumber: 'KB-USB-01', qty: 2 }] })
    expect((await desk.call('parts.ledger', { partId: HDD, limit: 1 }))[0]).toMatchObject({ kind: 'receive', reference: number, qty: 4 })
  })

  it('a part damaged by the user is exchanged only with an approved assessment, once', async () => {
    const { desk } = await partsDesk()
    const engineer = await engineerOf(desk)
    const ticket = await ticketOf(desk)
    await desk.call('parts.issue', { partId: KB, qty: 2, engineerId: engineer, ...SIGNED })
    const swap = (assessmentId?: string) => desk.call('parts.swap', { ticketId: ticket, engineerId: engineer, partId: KB, faultDescription: '键盘进水，多键失灵', physicalDamage: true, assessmentId })
    const before = await everything(desk)
    expect(await failure(swap())).toMatchObject({ message: '键盘 KB-USB-01 为物理损坏，须有分公司批准的物理损坏鉴定表才能更换' })
    const { id, number } = await desk.call('parts.assessDamage', { ticketId: ticket, partId: KB, finding: '键盘内有茶水痕迹，电路板腐蚀，属人为损坏' })
    expect(number).toMatch(/^JD-WH1-/)
    expect(await failure(swap(id))).toMatchObject({ key: 'errors.parts.damageNeedsApproval' })
    expect((await everything(desk)).stock).toEqual(before.stock)
    await desk.call('parts.decideAssessment', { assessmentId: id, approve: true, approverId: HQ_STAFF, note: '同意更换，保外收费' })
    const { slipId } = await swap(id)
    expect((await desk.call('parts.slip', { id: slipId })).note).toBe(`物理损坏，鉴定表 ${number} 已批准`)
    expect(await failure(swap(id))).toMatchObject({ key: 'errors.parts.damageNeedsApproval' })
    expect((await desk.call('parts.requests', {})).assessments[0]).toMatchObject({ number, status: 'approved', used: true, decidedBy: '何静' })
  })
})
