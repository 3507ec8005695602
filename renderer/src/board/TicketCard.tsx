import { useTranslation } from 'react-i18next'
import { useClockText } from '../sla/format'
import type { BoardTicket } from '../store/board'
import { slaState } from './derive'

/** Minutes from now to an instant (negative: past). */
export const minutesUntil = (instant: string, now: number) => Math.round((Date.parse(instant) - now) / 60_000)

/** The ticket's most urgent clock in a word: what is left, or how far over. */
export function ClockBadge({ ticket, now }: { ticket: BoardTicket; now: number }): React.JSX.Element | null {
  const { t } = useTranslation()
  const clockText = useClockText()
  const clock = ticket.clock
  if (!clock) return null
  const state = slaState(ticket)
  // a paused clock on the board has its deadline but not its time left: named by its state
  const left = clock.dueAt && clock.state !== 'paused' ? minutesUntil(clock.dueAt, now) : null
  const text = clockText(clock.state, left)
  return (
    <span className={`chip clock clock-${state}`} title={t(`enums.clockState.${clock.state}`)}>
      {text}
    </span>
  )
}

/** What a dispatcher needs to know of a ticket at a glance (queue row, hover card, selection). */
export function TicketCard({ ticket, now = Date.now() }: { ticket: BoardTicket; now?: number }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="ticket-card">
      <div className="line">
        <b className="mono">{ticket.number}</b>
        <span className={`chip level level-${ticket.faultLevel}`}>{t(`enums.faultLevel.${ticket.faultLevel}`)}</span>
        <ClockBadge ticket={ticket} now={now} />
      </div>
      <div className="line">{ticket.customerName}</div>
      <div className="line sub">
        {t(`enums.category.${ticket.category}`)} · {t(`enums.zone.${ticket.zone}`)} · {ticket.faultDescription}
      </div>
    </div>
  )
}
