// The selected ticket: what it is, the engineers the desk suggests and why, and the job's next
// steps. `A` gives the ranked list the keyboard: ↑/↓ to choose, Enter to book, Esc to leave.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Reason, Suggestion } from '../../../shared/domain/dispatch'
import { wallTime } from '../../../shared/domain/time'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { useBoard, type BoardEngineer, type BoardTicket } from '../store/board'
import { JobActions } from './JobActions'
import { TicketCard } from './TicketCard'

const SHOWN = 8

function ReasonText({ reason }: { reason: Reason }): React.JSX.Element {
  const { t } = useTranslation()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const params: Record<string, string | number> = { ...reason.params }
  if (typeof params.skill === 'string') params.skill = t(`enums.skill.${params.skill}` as never)
  // times in reasons are instants: shown as the station's wall clock
  if (typeof params.time === 'string') params.time = wallTime(params.time, timezone)
  return <span className={`reason ${reason.effect}`}>{String(t(reason.key as never, params as never))}</span>
}

export function SelectionPanel({ ticket, suggestions, engineersById, now }: { ticket: BoardTicket; suggestions: readonly Suggestion[]; engineersById: ReadonlyMap<string, BoardEngineer>; now: number }): React.JSX.Element {
  const { t } = useTranslation()
  const { pickerOpen, setPicker, setBooking } = useBoard()
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const shown = suggestions.slice(0, SHOWN)
  const assignee = ticket.assigneeId ? engineersById.get(ticket.assigneeId) : undefined
  // the address and the rest of the ticket, read when it is chosen (the snapshot carries what the map needs)
  const { data: detail } = useDeskQuery('tickets.get', { id: ticket.id })

  useEffect(() => {
    setActive(0)
  }, [ticket.id])
  useEffect(() => {
    if (pickerOpen) listRef.current?.focus()
  }, [pickerOpen])

  const book = (engineerId: string) => {
    if (engineerId === ticket.assigneeId) return
    setBooking({ ticketId: ticket.id, engineerId })
  }

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1))
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
    else if (e.key === 'Enter' && shown[active]) book(shown[active]!.engineerId)
    else if (e.key === 'Escape') setPicker(false)
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <section className="selection-panel" aria-label={t('board.selected')}>
      <TicketCard ticket={ticket} now={now} />
      <p className="sub">
        {detail?.id === ticket.id && detail.customer.address}
        {assignee && ` · ${t('board.assignee', { name: assignee.name })}`}
        {ticket.appointmentStart && ` · ${t('board.window', { start: wallTime(ticket.appointmentStart), end: wallTime(ticket.appointmentEnd ?? ticket.appointmentStart) })}`}
      </p>
      <JobActions ticket={ticket} engineers={[...engineersById.values()]} />
      <h3>
        {t('board.suggestions')} <kbd>A</kbd>
      </h3>
      {shown.length === 0 ? (
        <p className="empty">{t('board.noSuggestions')}</p>
      ) : (
        <ul
          ref={listRef}
          className={`suggestions${pickerOpen ? ' picking' : ''}`}
          role="listbox"
          aria-label={t('board.suggestions')}
          tabIndex={0}
          aria-activedescendant={`suggestion-${shown[active]?.engineerId}`}
          onKeyDown={onKey}
          onFocus={() => setPicker(true)}
          onBlur={() => setPicker(false)}
        >
          {shown.map((s, i) => {
            const e = engineersById.get(s.engineerId)
            return (
              <li
                key={s.engineerId}
                id={`suggestion-${s.engineerId}`}
                role="option"
                aria-selected={i === active}
                className={`${i === active ? 'active' : ''}${s.engineerId === ticket.assigneeId ? ' current' : ''}`}
                data-testid="suggestion"
                data-engineer-id={s.engineerId}
                onMouseEnter={() => setActive(i)}
                onDoubleClick={() => book(s.engineerId)}
              >
                <div className="line">
                  <span className={`rank rank-${Math.min(s.rank, 4)}`}>{s.rank}</span>
                  <b>{e?.name}</b>
                  <span className="sub">{t('board.score', { score: s.score })}</span>
                  {s.meetsDeadline === false && <span className="chip clock clock-breached">{t('board.late')}</span>}
                  <button type="button" className="link" onClick={() => book(s.engineerId)} disabled={s.engineerId === ticket.assigneeId}>
                    {ticket.assigneeId ? t('assign.reassign') : t('assign.assign')}
                  </button>
                </div>
                <div className="reasons">
                  {s.reasons.map((r, k) => (
                    <ReasonText key={k} reason={r} />
                  ))}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
