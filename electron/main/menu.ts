import type { MenuItemConstructorOptions } from 'electron'
import type { ShellCommand } from '../../shared/api/contract'

/** The Chinese application menu; commands go to the window as shell.command events. */
export function menuTemplate(send: (command: ShellCommand) => void, opts: { isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '新建工单', accelerator: 'CmdOrCtrl+N', click: () => send('ticket.new') },
        { label: '查找工单', accelerator: 'CmdOrCtrl+F', click: () => send('tickets.search') },
        { type: 'separator' },
        { label: '设置', accelerator: 'CmdOrCtrl+,', click: () => send('nav.settings') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        // the page decides: undo typing in a field, or undo the last dispatch on the board
        { label: '撤销', accelerator: 'CmdOrCtrl+Z', click: () => send('edit.undo') },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '派工看板', accelerator: 'CmdOrCtrl+1', click: () => send('nav.board') },
        { label: '工单', accelerator: 'CmdOrCtrl+2', click: () => send('nav.tickets') },
        { label: '送修', accelerator: 'CmdOrCtrl+3', click: () => send('nav.carryIn') },
        { label: '回访', accelerator: 'CmdOrCtrl+4', click: () => send('nav.followUp') },
        { label: '投诉', accelerator: 'CmdOrCtrl+5', click: () => send('nav.complaints') },
        { label: '报表', accelerator: 'CmdOrCtrl+6', click: () => send('nav.reports') },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(opts.isDev ? ([{ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    { label: '窗口', submenu: [{ label: '最小化', role: 'minimize' }, ...(opts.isMac ? [] : [{ label: '关闭', role: 'close' } as MenuItemConstructorOptions])] },
    { label: '帮助', submenu: [{ label: '关于服务调度台', role: 'about' }] },
  ]
}
