// One complaint as the 客户投诉处理记录表 reads: who complained about what, the deadlines, each step
// done with what was written and by whom, the form of the step it waits for, notes and the full history.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintDetail as Complaint } from '../../../shared/api/followUpSchemas'
import { COMPLAINT_STATUSES, COMPLAINT_STEPS, type ComplaintStep } from '../../../shared/domain/followUp'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { TIME_BOUND_RELOAD_MS, useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { useTickets } from '../store/tickets'
import { useStationTime } from '../tickets/format'
import { COMPLAINT_TABLES, ComplaintStatusChip, EscalationBadge, SeverityChip } from './bits'
import { StepForm } from './StepForm'

type Stage = 'registered' | ComplaintStep
const STAGES: readonly Stage[] = ['registered', ...COMPLAINT_STEPS]
const EVENT_KINDS: readonly string[] = [...STAGES, 'note']

function showTicket(ticketId: string): void {
  useTickets.getState().select(ticketId)
  useApp.getState().setView('tickets')
}

export function ComplaintDetail({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const time = useStationTime()
  const { data: c, error } = useDeskQuery('complaints.get', { id }, COMPLAINT_TABLES, TIME_BOUND_RELOAD_MS)

  if (error && !c) {
    return (
      <aside className="cp-detail" role="alert" data-testid="complaint-detail">
        <p className="form-error">{errorText(error)}</p>
      </aside>
    )
  }
  if (!c) return <aside className="cp-detail empty-detail">{t('common.loading')}</aside>

  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
  const done = COMPLAINT_STATUSES.indexOf(c.status)
  return (
    <aside className="cp-detail" aria-label={t('complaints.detail.title')} data-testid="complaint-detail">
      <header className="cp-detail-head">
        <h2 className="mono" data-testid="cp-detail-number">
          {c.number}
        </h2>
        <ComplaintStatusChip status={c.status} />
        <SeverityChip severity={c.severity} />
        <EscalationBadge escalation={c.escalation} />
      </header>
      <Deadlines complaint={c} />
      <p className="cp-description">{c.description}</p>
      <dl className="facts">
        {row(t('complaints.detail.received'), `${time(c.receivedAt)} · ${t(`enums.complaintChannel.${c.channel}`)}`)}
        {row(t('complaints.detail.category'), t(`enums.complaintCategory.${c.category}`))}
        {row(
          t('complaints.detail.complainant'),
          <>
            {c.complainantName} <span className="mono">{c.complainantPhone}</span>
          </>,
        )}
        {row(t('complaints.detail.customer'), c.unitName)}
        {row(
          t('complaints.detail.ticket'),
          c.ticketId && c.ticketNumber ? (
            <button type="button" className="link mono cp-ticket-link" onClick={() => showTicket(c.ticketId!)} data-testid="cp-detail-ticket">
              {c.ticketNumber}
            </button>
          ) : (
            <span className="placeholder">{t('common.none')}</span>
          ),
        )}
        {row(t('complaints.detail.engineer'), c.engineerName ?? <span className="placeholder">{t('common.none')}</span>)}
        {row(t('complaints.detail.createdBy'), c.createdByName)}
      </dl>
      {c.visit && (
        <div className="cp-survey" data-testid="cp-detail-survey">
          <b>{t('complaints.detail.survey', { kind: t(`enums.visitKind.${c.visit.kind}`) })}</b>
          {c.visit.scores && <span>{t('complaints.detail.scores', c.visit.scores)}</span>}
          {c.visit.comment && <span className="sub">{t('complaints.detail.surveyComment', { comment: c.visit.comment })}</span>}
        </div>
      )}
      <h3>{t('complaints.detail.steps')}</h3>
      <ol className="cp-stepper" data-testid="cp-stepper">
        {STAGES.map((stage, i) => {
          const state = i <= done ? 'done' : stage === c.nextStep ? 'current' : 'todo'
          const event = [...c.events].reverse().find((e) => e.kind === stage)
          return (
            <li key={stage} className={`cp-stage ${state}`} data-testid={`cp-stage-${stage}`} data-state={state}>
              <span className="cp-stage-mark" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <div className="cp-stage-body">
                <div className="cp-stage-title">
                  <b>{stage === 'registered' ? t('complaints.detail.registered') : t(`enums.complaintStep.${stage}`)}</b>
                  {event && state === 'done' && (
                    <span className="sub">
                      {event.actorName} · {time(event.at)}
                    </span>
                  )}
                  {state === 'current' && <span className="cp-now">{t('complaints.detail.waiting')}</span>}
                </div>
                {state === 'done' && <StageContent stage={stage} complaint={c} />}
                {state === 'current' && <StepForm key={c.status} complaint={c} step={stage as ComplaintStep} />}
              </div>
            </li>
          )
        })}
      </ol>
      <NoteBox complaintId={c.id} />
      <h3>{t('complaints.detail.history')}</h3>
      <ol className="timeline cp-history" data-testid="cp-history">
        {c.events.map((e) => (
          <li key={e.id}>
            <time>{time(e.at)}</time>
            <span className="what">
              <b>{EVENT_KINDS.includes(e.kind) ? t(`complaints.event.${e.kind as Stage | 'note'}`) : e.kind}</b> <EventText event={e} />
            </span>
            <span className="who">{e.actorName}</span>
          </li>
        ))}
      </ol>
    </aside>
  )
}

function Deadlines({ complaint: c }: { complaint: Complaint }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  if (c.closedAt) {
    return (
      <p className={`cp-deadline ${c.escalation.overdue ? 'late' : 'ok'}`} data-testid="cp-detail-deadline">
        {t(c.escalation.overdue ? 'complaints.detail.closedLate' : 'complaints.detail.closedOnTime', { at: time(c.closedAt), name: c.closedByName ?? '', due: c.dueOn })}
      </p>
    )
  }
  return (
    <p className={`cp-deadline ${c.escalation.overdue ? 'late' : ''}`} data-testid="cp-detail-deadline">
      <span>{t(c.escalation.overdue ? 'complaints.detail.overdueSince' : 'complaints.detail.dueBy', { due: c.dueOn })}</span>
      <span className="sub">{t('complaints.detail.hqBy', { at: time(c.hqAt) })}</span>
      {c.escalation.reason === 'late_response' && <span className="sub">{t('complaints.detail.lateResponseRule')}</span>}
    </p>
  )
}

/** What a step done wrote on the record. */
function StageContent({ stage, complaint: c }: { stage: Stage; complaint: Complaint }): React.JSX.Element | null {
  const { t } = useTranslation()
  const text = (label: string, value: string) => (
    <p className="cp-stage-text">
      <span className="sub">{label}</span>
      {value}
    </p>
  )
  switch (stage) {
    case 'registered':
      return null
    case 'investigate':
      return text(t('complaints.step.findings'), c.findings)
    case 'handle':
      return text(t('complaints.step.resolution'), c.resolution)
    case 'reply':
      return (
        <>
          {text(t('complaints.step.repliedOn'), `${c.repliedOn ?? ''} · ${t('complaints.step.reaction')}：${c.reaction ? t(`enums.reaction.${c.reaction}`) : ''}`)}
          {c.replyNote && text(t('complaints.step.replyNote'), c.replyNote)}
        </>
      )
    case 'rectify':
      return (
        <>
          {text(t('complaints.step.corrective'), c.corrective)}
          {text(t('complaints.step.preventive'), c.preventive)}
        </>
      )
    case 'close':
      return null
  }
}

function EventText({ event: e }: { event: Complaint['events'][number] }): React.JSX.Element | null {
  const { t } = useTranslation()
  const d = e.data
  const say = (v: unknown) => (typeof v === 'string' ? v : '')
  switch (e.kind) {
    case 'registered':
      return <span>{[`enums.complaintChannel.${say(d.channel)}`, `enums.complaintCategory.${say(d.category)}`, `enums.complaintSeverity.${say(d.severity)}`].map((k) => t(k as never)).join(' · ')}</span>
    case 'note':
      return <span className="cp-event-text">{say(d.text)}</span>
    case 'investigate':
      return <span className="cp-event-text">{say(d.findings)}</span>
    case 'handle':
      return <span className="cp-event-text">{say(d.resolution)}</span>
    case 'reply':
      return (
        <span className="cp-event-text">
          {say(d.repliedOn)} · {d.reaction ? t(`enums.reaction.${say(d.reaction)}` as never) : ''}
          {say(d.note) && `：${say(d.note)}`}
        </span>
      )
    case 'rectify':
      return (
        <span className="cp-event-text">
          {t('complaints.step.corrective')}：{say(d.corrective)}
          <br />
          {t('complaints.step.preventive')}：{say(d.preventive)}
        </span>
      )
    default:
      return null
  }
}

/** A note on the file at any step: a call made, a finding, a document described. */
function NoteBox({ complaintId }: { complaintId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const { errors, formError, busy, submit } = useFormSubmit()
  const [text, setText] = useState('')
  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void submit(async () => {
      await desk.call('complaint.note', { complaintId, text })
      setText('')
    })
  }
  return (
    <form className="cp-note" onSubmit={save} noValidate>
      <label htmlFor="cp-note-text">{t('complaints.detail.note')}</label>
      <textarea id="cp-note-text" rows={2} value={text} maxLength={2000} placeholder={t('complaints.detail.noteHint')} onChange={(e) => setText(e.target.value)} aria-invalid={errors.text ? true : undefined} data-testid="cp-note-text" />
      {(errors.text ?? formError) && <span className="field-error">{errors.text ?? formError}</span>}
      <button type="submit" disabled={busy || !text.trim()} data-testid="cp-note-save">
        {busy ? t('common.saving') : t('complaints.detail.addNote')}
      </button>
    </form>
  )
}
