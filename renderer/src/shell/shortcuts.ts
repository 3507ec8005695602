import { useEffect } from 'react'
import type { ShellCommand } from '../../../shared/api/contract'
import { desk } from '../api/client'
import { useApp } from '../store/app'

export const SEARCH_INPUT_ID = 'ticket-search'

function run(command: ShellCommand): void {
  const app = useApp.getState()
  switch (command) {
    case 'ticket.new':
      return app.openIntake()
    case 'tickets.search':
      app.setView('tickets')
      return void setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus())
    case 'nav.tickets':
      return app.setView('tickets')
    case 'nav.settings':
      return app.setView('settings')
  }
}

/** Ctrl+N new ticket, Ctrl+F search tickets; the Electron menu sends the same commands. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      const command: ShellCommand | null = key === 'n' ? 'ticket.new' : key === 'f' ? 'tickets.search' : null
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
