// 预约: after a drop (or Enter in the ranked list) the dispatcher confirms the window the desk
// proposes (the earliest the engineer can keep that meets the arrival deadline) or changes it.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { proposeWindow } from '../../../shared/domain/appointment'
import { atWallTime, localDate, wallTime } from '../../../shared/domain/time'
import type { Suggestion } from '../../../shared/domain/dispatch'
import { useApp } from '../store/app'
import { useBoard, type BoardEngineer, type BoardTicket } from '../store/board'
import { useDispatchActions } from './actions'

export function AppointmentDialog({ ticket, engineer, suggestion, now }: { ticket: BoardTicket; engineer: BoardEngineer; suggestion: Suggestion | undefined; now: string }): React.JSX.Element {
  const { t } = useTranslation()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const setBooking = useBoard((s) => s.setBooking)
  const { assign } = useDispatchActions()
  const proposal = useMemo(() => {
    const busy = engineer.jobs.filter((j) => j.ticketId !== ticket.id && j.appointmentStart && j.appointmentEnd).map((j) => ({ start: j.appointmentStart!, end: j.appointmentEnd! }))
    return proposeWindow({ now, etaMinutes: suggestion?.etaMinutes ?? null, arrivalDue: ticket.arrivalDue, busy })
  }, [engineer, ticket, suggestion, now])
  const [start, setStart] = useState(() => wallTime(proposal.start, timezone))
  const [end, setEnd] = useState(() => wallTime(proposal.end, timezone))
  const [error, setError] = useState<string | null>(null)
  const startRef = useRef<HTMLInputElement>(null)
  useEffect(() => startRef.current?.focus(), [])

  const startAt = atWallTime(proposal.start, start, timezone)
  const endAt = atWallTime(proposal.start, end, timezone)
  const late = ticket.arrivalDue !== null && startAt !== null && startAt > ticket.arrivalDue

  function confirm(e: React.FormEvent) {
    e.preventDefault()
    if (!startAt || !endAt || endAt <= startAt) {
      setError(t('errors.ticket.appointmentWindow'))
      return
    }
    // the dialog closes at once: the dispatch shows on the board and a refusal comes back as a toast
    setBooking(null)
    void assign(ticket.id, engineer.id, { start: startAt, end: endAt })
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && setBooking(null)}>
      <form className="modal appointment" role="dialog" aria-modal="true" aria-labelledby="appointment-title" onSubmit={confirm}>
        <h2 id="appointment-title">{t('board.bookTitle')}</h2>
        <p>
          {t('board.bookWhat', { number: ticket.number, customer: ticket.customerName, name: engineer.name })}
        </p>
        {suggestion?.etaMinutes != null && <p className="sub">{t('board.bookEta', { minutes: suggestion.etaMinutes })}</p>}
        <div className="window-fields">
          <div className="field">
            <label htmlFor="appointment-start">{t('board.windowStart')}</label>
            <input ref={startRef} id="appointment-start" type="time" step={900} value={start} onChange={(e) => setStart(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="appointment-end">{t('board.windowEnd')}</label>
            <input id="appointment-end" type="time" step={900} value={end} onChange={(e) => setEnd(e.target.value)} required />
          </div>
        </div>
        <p className="sub" data-testid="appointment-day">
          {t('board.windowDay', { day: localDate(new Date(proposal.start), timezone) })}
          {ticket.arrivalDue && ` · ${t('board.arrivalDue', { time: wallTime(ticket.arrivalDue, timezone) })}`}
        </p>
        {late && (
          <p className="form-error" role="alert">
            {t('board.windowLate')}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => setBooking(null)}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" data-testid="confirm-dispatch">
            {t('board.confirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  )
}
