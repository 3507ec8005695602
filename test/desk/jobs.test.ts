// The job's status flow after 派工 (issue 5): accept, depart, arrive; undoing a first assignment;
// helper engineers; and how 完成 / 待备件 / 已升级 follow from 到达现场. Real SQLite files.
import { decodeBoardSnapshot } from '../../shared/api/boardSchemas'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Desk } from '../../electron/desk'
import { SqliteTx } from '../../electron/desk/db/sqliteTx'
import { mutators } from '../../shared/mutators'
import { TICKET_DRAFT } from '../fixtures'
import { TEST_NOW, failure, testDesk } from './helpers'

const ENG_A = 'st-wh-eng-01'
const ENG_B = 'st-wh-eng-02'
const ENG_C = 'st-wh-eng-03'

function raw(desk: Desk) {
  return new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true })
}
function ticketRow(desk: Desk, id: string): Record<string, unknown> {
  const db = raw(desk)
  const row = db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Record<string, unknown>
  db.close()
  return row
}
function outbox(desk: Desk): { mutation_id: number; name: string; args: Record<string, unknown> }[] {
  const db = raw(desk)
  const rows = (db.prepare('SELECT mutation_id, name, args FROM outbox ORDER BY mutation_id').all() as { mutation_id: number; name: string; args: string }[]).map((r) => ({
    ...r,
    args: JSON.parse(r.args) as Record<string, unknown>,
  }))
  db.close()
  return rows
}

/** A new on-site ticket of the demo's 7×24 hospital, called back (首次响应) and assigned to ENG_A with a window. */
async function assigned(desk: Desk): Promise<string> {
  const { id } = await desk.call('ticket.create', TICKET_DRAFT)
  await desk.call('ticket.respond', { ticketId: id })
  await desk.call('ticket.assign', { ticketId: id, engineerId: ENG_A, appointmentStart: '2026-11-20T03:00:00.000Z', appointmentEnd: '2026-11-20T04:00:00.000Z' })
  return id
}

/** A refused call: its Chinese message, and proof that it changed nothing and queued nothing. */
async function refused(desk: Desk, ticketId: string, call: Promise<unknown>): Promise<string> {
  const before = ticketRow(desk, ticketId)
  const pending = outbox(desk).length
  const err = await failure(call)
  expect(err.code).toBe('rule')
  expect(ticketRow(desk, ticketId)).toEqual(before)
  expect(outbox(desk).length).toBe(pending)
  return err.message
}

describe('the job status flow', () => {
  it('已派工 → 已接单 → 在途 → 到达现场, each with its time, a timeline event and an outbox entry; arrival stops the arrival clock', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    const before = await desk.call('tickets.get', { id })
    const arriveDue = before.clocks.find((c) => c.clock === 'arrive')!.dueAt
    expect(ticketRow(desk, id).next_due).toBe(before.clocks.filter((c) => !c.stopped).map((c) => c.dueAt).sort()[0])

    await desk.call('ticket.accept', { ticketId: id })
    await desk.call('ticket.depart', { ticketId: id })
    await desk.call('ticket.arrive', { ticketId: id })
    const row = ticketRow(desk, id)
    expect(row).toMatchObject({ status: 'on_site', accepted_at: TEST_NOW.toISOString(), departed_at: TEST_NOW.toISOString(), arrived_at: TEST_NOW.toISOString() })
    const after = await desk.call('tickets.get', { id })
    expect(after.clocks.find((c) => c.clock === 'arrive')).toMatchObject({ stopped: true, state: 'met', dueAt: arriveDue })
    // the stored next deadline is now the resolution's
    expect(row.next_due).toBe(after.clocks.find((c) => c.clock === 'resolve')!.dueAt)
    expect(after.events.filter((e) => e.kind === 'status').map((e) => e.data)).toEqual([
      { from: 'assigned', to: 'accepted' },
      { from: 'accepted', to: 'en_route' },
      { from: 'en_route', to: 'on_site' },
    ])
    const queued = outbox(desk).slice(-3)
    expect(queued.map((o) => o.name)).toEqual(['ticket.accept', 'ticket.depart', 'ticket.arrive'])
    for (const o of queued) expect(o.args).toEqual({ ticketId: id, id: expect.any(String), at: TEST_NOW.toISOString() })
    // the timeline event's id is the one in the args (so the server writes the same row)
    expect(after.events.map((e) => e.id)).toEqual(expect.arrayContaining(queued.map((o) => o.args.id)))
    // the board shows him on site, at the customer
    const board = decodeBoardSnapshot(await desk.call('board.snapshot', {}))
    const a = board.engineers.find((e) => e.id === ENG_A)!
    const t = board.tickets.find((x) => x.id === id)!
    expect(t).toMatchObject({ status: 'on_site', arrivalDue: null })
    if (a.status !== 'off') expect(a).toMatchObject({ status: 'on_site', lat: t.lat, lng: t.lng })
  })

  it('skips steps forward (已派工 → 在途, 已派工 → 到达现场) but never back, naming the current status', async () => {
    const desk = await testDesk()
    const first = await assigned(desk)
    await desk.call('ticket.depart', { ticketId: first })
    expect(ticketRow(desk, first)).toMatchObject({ status: 'en_route', accepted_at: null, departed_at: TEST_NOW.toISOString() })
    expect(await refused(desk, first, desk.call('ticket.accept', { ticketId: first }))).toBe('工单当前为「在途」，不能标记为已接单')
    const second = await assigned(desk)
    await desk.call('ticket.arrive', { ticketId: second })
    expect(ticketRow(desk, second)).toMatchObject({ status: 'on_site', arrived_at: TEST_NOW.toISOString() })
    expect(await refused(desk, second, desk.call('ticket.depart', { ticketId: second }))).toBe('工单当前为「到达现场」，不能标记为在途')
    expect(await refused(desk, second, desk.call('ticket.arrive', { ticketId: second }))).toBe('工单当前为「到达现场」，不能标记为到达现场')
    const fresh = await desk.call('ticket.create', TICKET_DRAFT)
    expect(await refused(desk, fresh.id, desk.call('ticket.depart', { ticketId: fresh.id }))).toBe('工单当前为「待派工」，不能标记为在途')
    expect(await refused(desk, fresh.id, desk.call('ticket.accept', { ticketId: fresh.id }))).toBe('工单当前为「待派工」，不能标记为已接单')
    expect(await failure(desk.call('ticket.arrive', { ticketId: 'nope' }))).toMatchObject({ code: 'rule', message: '工单不存在' })
    expect(await failure(desk.callUnchecked('ticket.accept', {}))).toMatchObject({ code: 'validation' })
  })

  it('完成, 待备件 and 已升级 from 到达现场: the parts wait is the job status and ends back on site', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.arrive', { ticketId: id })
    await desk.call('ticket.pause', { ticketId: id, reason: 'parts', note: '等硬盘' })
    expect(ticketRow(desk, id)).toMatchObject({ status: 'waiting_parts', next_due: null })
    expect((decodeBoardSnapshot(await desk.call('board.snapshot', {}))).tickets.find((t) => t.id === id)!.clock).toMatchObject({ kind: 'resolution', state: 'paused', dueAt: null })
    await desk.call('ticket.resume', { ticketId: id })
    expect(ticketRow(desk, id)).toMatchObject({ status: 'on_site' })
    expect((await desk.call('tickets.get', { id })).events.filter((e) => e.kind === 'resumed').at(-1)!.data).toEqual({ reason: 'parts', to: 'on_site' })
    // waiting for the customer is a pause, not a job status
    await desk.call('ticket.pause', { ticketId: id, reason: 'customer' })
    expect(ticketRow(desk, id).status).toBe('on_site')
    await desk.call('ticket.resume', { ticketId: id })

    const manager = (await desk.call('tickets.get', { id })).escalation.supervisors.find((s) => s.role === 'manager')!
    await desk.call('ticket.escalate', { ticketId: id, toStep: 3, supervisorId: manager.id, report: '现场无法修复，申请专家支持' })
    expect(ticketRow(desk, id)).toMatchObject({ status: 'escalated', escalation_step: 3 })
    // parts for an escalated job: back to 已升级 when they come
    await desk.call('ticket.pause', { ticketId: id, reason: 'parts' })
    expect(ticketRow(desk, id).status).toBe('waiting_parts')
    await desk.call('ticket.resume', { ticketId: id })
    expect(ticketRow(desk, id).status).toBe('escalated')

    const other = await assigned(desk)
    await desk.call('ticket.arrive', { ticketId: other })
    expect(await desk.call('ticket.resolve', { ticketId: other, method: 'onsite' })).toEqual({ recheckDue: null })
    expect(ticketRow(desk, other)).toMatchObject({ status: 'resolved', next_due: null })
    expect((decodeBoardSnapshot(await desk.call('board.snapshot', {}))).tickets.some((t) => t.id === other)).toBe(false)
  })

  it('an engineer moves only his own jobs (as the server runs it for the engineer role)', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    const db = new Database(join(desk.dataDir, 'desk.sqlite'))
    const tx = new SqliteTx(db)
    const ctx = (userId: string) => ({ clientId: 'c', userId, role: 'engineer' as const, stationId: 'st-wh', deskCode: 'APP' })
    const args = { ticketId: id, id: 'ev-1', at: TEST_NOW.toISOString() }
    await expect(mutators['ticket.accept'].run(tx, args, ctx(ENG_B))).rejects.toMatchObject({ body: { message: '只能更新派给自己的工单' } })
    await mutators['ticket.accept'].run(tx, args, ctx(ENG_A))
    expect((db.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: string }).status).toBe('accepted')
    db.close()
    expect(mutators['ticket.accept'].roles).toContain('engineer')
    expect(mutators['ticket.assign'].roles).not.toContain('engineer')
  })
})

describe('undoing a dispatch (Ctrl+Z on the board)', () => {
  it('ticket.unassign takes a first assignment back to 待派工, with its window and helpers', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_B })
    await desk.call('ticket.accept', { ticketId: id })
    await desk.call('ticket.unassign', { ticketId: id, expectedAssigneeId: ENG_A })
    expect(ticketRow(desk, id)).toMatchObject({
      status: 'new',
      assignee_id: null,
      assigned_by: null,
      assigned_desk: null,
      appointment_start: null,
      appointment_end: null,
      helper_ids: '[]',
      accepted_at: null,
    })
    const last = (await desk.call('tickets.get', { id })).events.at(-1)!
    expect(last).toMatchObject({ kind: 'assigned', data: { engineerId: null, from: ENG_A, desk: 'WH1' } })
    expect(outbox(desk).at(-1)).toMatchObject({ name: 'ticket.unassign', args: { ticketId: id, expectedAssigneeId: ENG_A, id: last.id, at: TEST_NOW.toISOString() } })
    expect((decodeBoardSnapshot(await desk.call('board.snapshot', {}))).tickets.find((t) => t.id === id)).toMatchObject({ assigneeId: null, helperIds: [], appointmentStart: null })
    // nothing left to undo
    expect(await refused(desk, id, desk.call('ticket.unassign', { ticketId: id, expectedAssigneeId: ENG_A }))).toMatch(/当前没有派工，无需撤回$/)
  })

  it('refuses to undo an assignment someone changed, or a job under way', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.assign', { ticketId: id, engineerId: ENG_B, expectedAssigneeId: ENG_A })
    const moved = await refused(desk, id, desk.call('ticket.unassign', { ticketId: id, expectedAssigneeId: ENG_A }))
    expect(moved).toMatch(/^工单 WH1-261120-001 已由 WH1 工位的 张丽 派给 .+，撤回未生效$/)
    await desk.call('ticket.depart', { ticketId: id })
    expect(await refused(desk, id, desk.call('ticket.unassign', { ticketId: id, expectedAssigneeId: ENG_B }))).toBe('工单当前为「在途」，不能撤回派工')
  })

  it('undoing a reassignment is ticket.assign back to the previous engineer and window; a reassigned job starts again at 已派工', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.accept', { ticketId: id })
    await desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_B })
    // dragged onto B (his helper): B holds it now, not yet accepted, and is no longer his own helper
    await desk.call('ticket.assign', { ticketId: id, engineerId: ENG_B, expectedAssigneeId: ENG_A, appointmentStart: '2026-11-20T05:00:00.000Z', appointmentEnd: '2026-11-20T06:00:00.000Z' })
    expect(ticketRow(desk, id)).toMatchObject({ assignee_id: ENG_B, status: 'assigned', accepted_at: null, helper_ids: '[]' })
    // Ctrl+Z: back to A with A's window, the precondition being who holds it now
    await desk.call('ticket.assign', { ticketId: id, engineerId: ENG_A, expectedAssigneeId: ENG_B, appointmentStart: '2026-11-20T03:00:00.000Z', appointmentEnd: '2026-11-20T04:00:00.000Z' })
    expect(ticketRow(desk, id)).toMatchObject({ assignee_id: ENG_A, status: 'assigned', appointment_start: '2026-11-20T03:00:00.000Z', appointment_end: '2026-11-20T04:00:00.000Z' })
    // a new window for the same engineer keeps where the job is
    await desk.call('ticket.accept', { ticketId: id })
    await desk.call('ticket.assign', { ticketId: id, engineerId: ENG_A, expectedAssigneeId: ENG_A, appointmentStart: '2026-11-20T07:00:00.000Z', appointmentEnd: '2026-11-20T08:00:00.000Z' })
    expect(ticketRow(desk, id)).toMatchObject({ status: 'accepted', accepted_at: TEST_NOW.toISOString() })
  })
})

describe('helper engineers (协助工程师)', () => {
  it('adds and removes a helper, who then has the job on the board', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_B })
    await desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_C })
    expect(JSON.parse(ticketRow(desk, id).helper_ids as string)).toEqual([ENG_B, ENG_C])
    const board = decodeBoardSnapshot(await desk.call('board.snapshot', {}))
    expect(board.tickets.find((t) => t.id === id)!.helperIds).toEqual([ENG_B, ENG_C])
    // the board finds his job among the tickets (as a helper's, not held: renderer/src/board/derive.ts)
    expect(board.tickets.filter((t) => t.helperIds.includes(ENG_B)).map((t) => t.id)).toEqual([id])
    expect(board.tickets.find((t) => t.id === id)!.assigneeId).not.toBe(ENG_B)
    const events = (await desk.call('tickets.get', { id })).events.filter((e) => e.kind === 'helper')
    expect(events.map((e) => e.data)).toEqual([
      { change: 'added', engineerId: ENG_B, engineerName: expect.any(String) },
      { change: 'added', engineerId: ENG_C, engineerName: expect.any(String) },
    ])
    await desk.call('ticket.removeHelper', { ticketId: id, engineerId: ENG_B })
    expect(JSON.parse(ticketRow(desk, id).helper_ids as string)).toEqual([ENG_C])
    expect(outbox(desk).slice(-3).map((o) => o.name)).toEqual(['ticket.addHelper', 'ticket.addHelper', 'ticket.removeHelper'])
    expect(outbox(desk).at(-1)!.args).toEqual({ ticketId: id, engineerId: ENG_B, id: expect.any(String), at: TEST_NOW.toISOString() })
  })

  it('refuses the assignee, a helper twice, another station’s or an unknown engineer, and an unassigned ticket', async () => {
    const desk = await testDesk()
    const id = await assigned(desk)
    await desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_B })
    expect(await refused(desk, id, desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_A }))).toMatch(/是这张工单的主办工程师，不能再作为协助工程师$/)
    expect(await refused(desk, id, desk.call('ticket.addHelper', { ticketId: id, engineerId: ENG_B }))).toMatch(/已经是这张工单的协助工程师$/)
    expect(await refused(desk, id, desk.call('ticket.addHelper', { ticketId: id, engineerId: 'st-gd-eng-01' }))).toBe('协助工程师只能选本站的工程师')
    expect(await refused(desk, id, desk.call('ticket.addHelper', { ticketId: id, engineerId: 'st-wh-dispatcher' }))).toBe('所选工程师不存在或已停用')
    expect(await refused(desk, id, desk.call('ticket.removeHelper', { ticketId: id, engineerId: ENG_C }))).toMatch(/不是这张工单的协助工程师$/)
    const fresh = await desk.call('ticket.create', TICKET_DRAFT)
    expect(await refused(desk, fresh.id, desk.call('ticket.addHelper', { ticketId: fresh.id, engineerId: ENG_B }))).toBe('工单还没有派工，请先派给主办工程师再添加协助工程师')
  })
})
