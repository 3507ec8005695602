import { describe, expect, it, vi } from 'vitest'
import { connectDeskProcess, type ChildLike, type FromDesk, type ToDesk } from '../../electron/desk/deskPort'
import { DESK_CALL_CHANNEL, registerDeskIpc } from '../../electron/main/ipc'
import { menuTemplate } from '../../electron/main/menu'

function fakeIpc() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  return { handle: (ch: string, h: (...args: unknown[]) => unknown) => handlers.set(ch, h), invoke: (ch: string, ...args: unknown[]) => handlers.get(ch)!(...args) }
}
const fromApp = { senderFrame: { url: 'app://desk/index.html' } }

describe('IPC between the page and the desk core', () => {
  it('forwards contract calls from our own page', async () => {
    const ipc = fakeIpc()
    const desk = { call: vi.fn(async () => ({ ok: true as const, value: 42 })) }
    registerDeskIpc(ipc as never, desk)
    expect(await ipc.invoke(DESK_CALL_CHANNEL, fromApp, 'tickets.list', { limit: 5 })).toEqual({ ok: true, value: 42 })
    expect(desk.call).toHaveBeenCalledWith('tickets.list', { limit: 5 })
  })

  it('refuses a sender that is not our page, and names not in the contract', async () => {
    const ipc = fakeIpc()
    const desk = { call: vi.fn() }
    registerDeskIpc(ipc as never, desk)
    expect(await ipc.invoke(DESK_CALL_CHANNEL, { senderFrame: { url: 'https://evil.example/' } }, 'tickets.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(await ipc.invoke(DESK_CALL_CHANNEL, { senderFrame: null }, 'tickets.list', {})).toMatchObject({ ok: false })
    expect(await ipc.invoke(DESK_CALL_CHANNEL, fromApp, 'require', 'fs')).toMatchObject({ ok: false, error: { code: 'unknown_method', message: '未知的操作：require' } })
    expect(desk.call).not.toHaveBeenCalled()
  })
})

describe('the desk utility process link', () => {
  function fakeChild() {
    const listeners: Record<string, ((m: never) => void)[]> = { message: [], exit: [] }
    const sent: ToDesk[] = []
    const child: ChildLike = { postMessage: (m) => sent.push(m), on: (e: string, l: (m: never) => void) => listeners[e]!.push(l) }
    const emit = (e: 'message' | 'exit', m: FromDesk | number) => listeners[e]!.forEach((l) => l(m as never))
    return { child, sent, emit }
  }

  it('matches replies to requests, whatever their order, and passes events on', async () => {
    const { child, sent, emit } = fakeChild()
    const desk = connectDeskProcess(child)
    const events: unknown[] = []
    desk.onEvent((event, payload) => events.push([event, payload]))
    emit('message', { ready: true })
    await desk.ready
    const a = desk.call('desk.info', {})
    const b = desk.call('tickets.list', {})
    emit('message', { id: sent[1]!.id, ok: true, value: 'B' })
    emit('message', { id: sent[0]!.id, ok: true, value: 'A' })
    emit('message', { event: 'data.changed', payload: { tables: ['tickets'] } })
    expect(await a).toEqual({ ok: true, value: 'A' })
    expect(await b).toEqual({ ok: true, value: 'B' })
    expect(events).toEqual([['data.changed', { tables: ['tickets'] }]])
  })

  it('answers calls in flight with an error if the process dies', async () => {
    const { child, emit } = fakeChild()
    const desk = connectDeskProcess(child)
    desk.ready.catch(() => undefined)
    const pending = desk.call('desk.info', {})
    emit('exit', 1)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

describe('the application menu', () => {
  it('is in Chinese and sends 新建工单 as a command', () => {
    const send = vi.fn()
    const menu = menuTemplate(send, { isMac: false, isDev: false })
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助'])
    const file = menu[0]!.submenu as { label: string; accelerator?: string; click?: () => void }[]
    const newTicket = file.find((i) => i.label === '新建工单')!
    expect(newTicket.accelerator).toBe('CmdOrCtrl+N')
    newTicket.click!()
    expect(send).toHaveBeenCalledWith('ticket.new')
    expect(JSON.stringify(menu)).not.toContain('开发者工具')
    expect(JSON.stringify(menuTemplate(send, { isMac: false, isDev: true }))).toContain('开发者工具')
  })
})
