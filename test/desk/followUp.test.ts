// 投诉与回访 on a real desk (SQLite file): a resolved job owes its visits by the calendar; a satisfied survey
// closes it, a dissatisfied one opens a complaint filled in from the ticket; a complaint goes through its
// steps in order and cannot close without its corrective and preventive actions; late complaints climb to
// the manager and HQ; plans make their inspection tickets once per period; the reports count what happened.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Desk } from '../../electron/desk'
import { TICKET_DRAFT } from '../fixtures'
import { TEST_NOW, failure, refusedLeaving, testDesk } from './helpers'

const LIU = 'st-wh-eng-01'

/** The follow-up's rows and the outbox: what a refusal must not touch. */
const FOLLOW_UP_STATE = {
  tickets: 'SELECT id, status, closed_at FROM tickets ORDER BY id',
  visits: 'SELECT * FROM return_visits ORDER BY id',
  complaints: 'SELECT * FROM complaints ORDER BY id',
  events: 'SELECT count(*) AS n FROM complaint_events',
  plans: 'SELECT * FROM inspection_plans ORDER BY id',
  outbox: 'SELECT count(*) AS n FROM outbox',
}
const refused = (desk: Desk, call: Promise<unknown>) => refusedLeaving(desk, FOLLOW_UP_STATE, call)

/** A desk whose clock the test moves. */
async function clockDesk(start = TEST_NOW) {
  const clock = { now: start }
  const desk = await testDesk({ now: () => clock.now })
  return { desk, clock, at: (iso: string) => (clock.now = new Date(iso)) }
}

/** An on-site job done by 刘平 this morning. */
async function finishedJob(desk: Desk, method: 'onsite' | 'phone' = 'onsite'): Promise<string> {
  const { id } = await desk.call('ticket.create', { ...TICKET_DRAFT, serviceMode: method === 'phone' ? 'phone_support' : 'onsite' })
  if (method === 'onsite') {
    await desk.call('ticket.assign', { ticketId: id, engineerId: LIU, appointmentStart: '2026-11-20T03:00:00.000Z', appointmentEnd: '2026-11-20T04:00:00.000Z' })
    await desk.call('ticket.arrive', { ticketId: id })
  }
  await desk.call('ticket.resolve', { ticketId: id, method, note: '清理进纸轮' })
  return id
}

const HAPPY = { overall: 5, timeliness: 5, attitude: 4, quality: 5, comment: '很满意' }
const UNHAPPY = { overall: 2, timeliness: 2, attitude: 4, quality: 3, comment: '等了一下午' }

describe('return visits', () => {
  it('a job resolved on Friday owes its level-1 visit by Wednesday and its level-2 visit by next Friday; a phone fix its re-check tomorrow', async () => {
    const desk = await testDesk()
    const onsite = await finishedJob(desk)
    const phone = await finishedJob(desk, 'phone')
    const { visits } = await desk.call('visits.ofTicket', { ticketId: onsite })
    expect(visits.map((v) => [v.kind, v.by, v.dueOn, v.standing])).toEqual([
      ['level1', 'station', '2026-11-25', 'upcoming'],
      ['level2', 'hq', '2026-11-27', 'upcoming'],
    ])
    expect((await desk.call('visits.ofTicket', { ticketId: phone })).visits.map((v) => [v.kind, v.dueAt])).toEqual([
      ['recheck', '2026-11-21T02:30:00.000Z'],
      ['level1', '2026-11-25T16:00:00.000Z'],
      ['level2', '2026-11-27T16:00:00.000Z'],
    ])
    // the station's list has its own calls; HQ's list has the level-2 ones
    const station = await desk.call('visits.list', {})
    expect(station.rows.filter((v) => v.ticketId === onsite).map((v) => v.kind)).toEqual(['level1'])
    expect((await desk.call('visits.list', { scope: 'hq' })).rows.filter((v) => v.ticketId === onsite).map((v) => v.kind)).toEqual(['level2'])
  })

  it('late visits come first and are counted', async () => {
    const { desk, at } = await clockDesk()
    const id = await finishedJob(desk)
    at('2026-11-26T01:00:00.000Z') // Thursday: the level-1 visit was due yesterday
    const list = await desk.call('visits.list', {})
    expect(list.rows[0]!.standing).toBe('late')
    const mine = list.rows.find((v) => v.ticketId === id)!
    expect(mine.standing).toBe('late')
    expect(list.counts.late).toBe(list.rows.filter((v) => v.standing === 'late').length)
  })

  it('a satisfied survey closes the job and shows on its timeline', async () => {
    const desk = await testDesk()
    const id = await finishedJob(desk)
    const result = await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: HAPPY })
    expect(result).toEqual({ complaintId: null, complaintNumber: null })
    const ticket = await desk.call('tickets.get', { id })
    expect(ticket.status).toBe('closed')
    expect(ticket.events.map((e) => e.kind)).toContain('visited')
    const [visit] = (await desk.call('visits.ofTicket', { ticketId: id })).visits
    expect(visit).toMatchObject({ standing: 'done', scores: { overall: 5, timeliness: 5, attitude: 4, quality: 5 }, comment: '很满意' })
  })

  it('nobody answering keeps the visit due and counts the attempt', async () => {
    const desk = await testDesk()
    const id = await finishedJob(desk)
    await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'unreachable', note: '电话无人接听' })
    const [visit] = (await desk.call('visits.ofTicket', { ticketId: id })).visits
    expect(visit).toMatchObject({ standing: 'upcoming', attempts: 1, note: '电话无人接听' })
    expect((await desk.call('tickets.get', { id })).status).toBe('resolved')
  })

  it('a dissatisfied survey opens a complaint filled in from the ticket', async () => {
    const desk = await testDesk()
    const id = await finishedJob(desk)
    const { complaintId, complaintNumber } = await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: UNHAPPY })
    expect(complaintNumber).toMatch(/^TS-WH1-261120-\d{3}$/)
    const c = await desk.call('complaints.get', { id: complaintId! })
    expect(c).toMatchObject({
      ticketId: id,
      engineerId: LIU,
      customerId: TICKET_DRAFT.customerId,
      complainantPhone: TICKET_DRAFT.reporterPhone,
      channel: 'survey',
      category: 'timeliness',
      severity: 'general',
      status: 'registered',
      nextStep: 'investigate',
      // a complaint about timeliness goes to the supervisors at once
      escalation: { level: 1, to: 'manager', reason: 'late_response' },
      visit: { kind: 'level1', scores: { overall: 2, timeliness: 2, attitude: 4, quality: 3 } },
    })
    expect(c.description).toContain('等了一下午')
    expect((await desk.call('tickets.get', { id })).status).toBe('resolved')
    expect((await desk.call('visits.ofTicket', { ticketId: id })).complaints.map((k) => k.number)).toEqual([complaintNumber])
  })

  it('refuses bad surveys and HQ visits from a station desk, changing nothing', async () => {
    const desk = await testDesk()
    const id = await finishedJob(desk)
    expect(await refused(desk, desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: { ...HAPPY, overall: 6 } }))).toBe('评分须为 1 到 5 分')
    expect(await refused(desk, desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached' } as never))).toBe('接通后请填写满意度调查')
    expect(await refused(desk, desk.call('visit.record', { visitId: `${id}:level2`, outcome: 'reached', survey: HAPPY }))).toBe('二级回访由总部客服中心进行')
    expect(await refused(desk, desk.call('visit.record', { visitId: 'nope', outcome: 'reached', survey: HAPPY }))).toBe('找不到该回访')
    await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: HAPPY })
    expect(await refused(desk, desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: HAPPY }))).toBe('该回访已完成')
  })
})

const complaint = {
  ticketId: null,
  customerId: TICKET_DRAFT.customerId,
  complainantName: '吴燕超',
  complainantPhone: '13888000001',
  channel: 'hotline',
  category: 'attitude',
  severity: 'major',
  description: '工程师态度生硬，不解释故障原因',
} as const

describe('the complaint register', () => {
  it('takes a complaint through every step to its closing, with its history', async () => {
    const desk = await testDesk()
    const { id, number } = await desk.call('complaint.register', complaint)
    expect(number).toMatch(/^TS-WH1-/)
    expect(await desk.call('complaints.get', { id })).toMatchObject({ dueOn: '2026-11-24', status: 'registered', escalation: { level: 0 } })
    await desk.call('complaint.step', { complaintId: id, step: 'investigate', findings: '核实工程师未向客户说明故障原因' })
    await desk.call('complaint.note', { complaintId: id, text: '客户来电补充：希望换一位工程师' })
    await desk.call('complaint.step', { complaintId: id, step: 'handle', resolution: '客服主任当面道歉，改派工程师' })
    await desk.call('complaint.step', { complaintId: id, step: 'reply', repliedOn: '2026-11-20', reaction: 'satisfied', note: '客户表示谅解' })
    await desk.call('complaint.step', { complaintId: id, step: 'rectify', corrective: '对该工程师进行服务规范培训', preventive: '完工前须向客户说明故障原因并写在服务单上' })
    expect(await desk.call('complaint.step', { complaintId: id, step: 'close' })).toEqual({ status: 'closed' })
    const c = await desk.call('complaints.get', { id })
    expect(c).toMatchObject({ status: 'closed', nextStep: null, reaction: 'satisfied', repliedOn: '2026-11-20', corrective: '对该工程师进行服务规范培训' })
    expect(c.events.map((e) => e.kind)).toEqual(['registered', 'investigate', 'note', 'handle', 'reply', 'rectify', 'close'])
    expect(c.events.find((e) => e.kind === 'note')!.data).toEqual({ text: '客户来电补充：希望换一位工程师' })
    expect((await desk.call('complaints.list', { status: 'closed' })).rows.map((r) => r.id)).toContain(id)
    expect((await desk.call('complaints.list', { status: 'all', search: '态度生硬' })).rows.map((r) => r.id)).toEqual([id])
  })

  it('cannot close without its corrective and preventive actions, nor skip a step', async () => {
    const desk = await testDesk()
    const { id, number } = await desk.call('complaint.register', complaint)
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'close' }))).toBe(`投诉 ${number} 还没有写明整改措施和预防措施，不能关闭`)
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'handle', resolution: '道歉' }))).toBe('请先完成「调查」这一步')
    await desk.call('complaint.step', { complaintId: id, step: 'investigate', findings: '属实' })
    await desk.call('complaint.step', { complaintId: id, step: 'handle', resolution: '道歉并改派' })
    await desk.call('complaint.step', { complaintId: id, step: 'reply', repliedOn: '2026-11-20', reaction: 'accepted' })
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'close' }))).toBe(`投诉 ${number} 还没有写明整改措施和预防措施，不能关闭`)
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'rectify', corrective: '培训', preventive: '' }))).toBe('请写明预防措施')
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'rectify', corrective: ' ', preventive: '完工前说明原因' }))).toBe('请写明整改措施')
    // the file itself will not hold a closed complaint without both actions
    const db = new Database(join(desk.dataDir, 'desk.sqlite'))
    expect(() => db.prepare("UPDATE complaints SET status = 'closed' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/)
    db.close()
  })

  it('refuses a complaint without customer or description, or a reply dated before it', async () => {
    const desk = await testDesk()
    expect(await refused(desk, desk.call('complaint.register', { ...complaint, customerId: null }))).toBe('请选择投诉的客户或工单')
    expect(await refused(desk, desk.call('complaint.register', { ...complaint, description: '' }))).toBe('请写明投诉内容')
    expect(await refused(desk, desk.call('complaint.register', { ...complaint, category: 'weather' } as never))).toBe('请选择投诉类别')
    expect(await refused(desk, desk.call('complaint.register', { ...complaint, receivedAt: '2026-11-21T02:30:00.000Z' }))).toBe('投诉时间不能晚于现在')
    const { id } = await desk.call('complaint.register', complaint)
    await desk.call('complaint.step', { complaintId: id, step: 'investigate', findings: '属实' })
    await desk.call('complaint.step', { complaintId: id, step: 'handle', resolution: '道歉' })
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'reply', repliedOn: '2026-11-19', reaction: 'accepted' }))).toBe('回复日期不能早于投诉日期')
    expect(await refused(desk, desk.call('complaint.step', { complaintId: id, step: 'reply', repliedOn: '2026-11-23', reaction: 'accepted' }))).toBe('回复日期不能晚于今天')
  })

  it('a late complaint goes to the station manager, and on to HQ', async () => {
    const { desk, at } = await clockDesk()
    const { id } = await desk.call('complaint.register', complaint) // major: 2 working days, due Tuesday 11-24
    expect((await desk.call('complaints.list', { status: 'escalated' })).rows.map((r) => r.id)).not.toContain(id)
    at('2026-11-25T01:00:00.000Z') // Wednesday
    const late = (await desk.call('complaints.list', { status: 'overdue' })).rows.find((r) => r.id === id)!
    expect(late.escalation).toEqual({ level: 1, to: 'manager', reason: 'overdue', overdue: true })
    at('2026-11-27T01:00:00.000Z') // Friday: past the second 2 working days (Thursday)
    expect((await desk.call('complaints.get', { id })).escalation).toMatchObject({ level: 2, to: 'hq' })
    expect((await desk.call('complaints.list', { status: 'escalated' })).rows[0]!.id).toBe(id)
  })

  it('counts complaints by category, engineer and month', async () => {
    const desk = await testDesk()
    const id = await finishedJob(desk)
    await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: UNHAPPY })
    await desk.call('complaint.register', complaint)
    // the register filtered by the engineer complained about
    const liu = await desk.call('complaints.list', { status: 'all', engineerId: LIU })
    expect(liu.rows.length).toBeGreaterThanOrEqual(1)
    expect(liu.rows.every((r) => r.engineerId === LIU)).toBe(true)
    const before = await desk.call('complaints.stats', { from: '2026-11', to: '2026-11' })
    expect(before.byCategory.find((c) => c.category === 'attitude')!.count).toBeGreaterThanOrEqual(1)
    expect(before.byEngineer.find((e) => e.engineerId === LIU)!.count).toBeGreaterThanOrEqual(1)
    expect(before.byMonth.at(-1)).toMatchObject({ month: '2026-11' })
    expect(await failure(desk.call('complaints.stats', { from: '2026-12', to: '2026-11' }))).toMatchObject({ code: 'validation' })
  })
})

describe('inspection plans and the schedule', () => {
  it('makes one inspection ticket per period, whoever runs the schedule how often', async () => {
    const { desk, at } = await clockDesk()
    const card = await desk.call('customers.card', { id: TICKET_DRAFT.customerId })
    const plan = await desk.call('plan.save', { customerId: card.id, contractId: card.contract?.id ?? null, frequency: 'monthly', startsOn: '2026-11-01', endsOn: '2027-06-30', note: '打印机保养' })
    expect(await desk.call('followUp.schedule', {})).toMatchObject({ tickets: 1 })
    expect(await desk.call('followUp.schedule', {})).toEqual({ tickets: 0, visits: 0 })
    const [view] = (await desk.call('plans.list', {})).filter((p) => p.id === plan.id)
    expect(view!.current).toMatchObject({ period: '2026-11', dueOn: '2026-11-30', ticketStatus: 'new' })
    const ticket = await desk.call('tickets.get', { id: view!.current!.ticketId })
    expect(ticket).toMatchObject({ number: `${plan.number}-202611`, serviceMode: 'onsite', faultLevel: 'minor' })
    expect(ticket.faultDescription).toContain('定期巡检（2026-11，每月）')
    // planned work runs no SLA clocks, and counts in no attainment when done
    expect(ticket.clocks).toEqual([])
    const before = await desk.call('reports.dashboard', { from: '2026-11-01', to: '2026-11-30' })
    await desk.call('ticket.resolve', { ticketId: ticket.id, method: 'onsite', note: '巡检完成，设备正常' })
    const after = await desk.call('reports.dashboard', { from: '2026-11-01', to: '2026-11-30' })
    expect(after.tickets).toBe(before.tickets + 1)
    expect(after.sla).toEqual(before.sla)
    at('2026-12-01T01:00:00.000Z')
    const next = await desk.call('followUp.schedule', {})
    expect(next.tickets).toBe(1)
    expect(next.visits).toBeGreaterThan(0) // December's key-customer calls
    expect((await desk.call('plans.list', {})).find((p) => p.id === plan.id)!.ticketsMade).toBe(2)
  })

  it('refuses a plan that ends before it starts, or with another customer\'s contract', async () => {
    const desk = await testDesk()
    expect(await refused(desk, desk.call('plan.save', { customerId: TICKET_DRAFT.customerId, frequency: 'quarterly', startsOn: '2026-12-01', endsOn: '2026-11-01' }))).toBe('计划的结束日期不能早于开始日期')
    const other = (await desk.call('customers.card', { id: 'st-wh-cus-0002' })).contract
    if (other) expect(await refused(desk, desk.call('plan.save', { customerId: TICKET_DRAFT.customerId, contractId: other.id, frequency: 'quarterly', startsOn: '2026-12-01' }))).toBe('该合同不属于这位客户')
  })
})

describe('reports', () => {
  it('the Thursday report counts the jobs resolved, the visits owed, the surveys and the complaints of Monday to Wednesday', async () => {
    const { desk, at } = await clockDesk(new Date('2026-11-23T02:00:00Z')) // Monday
    const before = await desk.call('reports.station', { day: '2026-11-26' })
    const id = await finishedJob(desk)
    at('2026-11-24T02:00:00Z')
    await desk.call('visit.record', { visitId: `${id}:level1`, outcome: 'reached', survey: UNHAPPY })
    at('2026-11-26T01:00:00Z') // Thursday 09:00
    const report = await desk.call('reports.station', {})
    expect(report).toMatchObject({ dueOn: '2026-11-26', from: '2026-11-23', to: '2026-11-25', dueAt: '2026-11-26T02:00:00.000Z', complete: true })
    // the report due next Monday is still running: read up to now
    expect(await desk.call('reports.station', { day: '2026-11-30' })).toMatchObject({ from: '2026-11-26', complete: false, tickets: { received: 0, resolved: 0 } })
    expect(report.tickets.received).toBe(before.tickets.received + 1)
    expect(report.tickets.resolved).toBe(before.tickets.resolved + 1)
    expect(report.sla.arrive.total).toBe(before.sla.arrive.total + 1)
    expect(report.visits.dissatisfied).toBe(before.visits.dissatisfied + 1)
    expect(report.complaints.opened).toBe(before.complaints.opened + 1)
    expect(report.complaints.byCategory.find((c) => c.category === 'timeliness')!.count).toBe(before.complaints.byCategory.find((c) => c.category === 'timeliness')!.count + 1)
  })

  it('the dashboard counts SLA attainment by zone, level and engineer, and the first-visit fixes', async () => {
    const desk = await testDesk()
    const before = await desk.call('reports.dashboard', { from: '2026-11-01', to: '2026-11-30' })
    await finishedJob(desk)
    const after = await desk.call('reports.dashboard', { from: '2026-11-01', to: '2026-11-30' })
    expect(after.tickets).toBe(before.tickets + 1)
    const liu = (d: typeof after) => d.byEngineer.find((e) => e.key === LIU)?.tickets ?? 0
    expect(liu(after)).toBe(liu(before) + 1)
    expect(after.firstVisit.met).toBe(before.firstVisit.met + 1)
    expect(after.byZone.reduce((n, z) => n + z.tickets, 0)).toBe(after.tickets)
    expect(after.responseMinutes.reduce((n, b) => n + b.count, 0)).toBe(after.sla.respond.total)
    expect(await failure(desk.call('reports.dashboard', { from: '2026-12-01', to: '2026-11-01' }))).toMatchObject({ code: 'validation', issues: [expect.objectContaining({ key: 'errors.reports.range' })] })
  })
})
