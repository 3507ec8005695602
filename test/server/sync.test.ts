import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { signToken } from '../../server/auth'
import { SERVER_MIGRATIONS, migrateServer } from '../../server/db/migrate'
import { translate, zhCN } from '../../shared/i18n'
import { AT, customer, ticket } from './fixtures'
import pg from 'pg'
import { openPostgres } from '../../server/db/postgres'
import { dispatcherToken, freshStore, login, postgresAvailable, testServer, type StoreKind, type TestServer } from './helpers'

const KINDS: StoreKind[] = ['pglite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])]
let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe.each(KINDS)('sync server on %s', (kind) => {
  const post = (url: string, token: string | null, payload: unknown) =>
    server!.app.inject({ method: 'POST', url, headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as object })

  it('answers health, and logs in only with the right password (Chinese errors)', async () => {
    server = await testServer(kind)
    expect((await server.app.inject({ url: '/health' })).json()).toEqual({ ok: true, db: kind })
    const bad = await post('/auth/login', null, { username: 'admin', password: 'nope' })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.message).toBe('用户名或密码不正确')
    const unknown = await post('/auth/login', null, { username: 'nobody', password: 'x' })
    expect(unknown.statusCode).toBe(401)
    expect((await post('/auth/login', null, { username: 'admin', password: 'admin-password-1' })).json()).toMatchObject({ user: { role: 'admin' } })
  })

  it('applies pushed mutations once, in order, and pulls them back with lastMutationId', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const clientId = randomUUID()
    const c = randomUUID()
    const t = randomUUID()
    const push = {
      clientId,
      mutations: [
        { id: 1, name: 'customer.create', args: customer(c) },
        { id: 2, name: 'ticket.create', args: ticket(t, c, 'WH2-261120-001') },
      ],
    }
    expect((await post('/sync/push', token, push)).json()).toEqual({ lastMutationId: 2, applied: 2, rejected: 0 })
    // the same push again (a retry after a lost answer) changes nothing
    expect((await post('/sync/push', token, push)).json()).toEqual({ lastMutationId: 2, applied: 0, rejected: 0 })
    const pulled = (await post('/sync/pull', token, { clientId, cursor: 0 })).json()
    expect(pulled.lastMutationId).toBe(2)
    expect(pulled.changes.tickets).toEqual([expect.objectContaining({ id: t, number: 'WH2-261120-001', status: 'new', created_by: 'st-wh-dispatcher', rules_version: 1 })])
    expect(pulled.changes.customers.map((r: { id: string }) => r.id)).toEqual([c])
    expect(pulled.changes.customer_phones).toEqual([expect.objectContaining({ customer_id: c, phone: '13888009999' })])
    expect(pulled.changes.ticket_events[0].data).toEqual({ channel: 'phone', serviceMode: 'onsite', faultLevel: 'general' })
    expect(pulled.changes.stations.length).toBe(6)
    expect(pulled.changes.service_rules[0].data.timezone).toBe('Asia/Shanghai')
    // pulling from the new cursor brings nothing new
    const again = (await post('/sync/pull', token, { clientId, cursor: pulled.cursor })).json()
    expect(again.changes).toEqual({})
  })

  it('refuses a gap in mutation ids and applies nothing of the push', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const clientId = randomUUID()
    const res = await post('/sync/push', token, { clientId, mutations: [{ id: 3, name: 'customer.create', args: customer(randomUUID()) }] })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toBe('修改编号不连续（服务器已有 0，收到 3），请重新同步')
    expect((await post('/sync/pull', token, { clientId, cursor: 1 })).json().changes).toEqual({})
  })

  it('rejects a broken business rule with its reason and still advances lastMutationId', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const clientId = randomUUID()
    const res = await post('/sync/push', token, {
      clientId,
      mutations: [
        { id: 1, name: 'ticket.create', args: ticket(randomUUID(), 'no-such-customer', 'WH2-261120-001') },
        { id: 2, name: 'ticket.create', args: { ...ticket(randomUUID(), 'x', 'WH2-261120-002'), faultDescription: '' } },
      ],
    })
    expect(res.json()).toEqual({ lastMutationId: 2, applied: 0, rejected: 2 })
    const { rejections, changes } = (await post('/sync/pull', token, { clientId, cursor: 1 })).json()
    expect(rejections.map((r: { mutationId: number; message: string }) => [r.mutationId, r.message])).toEqual([
      [1, '客户不存在或已被删除'],
      [2, '输入有误，请检查标红的项目'],
    ])
    expect(changes.tickets).toBeUndefined()
  })

  it('keeps every station to its own rows, on push and on pull; HQ sees all', async () => {
    server = await testServer(kind)
    const wh = await dispatcherToken(server.app, 'wh')
    const qj = await dispatcherToken(server.app, 'qj')
    const c = randomUUID()
    const t = randomUUID()
    const whClient = randomUUID()
    await post('/sync/push', wh, { clientId: whClient, mutations: [{ id: 1, name: 'customer.create', args: customer(c) }, { id: 2, name: 'ticket.create', args: ticket(t, c, 'WH2-261120-001') }] })
    const qjClient = randomUUID()
    // 曲靖 cannot see 五华's rows …
    const pulled = (await post('/sync/pull', qj, { clientId: qjClient, cursor: 0 })).json()
    expect(pulled.changes.tickets).toBeUndefined()
    expect(pulled.changes.customers).toBeUndefined()
    expect(pulled.changes.customer_phones).toBeUndefined()
    // … nor write them: a ticket for 五华's customer, a pause on 五华's ticket, a customer in 五华
    const res = (
      await post('/sync/push', qj, {
        clientId: qjClient,
        mutations: [
          { id: 1, name: 'ticket.create', args: ticket(randomUUID(), c, 'QJ2-261120-001') },
          { id: 2, name: 'ticket.pause', args: { id: randomUUID(), ticketId: t, reason: 'customer', note: '', at: AT } },
          { id: 3, name: 'customer.create', args: customer(randomUUID(), 'st-wh') },
        ],
      })
    ).json()
    expect(res).toEqual({ lastMutationId: 3, applied: 0, rejected: 3 })
    const { rejections } = (await post('/sync/pull', qj, { clientId: qjClient, cursor: 0 })).json()
    expect(rejections.map((r: { message: string }) => r.message)).toEqual(['客户不存在或已被删除', '工单不存在', '不能查看或修改其他服务站的数据'])
    // … and cannot push as another user's desk, nor learn how far it is
    expect((await post('/sync/push', qj, { clientId: whClient, mutations: [] })).statusCode).toBe(403)
    expect((await post('/sync/push', qj, { clientId: whClient, mutations: [{ id: 3, name: 'customer.create', args: customer(randomUUID(), 'st-qj') }] })).statusCode).toBe(403)
    // HQ (the administrator here) sees every station
    const admin = await login(server.app, 'admin', 'admin-password-1')
    expect((await post('/sync/pull', admin, { clientId: randomUUID(), cursor: 0 })).json().changes.tickets.map((r: { id: string }) => r.id)).toEqual([t])
  })

  it('lets only managers, HQ and the administrator change the service rules', async () => {
    server = await testServer(kind)
    const wh = await dispatcherToken(server.app, 'wh')
    const clientId = randomUUID()
    const pulled = (await post('/sync/pull', wh, { clientId, cursor: 0 })).json()
    const rules = pulled.changes.service_rules[0].data
    const res = (await post('/sync/push', wh, { clientId, mutations: [{ id: 1, name: 'rules.update', args: { baseVersion: 1, rules, note: '', at: AT } }] })).json()
    expect(res.rejected).toBe(1)
    const { rejections } = (await post('/sync/pull', wh, { clientId, cursor: 0 })).json()
    expect(rejections[0].message).toBe(translate(zhCN, 'errors.sync.forbidden', { role: 'dispatcher' }))
    const admin = await login(server.app, 'admin', 'admin-password-1')
    const adminClient = randomUUID()
    expect((await post('/sync/push', admin, { clientId: adminClient, mutations: [{ id: 1, name: 'rules.update', args: { baseVersion: 1, rules, note: '管理员修改', at: AT } }] })).json().applied).toBe(1)
  })

  it.each([
    ['no token', null, 401],
    ['a forged token', 'eyJzdWIiOiJhZG1pbiIsImV4cCI6OTk5OTk5OTk5OTk5OX0.Zm9yZ2Vk', 401],
    ['garbage', 'not-a-token', 401],
  ])('refuses %s with 401', async (_what, token, status) => {
    server = await testServer(kind)
    const res = await post('/sync/pull', token, { clientId: randomUUID(), cursor: 0 })
    expect(res.statusCode).toBe(status)
    expect(res.json().error.message).toBe('请先登录同步服务器')
  })

  it('refuses an expired token', async () => {
    server = await testServer(kind)
    const expired = signToken(server.secret, { sub: 'admin', exp: Date.now() - 1000 })
    expect((await post('/sync/pull', expired, { clientId: randomUUID(), cursor: 0 })).statusCode).toBe(401)
  })

  it.each([
    ['an unknown mutator', { clientId: 'CID', mutations: [{ id: 1, name: 'db.drop', args: {} }] }, 400, '输入有误，请检查标红的项目'],
    ['a bad client id', { clientId: 'desk-1', mutations: [] }, 400, '输入有误，请检查标红的项目'],
    ['wrong types', { clientId: 'CID', mutations: [{ id: 'one', name: 'ticket.create', args: {} }] }, 400, '输入有误，请检查标红的项目'],
  ])('refuses %s with a clear 4xx and changes nothing', async (_what, body, status, message) => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const payload = JSON.parse(JSON.stringify(body).replace('"CID"', `"${randomUUID()}"`))
    const res = await post('/sync/push', token, payload)
    expect(res.statusCode).toBe(status)
    expect(res.json().error.message).toBe(message)
  })

  it('refuses malformed and oversized bodies', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const malformed = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"clientId":' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.message).toBe('请求格式不正确')
    const big = await server.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.create', args: { faultDescription: 'x'.repeat(1_100_000) } }] }),
    })
    expect(big.statusCode).toBe(413)
    expect(big.json().error.message).toBe('提交的数据过大')
  })

  it('migration 002 records who assigned a ticket at which desk, and each client\'s desk', async () => {
    const { store } = (server = await testServer(kind))
    const cols = async (table: string) =>
      (await store.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table])).map((c) => c.column_name)
    expect(await cols('tickets')).toEqual(expect.arrayContaining(['assigned_by', 'assigned_desk']))
    expect(await cols('clients')).toContain('desk_code')
  })

  it('migration 003 indexes the contracts a ticket is registered against', async () => {
    const { store } = (server = await testServer(kind))
    // on an empty table the planner would scan anyway; with sequential scans off it shows the index exists for it
    await store.exec('SET enable_seqscan = off')
    const plan = await store.query<Record<string, string>>("EXPLAIN SELECT * FROM contracts WHERE customer_id = 'c'")
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('contracts_customer')
  })

  it('migration 004 gives tickets their helper engineers (a JSON array, [] by default) and accept / depart times', async () => {
    const { store } = (server = await testServer(kind))
    const cols = await store.query<{ column_name: string; data_type: string; column_default: string | null; is_nullable: string }>(
      "SELECT column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'tickets' AND column_name IN ('helper_ids', 'accepted_at', 'departed_at') ORDER BY column_name",
    )
    expect(cols.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ['accepted_at', 'text', 'YES'],
      ['departed_at', 'text', 'YES'],
      ['helper_ids', 'jsonb', 'NO'],
    ])
    expect(cols.find((c) => c.column_name === 'helper_ids')!.column_default).toMatch(/^'\[\]'::jsonb$/)
  })

  it('runs the job steps and helpers through the buffered store, and pulls helper_ids as an array', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const clientId = randomUUID()
    const [c, t] = [randomUUID(), randomUUID()]
    const step = (name: string, extra: object = {}) => ({ name, args: { ticketId: t, id: randomUUID(), at: AT, ...extra } })
    // one push: the ticket is made, assigned, helped and moved on before anything is flushed
    const first = [
      { name: 'customer.create', args: customer(c) },
      { name: 'ticket.create', args: ticket(t, c, 'WH2-261120-001') },
      step('ticket.assign', { engineerId: 'st-wh-eng-01', expectedAssigneeId: null, appointmentStart: null, appointmentEnd: null }),
      step('ticket.addHelper', { engineerId: 'st-wh-eng-02' }),
      step('ticket.addHelper', { engineerId: 'st-wh-eng-03' }),
      step('ticket.accept'),
      step('ticket.addHelper', { engineerId: 'st-wh-eng-01' }),
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', token, { clientId, mutations: first })).json()).toEqual({ lastMutationId: 7, applied: 6, rejected: 1 })
    let pulled = (await post('/sync/pull', token, { clientId, cursor: 0 })).json()
    expect(pulled.changes.tickets).toEqual([expect.objectContaining({ id: t, status: 'accepted', assignee_id: 'st-wh-eng-01', helper_ids: ['st-wh-eng-02', 'st-wh-eng-03'], accepted_at: AT, departed_at: null })])
    expect(pulled.rejections.map((r: { mutationId: number; key: string }) => [r.mutationId, r.key])).toEqual([[7, 'errors.ticket.helperIsAssignee']])
    // a later push reads the stored JSON back, changes it and writes it again
    const second = [step('ticket.removeHelper', { engineerId: 'st-wh-eng-02' }), step('ticket.depart'), step('ticket.arrive'), step('ticket.accept')].map((m, i) => ({ id: i + 8, ...m }))
    expect((await post('/sync/push', token, { clientId, mutations: second })).json()).toEqual({ lastMutationId: 11, applied: 3, rejected: 1 })
    pulled = (await post('/sync/pull', token, { clientId, cursor: pulled.cursor })).json()
    expect(pulled.changes.tickets).toEqual([expect.objectContaining({ status: 'on_site', helper_ids: ['st-wh-eng-03'], departed_at: AT, arrived_at: AT })])
    expect(pulled.rejections.map((r: { message: string }) => r.message)).toEqual(['工单当前为「到达现场」，不能标记为已接单'])
  })

  it('keeps a station’s parts: the clerk’s movements move its balances, never below zero; another station sees only the catalogue', async () => {
    server = await testServer(kind)
    const admin = await login(server.app, 'admin', 'admin-password-1')
    const made = await server.app.inject({ method: 'POST', url: '/admin/accounts', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'clerk-wh', password: 'clerk-pass-1', userId: 'st-wh-clerk' } })
    expect(made.statusCode).toBe(201)
    const clerk = await login(server.app, 'clerk-wh', 'clerk-pass-1')
    const clientId = randomUUID()
    const signed = { clerkId: 'st-wh-clerk', managerId: 'st-wh-manager' }
    const move = (name: string, args: object) => ({ name, args: { id: randomUUID(), at: AT, ...args } })
    const pushed = [
      move('parts.receive', { partId: 'part-hdd-500', qty: 2, reference: 'FH-1' }),
      move('parts.issue', { partId: 'part-hdd-500', qty: 1, engineerId: 'st-wh-eng-01', ...signed }),
      // one more than the shelf still holds
      move('parts.issue', { partId: 'part-hdd-500', qty: 2, engineerId: 'st-wh-eng-02', ...signed }),
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', clerk, { clientId, mutations: pushed })).json()).toEqual({ lastMutationId: 3, applied: 2, rejected: 1 })
    const pulled = (await post('/sync/pull', clerk, { clientId, cursor: 0 })).json()
    expect(pulled.changes.parts.length).toBeGreaterThan(10)
    expect(pulled.changes.part_stock.map((r: { place: string; holder_id: string | null; qty: number }) => [r.place, r.holder_id, r.qty]).sort()).toEqual([
      ['engineer', 'st-wh-eng-01', 1],
      ['shelf', null, 1],
    ])
    expect(pulled.changes.part_movements[0].legs).toEqual([{ partId: 'part-hdd-500', place: 'shelf', holderId: null, delta: 2 }])
    expect(pulled.rejections.map((r: { key: string; message: string }) => [r.key, r.message])).toEqual([['errors.parts.negative', '库存不足：硬盘 HDD-500G（在库好件）现有 1 件，不能再出 2 件']])
    // a dispatcher may not keep the parts accounts, and 曲靖 sees none of 五华's stock
    const dispatcher = await dispatcherToken(server.app, 'wh')
    const refused = await post('/sync/push', dispatcher, { clientId: randomUUID(), mutations: [{ id: 1, ...move('parts.receive', { partId: 'part-kb-usb', qty: 1, reference: '' }) }] })
    expect(refused.json()).toMatchObject({ rejected: 1 })
    const qj = await dispatcherToken(server.app, 'qj')
    const other = (await post('/sync/pull', qj, { clientId: randomUUID(), cursor: 0 })).json()
    expect(other.changes.parts.length).toBe(pulled.changes.parts.length)
    expect(other.changes.part_stock).toBeUndefined()
    expect(other.changes.part_movements).toBeUndefined()
  })

  it('closes out a job from a desk: the part leaves the engineer, its slip opens, the report keeps its lines, charges and signature; 曲靖 sees none of it', async () => {
    server = await testServer(kind)
    const admin = await login(server.app, 'admin', 'admin-password-1')
    await server.app.inject({ method: 'POST', url: '/admin/accounts', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'clerk-wh', password: 'clerk-pass-1', userId: 'st-wh-clerk' } })
    const clerk = await login(server.app, 'clerk-wh', 'clerk-pass-1')
    const dispatcher = await dispatcherToken(server.app, 'wh')
    const move = (name: string, args: object) => ({ name, args: { id: randomUUID(), at: AT, ...args } })
    const stocked = [
      move('parts.receive', { partId: 'part-hdd-500', qty: 1, reference: 'FH-1' }),
      move('parts.issue', { partId: 'part-hdd-500', qty: 1, engineerId: 'st-wh-eng-01', clerkId: 'st-wh-clerk', managerId: 'st-wh-manager' }),
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', clerk, { clientId: randomUUID(), mutations: stocked })).json()).toMatchObject({ rejected: 0 })

    const clientId = randomUUID()
    const [c, t, report, slip] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    const job = [
      { name: 'customer.create', args: customer(c) },
      { name: 'ticket.create', args: ticket(t, c, 'WH2-261120-001') },
      move('ticket.assign', { ticketId: t, engineerId: 'st-wh-eng-01', expectedAssigneeId: null, appointmentStart: null, appointmentEnd: null }),
      move('ticket.arrive', { ticketId: t }),
      {
        name: 'ticket.closeOut',
        args: {
          id: report,
          at: AT,
          ticketId: t,
          engineerId: 'st-wh-eng-01',
          departedAt: AT,
          cause: '硬盘坏道',
          fix: '更换硬盘',
          advice: '',
          dataBackedUp: true,
          damage: 'normal',
          onsiteRequested: true,
          parts: [{ partId: 'part-hdd-500', faultDescription: '硬盘坏道，SMART 报警', approvalNote: '', physicalDamage: false }],
          lines: [{ movementId: randomUUID(), slipId: slip, slipNumber: 'FX-WH2-261120-001' }],
          signature: { kind: 'drawn', image: signature, signer: '王主任' },
        },
      },
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', dispatcher, { clientId, mutations: job })).json()).toEqual({ lastMutationId: 5, applied: 5, rejected: 0 })
    const pulled = (await post('/sync/pull', dispatcher, { clientId, cursor: 0 })).json()
    expect(pulled.changes.tickets).toEqual([expect.objectContaining({ id: t, status: 'resolved', resolved_at: AT })])
    // no device on the ticket: out of warranty, the disk at the price list and the visit asked for
    expect(pulled.changes.job_reports).toEqual([
      expect.objectContaining({ id: report, ticket_id: t, signature_kind: 'drawn', signature, signer_name: '王主任', charges: expect.objectContaining({ materials: 36_000, onsiteFee: 5_000, total: 41_000 }), lines: [expect.objectContaining({ slipId: slip, component: 'hdd', charged: 36_000 })] }),
    ])
    expect(pulled.changes.return_slips).toEqual([expect.objectContaining({ id: slip, ticket_id: t, status: 'open' })])
    expect(pulled.changes.part_stock.map((r: { place: string; holder_id: string | null; qty: number }) => [r.place, r.holder_id, r.qty]).sort()).toEqual([
      ['bad', null, 1],
      ['engineer', 'st-wh-eng-01', 0],
      ['shelf', null, 0],
    ])
    const qj = await dispatcherToken(server.app, 'qj')
    const other = (await post('/sync/pull', qj, { clientId: randomUUID(), cursor: 0 })).json()
    expect(other.changes.job_reports).toBeUndefined()
    expect(other.changes.return_slips).toBeUndefined()
  })

  it('schedules the visits of a job resolved at a desk; a dissatisfied survey opens a complaint there; HQ makes the level-2 call; 曲靖 sees none of it', async () => {
    server = await testServer(kind)
    const dispatcher = await dispatcherToken(server.app, 'wh')
    const admin = await login(server.app, 'admin', 'admin-password-1')
    await server.app.inject({ method: 'POST', url: '/admin/accounts', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'hq-1', password: 'hq-pass-1', userId: 'st-hq-hq-1' } })
    const hq = await login(server.app, 'hq-1', 'hq-pass-1')
    const clientId = randomUUID()
    const [c, t, complaint] = [randomUUID(), randomUUID(), randomUUID()]
    const survey = { overall: 2, timeliness: 2, attitude: 4, quality: 3, comment: '等了一下午' }
    const job = [
      { name: 'customer.create', args: customer(c) },
      { name: 'ticket.create', args: { ...ticket(t, c, 'WH2-261120-001'), serviceMode: 'phone_support' } },
      { name: 'ticket.resolve', args: { ticketId: t, at: AT, method: 'phone', note: '指导客户重启打印服务' } },
      { name: 'visit.record', args: { visitId: `${t}:level1`, outcome: 'reached', survey, note: '', at: AT, complaintId: complaint, complaintNumber: 'TS-WH2-261120-001' } },
      { name: 'complaint.step', args: { complaintId: complaint, step: 'investigate', findings: '热线排队过长', id: randomUUID(), at: AT } },
      // a station's account may not make HQ's call
      { name: 'visit.record', args: { visitId: `${t}:level2`, outcome: 'reached', survey: { ...survey, overall: 5, timeliness: 5 }, note: '', at: AT, complaintId: randomUUID(), complaintNumber: '-' } },
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', dispatcher, { clientId, mutations: job })).json()).toEqual({ lastMutationId: 6, applied: 5, rejected: 1 })
    const pulled = (await post('/sync/pull', dispatcher, { clientId, cursor: 0 })).json()
    expect(pulled.rejections.map((r: { mutationId: number; message: string }) => [r.mutationId, r.message])).toEqual([[6, '二级回访由总部客服中心进行']])
    expect(pulled.changes.return_visits.map((v: { kind: string; due_on: string; status: string }) => [v.kind, v.due_on, v.status]).sort()).toEqual([
      ['level1', '2026-11-25', 'done'],
      ['level2', '2026-11-27', 'due'],
      ['recheck', '2026-11-21', 'due'],
    ])
    expect(pulled.changes.ticket_outcomes).toEqual([expect.objectContaining({ ticket_id: t, method: 'phone', respond_met: 1 })])
    expect(pulled.changes.complaints).toEqual([expect.objectContaining({ id: complaint, ticket_id: t, channel: 'survey', category: 'timeliness', status: 'investigated', due_on: '2026-11-27' })])
    expect(pulled.changes.complaint_events.map((e: { kind: string }) => e.kind).sort()).toEqual(['investigate', 'registered'])

    const hqComplaint = randomUUID()
    const hqPush = [
      { id: 1, name: 'visit.record', args: { visitId: `${t}:level2`, outcome: 'reached', survey: { ...survey, overall: 5, timeliness: 5 }, note: '', at: AT, complaintId: randomUUID(), complaintNumber: '-' } },
      // a call to HQ's complaint line about the station's customer goes on the station's register
      { id: 2, name: 'complaint.register', args: { id: hqComplaint, number: 'TS-HQ1-261120-001', at: AT, ticketId: null, customerId: c, engineerId: null, complainantName: '王老师', complainantPhone: '', channel: 'hotline', category: 'charges', severity: 'general', description: '收费不透明' } },
      { id: 3, name: 'complaint.step', args: { complaintId: complaint, step: 'handle', resolution: '总部客服中心致电解释', id: randomUUID(), at: AT } },
    ]
    // HQ's desk works in the station's name for the call (its scope is every station)
    expect((await post('/sync/push', hq, { clientId: randomUUID(), mutations: hqPush })).json()).toMatchObject({ applied: 3, rejected: 0 })
    const station = (await post('/sync/pull', dispatcher, { clientId, cursor: 0 })).json()
    expect(station.changes.complaints.map((k: { id: string; station_id: string; status: string }) => [k.id, k.station_id, k.status]).sort()).toEqual(
      [[complaint, 'st-wh', 'handled'], [hqComplaint, 'st-wh', 'registered']].sort(),
    )
    const qj = await dispatcherToken(server.app, 'qj')
    const other = (await post('/sync/pull', qj, { clientId: randomUUID(), cursor: 0 })).json()
    expect(other.changes.return_visits).toBeUndefined()
    expect(other.changes.complaints).toBeUndefined()
  })

  it('lets an engineer move his own jobs only, and not dispatch', async () => {
    server = await testServer(kind)
    const token = await dispatcherToken(server.app, 'wh')
    const admin = await login(server.app, 'admin', 'admin-password-1')
    const made = await server.app.inject({ method: 'POST', url: '/admin/accounts', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'eng-01', password: 'engineer-pass-1', userId: 'st-wh-eng-01' } })
    expect(made.statusCode).toBe(201)
    const engineer = await login(server.app, 'eng-01', 'engineer-pass-1')
    const [c, mine, other] = [randomUUID(), randomUUID(), randomUUID()]
    const assign = (ticketId: string, engineerId: string) => ({ name: 'ticket.assign', args: { ticketId, engineerId, expectedAssigneeId: null, appointmentStart: null, appointmentEnd: null, id: randomUUID(), at: AT } })
    const setup = [
      { name: 'customer.create', args: customer(c) },
      { name: 'ticket.create', args: ticket(mine, c, 'WH2-261120-001') },
      { name: 'ticket.create', args: ticket(other, c, 'WH2-261120-002') },
      assign(mine, 'st-wh-eng-01'),
      assign(other, 'st-wh-eng-02'),
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', token, { clientId: randomUUID(), mutations: setup })).json()).toMatchObject({ applied: 5 })
    const phone = randomUUID()
    const steps = [
      { name: 'ticket.accept', args: { ticketId: mine, id: randomUUID(), at: AT } },
      { name: 'ticket.accept', args: { ticketId: other, id: randomUUID(), at: AT } },
      assign(other, 'st-wh-eng-01'),
    ].map((m, i) => ({ id: i + 1, ...m }))
    expect((await post('/sync/push', engineer, { clientId: phone, mutations: steps })).json()).toEqual({ lastMutationId: 3, applied: 1, rejected: 2 })
    const { rejections } = (await post('/sync/pull', engineer, { clientId: phone, cursor: 0 })).json()
    expect(rejections.map((r: { message: string }) => r.message)).toEqual(['只能更新派给自己的工单', translate(zhCN, 'errors.sync.forbidden', { role: 'engineer' })])
  })

  it('migrations run once and refuse a database from a newer server', async () => {
    server = await testServer(kind)
    expect(await migrateServer(server.store)).toBe(SERVER_MIGRATIONS.length)
    await server.store.query('INSERT INTO server_migrations (version, name) VALUES (99, $1)', ['future'])
    await expect(migrateServer(server.store)).rejects.toThrow(/更新版本/)
  })
})

describe.skipIf(!KINDS.includes('postgres'))('the PostgreSQL store', () => {
  it('outlives PostgreSQL ending its idle connections (a restart, an administrator): logged, the next query reconnects', async () => {
    const { store, url, drop } = await freshStore('postgres')
    const ended: string[] = []
    const watched = await openPostgres(url!, { onIdleError: (e) => ended.push(e.message) })
    try {
      await watched.query('SELECT 1')
      const admin = new pg.Client({ connectionString: url! })
      await admin.connect()
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
      await admin.end()
      await expect.poll(() => ended.length).toBeGreaterThan(0)
      expect(await watched.query<{ n: number }>('SELECT 2 AS n')).toEqual([{ n: 2 }])
    } finally {
      await watched.close()
      await store.close().catch(() => undefined)
      await drop().catch(() => undefined)
    }
  })
})
