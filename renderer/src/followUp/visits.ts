// What the visit lists, the nav badge and a ticket's panel share: the desk's visit list (read again on a
// change, and every few minutes since a visit turns late with the clock), and the way to a visit's ticket.
import { useEffect } from 'react'
import type { MethodInput } from '../../../shared/api/contract'
import { SURVEY_ASPECTS } from '../../../shared/domain/followUp'
import { TIME_BOUND_RELOAD_MS, useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { useTickets } from '../store/tickets'

export const FOLLOW_UP_TABLES = ['return_visits', 'tickets', 'complaints'] as const

/** The survey's questions in the form's order: overall first, then each aspect. */
export const SCORE_KEYS = ['overall', ...SURVEY_ASPECTS] as const
export type ScoreKey = (typeof SCORE_KEYS)[number]

export function useVisitList(query: MethodInput<'visits.list'>, tables: readonly string[] = FOLLOW_UP_TABLES) {
  return useDeskQuery('visits.list', query, tables, TIME_BOUND_RELOAD_MS)
}

/** The ticket behind a visit or a plan, in the 工单 view. */
export function showTicket(ticketId: string): void {
  useTickets.getState().select(ticketId)
  useApp.getState().setView('tickets')
}

/** HQ's service center (and the administrator) make the level-2 visits; the desk refuses anyone else. */
export function useCanVisitForHq(): boolean {
  const role = useApp((s) => s.desk?.user.role)
  return role === 'hq' || role === 'admin'
}

/** Esc closes the dialog wherever the focus is (a save button disabled while it runs drops it to the page). */
export function useEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
}
