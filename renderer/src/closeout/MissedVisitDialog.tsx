// 上门未遇 (seed 002 §十一.4): nobody at the door and no answer on the phone. The engineer waits 20
// minutes, leaves a note (when he came and left, his name and number), and the desk books a new window.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MISSED_VISIT_WAIT_MINUTES, minutesWaited } from '../../../shared/domain/closeout'
import { instantOfLocalInput, localInputValue, wallTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { Field, FormFooter } from '../tickets/fields'
import './closeout.css'

const HOUR = 3_600_000

export function MissedVisitDialog({ ticketId, onClose }: { ticketId: string; onClose(): void }): React.JSX.Element | null {
  const { t } = useTranslation()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const showToast = useApp((s) => s.showToast)
  const { errors, formError, busy, submit } = useFormSubmit()
  const { data: form } = useDeskQuery('closeout.form', { ticketId })
  const { data: info } = useDeskQuery('desk.info', {})
  const [arrivedAt, setArrivedAt] = useState('')
  const [leftAt, setLeftAt] = useState('')
  const [note, setNote] = useState('')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')

  // defaults: arrived when the window began (or 25 minutes ago), left now, a new window of an hour from tomorrow's same time
  useEffect(() => {
    if (!form || !info || leftAt) return
    const now = Date.parse(info.now)
    const arrived = form.arrivedAt ?? new Date(now - 25 * 60_000).toISOString()
    const nextStart = Date.parse(form.appointmentStart ?? info.now) + 24 * HOUR
    const engineer = form.engineers.find((e) => e.onJob === 'assignee')?.name ?? ''
    setArrivedAt(localInputValue(arrived, timezone))
    setLeftAt(localInputValue(info.now, timezone))
    setStart(localInputValue(new Date(nextStart).toISOString(), timezone))
    setEnd(localInputValue(new Date(nextStart + HOUR).toISOString(), timezone))
    setNote(t('closeout.missed.noteTemplate', { arrived: wallTime(arrived, timezone), left: wallTime(info.now, timezone), engineer }))
  }, [form, info, timezone, leftAt, t])

  if (!form) return null
  const at = (v: string) => instantOfLocalInput(v, timezone)
  const arrived = at(arrivedAt)
  const left = at(leftAt)
  const waited = arrived && left ? minutesWaited(arrived, left) : null

  function save(e: React.FormEvent) {
    e.preventDefault()
    void submit(async () => {
      await desk.call('ticket.visitMissed', {
        ticketId,
        arrivedAt: arrived ?? '',
        leftAt: left ?? '',
        noteLeft: note,
        appointmentStart: at(start) ?? '',
        appointmentEnd: at(end) ?? '',
      })
      showToast(t('closeout.missed.saved', { number: form!.number }))
      onClose()
    })
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal small missed-visit" role="dialog" aria-modal="true" aria-labelledby="missed-title" onSubmit={save} noValidate>
        <h2 id="missed-title">{t('closeout.missed.title', { number: form.number })}</h2>
        <p className="sub">{t('closeout.missed.waitRule', { minutes: MISSED_VISIT_WAIT_MINUTES })}</p>
        <div className="row2">
          <Field id="missed-arrived" label={t('closeout.missed.arrivedAt')} error={errors.arrivedAt}>
            <input type="datetime-local" value={arrivedAt} onChange={(e) => setArrivedAt(e.target.value)} />
          </Field>
          <Field id="missed-left" label={t('closeout.missed.leftAt')} error={errors.leftAt}>
            <input type="datetime-local" value={leftAt} onChange={(e) => setLeftAt(e.target.value)} />
          </Field>
        </div>
        {waited !== null && <p className={`wait ${waited < MISSED_VISIT_WAIT_MINUTES ? 'short' : ''}`}>{t('closeout.missed.waited', { minutes: waited })}</p>}
        <Field id="missed-note" label={t('closeout.missed.note')} error={errors.noteLeft}>
          <textarea rows={3} maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <h3>{t('closeout.missed.newWindow')}</h3>
        <div className="row2">
          <Field id="missed-start" label={t('board.windowStart')} error={errors.appointmentStart}>
            <input type="datetime-local" step={900} value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field id="missed-end" label={t('board.windowEnd')} error={errors.appointmentEnd}>
            <input type="datetime-local" step={900} value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
        </div>
        <FormFooter formError={formError} busy={busy} onCancel={onClose} submitLabel={t('closeout.missed.save')} />
      </form>
    </div>
  )
}
