import { decodeBoardSnapshot } from '../../shared/api/boardSchemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failure, testDesk } from '../desk/helpers'
import { postgresAvailable } from '../server/helpers'
import { TestNetwork, customerAndTicket, startSyncServer, syncedDesk, type SyncServer } from './helpers'

const KINDS = ['pglite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])] as const

describe.each(KINDS)('desks syncing through a server on %s', (kind) => {
  let server: SyncServer
  beforeEach(async () => {
    server = await startSyncServer(kind)
    await server.account('zhangli', 'st-wh-dispatcher')
    await server.account('yangjh', 'st-wh-manager')
    await server.account('lina', 'st-qj-dispatcher')
  }, 60_000)
  afterEach(async () => {
    await server.close()
  }, 60_000)

  it('a ticket registered at desk A reaches desk B, with the server as the only truth', async () => {
    const a = await syncedDesk(server, { username: 'zhangli', deskCode: '1' })
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '2' })
    const { number } = await customerAndTicket(a)
    expect((await a.call('sync.status', {})).pending).toBe(2)
    await a.sync()
    await b.sync()
    const list = await b.call('tickets.list', { search: number })
    expect(list.rows.map((r) => r.number)).toEqual([number])
    expect(await a.call('sync.status', {})).toMatchObject({ pending: 0, rejections: 0, problem: null })
    // the server's engineers replace whatever the desk had
    expect((await b.call('engineers.list', {})).length).toBe(10)
  })

  it('works offline, shows what waits, and sends it when the link returns', async () => {
    const net = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', net })
    net.online = false
    const { number } = await customerAndTicket(a)
    await a.call('sync.now', {})
    const offline = await a.call('sync.status', {})
    expect(offline).toMatchObject({ state: 'offline', pending: 2 })
    expect(offline.problem?.message).toContain('无法连接同步服务器')
    // the desk keeps its own work meanwhile
    expect((await a.call('tickets.list', { search: number })).total).toBe(1)
    net.online = true
    await a.sync()
    // a poke of its own push may already have started the next pull: 同步中 is as good as 在线 here
    expect(await a.call('sync.status', {})).toMatchObject({ pending: 0, problem: null })
    const [row] = await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE number = $1', [number])
    const n = row!.n
    expect(n).toBe(1)
  })

  it('a push whose answer was lost is sent again and applied once', async () => {
    const net = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', net })
    net.loseAnswers = 1
    await customerAndTicket(a)
    await a.call('sync.now', {})
    await a.sync()
    const [row] = await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')
    const n = row!.n
    expect(n).toBe(1)
    expect((await a.call('sync.status', {})).pending).toBe(0)
  })

  it('two desks assign the same ticket, one offline: the server decides and the loser is told who won', async () => {
    const netB = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', deskCode: '1' })
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '2', net: netB })
    const { ticketId, number } = await customerAndTicket(a)
    await a.sync()
    await b.sync()
    netB.online = false
    await b.call('ticket.assign', { ticketId, engineerId: 'st-wh-eng-02', expectedAssigneeId: null })
    expect((await b.call('tickets.get', { id: ticketId })).assigneeName).toContain('李志勇')
    await a.call('ticket.assign', { ticketId, engineerId: 'st-wh-eng-01', expectedAssigneeId: null })
    await a.sync()
    netB.online = true
    await b.sync()

    // B now shows the server's truth, and the rejection says plainly who assigned it where
    expect((await b.call('tickets.get', { id: ticketId })).assigneeName).toContain('王建国')
    const [rejection] = await b.call('sync.rejections', {})
    expect(rejection).toMatchObject({ name: 'ticket.assign', key: 'errors.ticket.assignedElsewhere', canReapply: true })
    expect(rejection!.message).toBe(`工单 ${number} 已由 WH1 工位的 张丽 派给 王建国（WH），你的派工未生效`)
    expect(rejection!.record).toMatchObject({ kind: 'ticket', number, assigneeName: '王建国（WH）', assignedBy: '张丽', assignedDesk: 'WH1' })
    expect(await b.call('sync.status', {})).toMatchObject({ rejections: 1, pending: 0 })

    // re-applied on the current state, B's choice now wins everywhere
    await b.call('sync.reapply', { mutationId: rejection!.mutationId })
    await b.sync()
    await a.sync()
    expect((await a.call('tickets.get', { id: ticketId })).assigneeName).toBe('李志勇（WH）')
    expect(await b.call('sync.rejections', {})).toEqual([])
  })

  it('job steps and helpers reach the other desk’s board; an undo made offline loses to the engineer setting off', async () => {
    const netA = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', deskCode: '1', net: netA })
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '2' })
    const { ticketId } = await customerAndTicket(a)
    await a.call('ticket.assign', { ticketId, engineerId: 'st-wh-eng-01' })
    await a.call('ticket.addHelper', { ticketId, engineerId: 'st-wh-eng-02' })
    await a.call('ticket.accept', { ticketId })
    await a.sync()
    await b.sync()
    const seen = (decodeBoardSnapshot(await b.call('board.snapshot', {}))).tickets.find((t) => t.id === ticketId)
    expect(seen).toMatchObject({ status: 'accepted', assigneeId: 'st-wh-eng-01', helperIds: ['st-wh-eng-02'] })

    // A, offline, takes the dispatch back (Ctrl+Z); meanwhile B records the engineer setting off
    netA.online = false
    await a.call('ticket.unassign', { ticketId, expectedAssigneeId: 'st-wh-eng-01' })
    expect((decodeBoardSnapshot(await a.call('board.snapshot', {}))).tickets.find((t) => t.id === ticketId)).toMatchObject({ status: 'new', helperIds: [] })
    await b.call('ticket.depart', { ticketId })
    await b.sync()
    netA.online = true
    await a.sync()
    // the server's truth is back on A, helpers and all, and A is told why its undo did not take
    expect((decodeBoardSnapshot(await a.call('board.snapshot', {}))).tickets.find((t) => t.id === ticketId)).toMatchObject({ status: 'en_route', assigneeId: 'st-wh-eng-01', helperIds: ['st-wh-eng-02'] })
    const [rejection] = await a.call('sync.rejections', {})
    expect(rejection).toMatchObject({ name: 'ticket.unassign', key: 'errors.ticket.cannotUnassign', message: '工单当前为「在途」，不能撤回派工' })
  })

  it('a discarded rejection leaves the server version in place', async () => {
    const netB = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', deskCode: '1' })
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '2', net: netB })
    const { ticketId } = await customerAndTicket(a)
    await a.sync()
    await b.sync()
    netB.online = false
    await b.call('ticket.assign', { ticketId, engineerId: 'st-wh-eng-02', expectedAssigneeId: null })
    await a.call('ticket.assign', { ticketId, engineerId: 'st-wh-eng-01', expectedAssigneeId: null })
    await a.sync()
    netB.online = true
    await b.sync()
    const [rejection] = await b.call('sync.rejections', {})
    await b.call('sync.discard', { mutationId: rejection!.mutationId })
    expect(await b.call('sync.rejections', {})).toEqual([])
    expect((await failure(b.call('sync.discard', { mutationId: rejection!.mutationId }))).key).toBe('errors.syncClient.rejectionNotFound')
    await b.sync()
    expect((await b.call('tickets.get', { id: ticketId })).assigneeName).toBe('王建国（WH）')
  })

  it('a new desk joining the server drops its own demo rows and keeps its pending work', async () => {
    const a = await syncedDesk(server, { username: 'zhangli' })
    await customerAndTicket(a)
    await a.sync()
    // desk C was used alone first (demo data, one ticket of its own), then logs in
    const c = await testDesk({ deskCode: '3' })
    const { number } = await c.call('ticket.create', {
      customerId: 'st-wh-cus-0001',
      reporterPhone: '13888000001',
      faultDescription: '演示数据里的客户报修',
      category: 'printer',
      faultLevel: 'general',
      channel: 'phone',
      serviceMode: 'onsite',
    })
    const status = await c.call('sync.connect', { serverUrl: server.url, username: 'yangjh', password: 'desk-password-1' })
    expect(status.serverUrl).toBe(server.url)
    await c.call('sync.now', {})
    // the server never had the demo customer, so that ticket is rejected, not lost
    const [rejection] = await c.call('sync.rejections', {})
    expect(rejection).toMatchObject({ name: 'ticket.create', key: 'errors.rule.customerNotFound', canReapply: true })
    const tickets = await c.call('tickets.list', {})
    expect(tickets.total).toBe(1)
    expect(tickets.rows[0]!.number).not.toBe(number)
  })

  it('two desks with the same desk code: the second ticket number is rejected with the reason, and the queue moves on', async () => {
    const netB = new TestNetwork()
    const a = await syncedDesk(server, { username: 'zhangli', deskCode: '1' })
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '1', net: netB })
    // both count their day from 1: the same ticket number; desk 1's reaches the server first
    netB.online = false
    const first = await customerAndTicket(a)
    const second = await customerAndTicket(b, '五华区另一单位')
    expect(second.number).toBe(first.number)
    await a.sync()
    netB.online = true
    await b.sync()
    const [rejection] = await b.call('sync.rejections', {})
    expect(rejection).toMatchObject({ name: 'ticket.create', message: `工单号 ${first.number} 已被其他工位使用：同一服务站的每个工位要有不同的工位代码` })
    expect(await b.call('sync.status', {})).toMatchObject({ pending: 0, problem: null })
    // the customer registered with it went through, and desk 2 shows desk 1's ticket under that number
    expect((await b.call('customers.card', { id: second.customerId })).unitName).toBe('五华区另一单位')
    expect((await b.call('tickets.get', { id: first.ticketId })).number).toBe(first.number)
  })

  it('a malformed answer from the server changes nothing on the desk and says so', async () => {
    const a = await syncedDesk(server, { username: 'zhangli' })
    const { customerId } = await customerAndTicket(a)
    await a.sync()
    const b = await syncedDesk(server, { username: 'yangjh', deskCode: '2' })
    expect((await b.call('tickets.list', {})).total).toBe(1)
    b.close()
    await a.call('ticket.create', { customerId, reporterPhone: '13912345678', faultDescription: '又坏了', category: 'desktop', faultLevel: 'minor', channel: 'phone', serviceMode: 'onsite' })
    await a.sync()
    // a broken proxy (or server) answers pulls with a table the protocol does not have, and rows that are not rows
    const broken: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (!String(input).endsWith('/sync/pull')) return res
      const body = await res.json()
      return Response.json({ ...body, changes: { ...body.changes, hackers: [{ id: 'x' }], tickets: ['DROP TABLE tickets'] } })
    }
    const again = await testDesk({ dataDir: b.dataDir, fetch: broken, now: () => new Date() })
    await again.call('sync.now', {})
    const status = await again.call('sync.status', {})
    expect(status.state).toBe('offline')
    expect(status.problem?.message).toBe('同步服务器出错：unexpected answer')
    expect((await again.call('tickets.list', {})).total).toBe(1)
  })

  it('after 断开, another account on the same desk syncs under a client id of its own', async () => {
    const a = await syncedDesk(server, { username: 'zhangli' })
    await customerAndTicket(a)
    await a.sync()
    const first = a.identity.clientId
    expect((await a.call('sync.disconnect', {})).state).toBe('off')
    await a.call('sync.connect', { serverUrl: server.url, username: 'yangjh', password: 'desk-password-1' })
    expect(a.identity.clientId).not.toBe(first)
    await customerAndTicket(a, '五华区第三单位')
    await a.sync()
    expect(await a.call('sync.status', {})).toMatchObject({ problem: null, pending: 0, rejections: 0, username: 'yangjh' })
  })

  it('refuses an account of another station, and a wrong password, in Chinese, changing nothing', async () => {
    const a = await syncedDesk(server, { username: 'zhangli' })
    const other = await failure(a.call('sync.connect', { serverUrl: server.url, username: 'lina', password: 'desk-password-1' }))
    expect(other.message).toBe('账号“lina”属于曲靖站，本工位属于昆明五华站，不能在此登录')
    const wrong = await failure(a.call('sync.connect', { serverUrl: server.url, username: 'zhangli', password: 'nope' }))
    expect(wrong.message).toBe('用户名或密码不正确')
    const bad = await failure(a.call('sync.connect', { serverUrl: 'ftp://x', username: 'zhangli', password: 'x' }))
    expect(bad.issues?.[0]?.key).toBe('errors.syncClient.badUrl')
    expect(await a.call('sync.status', {})).toMatchObject({ state: 'online', username: 'zhangli' })
  })
})
