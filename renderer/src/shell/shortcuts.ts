import { useEffect } from 'react'
import type { ShellCommand } from '../../../shared/api/contract'
import { desk } from '../api/client'
import { useApp } from '../store/app'

export const SEARCH_INPUT_ID = 'ticket-search'

/** Listeners for the menu's 撤销 outside text fields (the board's last dispatch). */
const undoListeners = new Set<() => void>()
export function onUndo(listener: () => void): () => void {
  undoListeners.add(listener)
  return () => undoListeners.delete(listener)
}

function undoInPage(): void {
  const el = document.activeElement
  // typing in a field: the field's own undo
  if (el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA'].includes(el.tagName))) return void document.execCommand('undo')
  undoListeners.forEach((l) => l())
}

function run(command: ShellCommand): void {
  const app = useApp.getState()
  switch (command) {
    case 'ticket.new':
      return app.openIntake()
    case 'tickets.search':
      app.setView('tickets')
      return void setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus())
    case 'nav.board':
      return app.setView('board')
    case 'nav.tickets':
      return app.setView('tickets')
    case 'nav.carryIn':
      return app.setView('carryIn')
    case 'nav.followUp':
      return app.setView('followUp')
    case 'nav.complaints':
      return app.setView('complaints')
    case 'nav.reports':
      return app.setView('reports')
    case 'edit.undo':
      return undoInPage()
    case 'nav.settings':
      return app.setView('settings')
  }
}

/** Ctrl+N new ticket, Ctrl+F search tickets, Ctrl+3 送修, Ctrl+4 回访, Ctrl+5 投诉, Ctrl+6 报表; the Electron menu sends the same commands. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl+Shift+… belongs to the page (e.g. 登记投诉)
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return
      const key = e.key.toLowerCase()
      const command: ShellCommand | null = key === 'n' ? 'ticket.new' : key === 'f' ? 'tickets.search' : key === '3' ? 'nav.carryIn' : key === '4' ? 'nav.followUp' : key === '5' ? 'nav.complaints' : key === '6' ? 'nav.reports' : null
      if (!command) return
      e.preventDefault()
      run(command)
    }
    window.addEventListener('keydown', onKey)
    const off = desk.on('shell.command', ({ command }) => run(command))
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [])
}
