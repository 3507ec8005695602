// 客户满意度调查 (seed 000): the visitor calls the customer; reached, the four scores (1–5, by keys 1–5),
// the customer's own words and a note; not reached, a note only (the visit stays due, the call counted).
// A score of 2 or lower opens a complaint: the dialog then says its number and opens it.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VisitView } from '../../../shared/api/followUpSchemas'
import { isDissatisfied } from '../../../shared/domain/followUp'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { Field, FormFooter } from '../tickets/fields'
import { useStationTime } from '../tickets/format'
import { StandingChip, dueText } from './bits'
import { SCORE_KEYS, useEscape, type ScoreKey } from './visits'

const SCALE = [1, 2, 3, 4, 5] as const
type Scores = Record<ScoreKey, number | null>
const UNSCORED: Scores = { overall: null, timeliness: null, attitude: null, quality: null }

export function SurveyDialog({ visit: v, onClose, onDone }: { visit: VisitView; onClose(): void; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  const { showToast, openComplaint } = useApp()
  const { errors, setErrors, formError, busy, submit } = useFormSubmit()
  const [outcome, setOutcome] = useState<'reached' | 'unreachable'>('reached')
  const [scores, setScores] = useState<Scores>(UNSCORED)
  const [comment, setComment] = useState('')
  // the last unanswered call's note, to go on from
  const [note, setNote] = useState(v.note)
  const [opened, setOpened] = useState<{ id: string; number: string } | null>(null)
  const form = useRef<HTMLFormElement>(null)
  useEscape(onClose)
  // a question not yet answered counts as satisfied: the warning follows what has been picked
  const warn = outcome === 'reached' && isDissatisfied({ overall: scores.overall ?? 5, timeliness: scores.timeliness ?? 5, attitude: scores.attitude ?? 5, quality: scores.quality ?? 5 })

  const pick = (k: ScoreKey, n: number) => {
    setScores((s) => ({ ...s, [k]: n }))
    setErrors(({ [`survey.${k}`]: _, ...rest }) => rest)
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    if (outcome === 'reached') {
      const missing = SCORE_KEYS.filter((k) => scores[k] === null)
      if (missing.length > 0) {
        setErrors(Object.fromEntries(missing.map((k) => [`survey.${k}`, t('followUp.survey.pick')])))
        form.current?.querySelector<HTMLInputElement>(`[data-score-group="${missing[0]}"] input`)?.focus()
        return
      }
    }
    void submit(async () => {
      const input =
        outcome === 'reached'
          ? {
              visitId: v.id,
              outcome,
              survey: { overall: scores.overall!, timeliness: scores.timeliness!, attitude: scores.attitude!, quality: scores.quality!, comment },
              note,
            }
          : { visitId: v.id, outcome, note }
      const r = await desk.call('visit.record', input)
      if (r.complaintId && r.complaintNumber) {
        setOpened({ id: r.complaintId, number: r.complaintNumber })
        showToast(t('followUp.survey.complaintOpened', { number: r.complaintNumber }))
      } else {
        onDone(outcome === 'reached' ? t('followUp.survey.saved', { customer: v.unitName }) : t('followUp.survey.savedUnreachable', { customer: v.unitName, count: v.attempts + 1 }))
      }
    })
  }

  return (
    <div className="modal-backdrop">
      <form ref={form} className="modal small fu-survey" role="dialog" aria-modal="true" aria-labelledby="fu-survey-title" onSubmit={save} noValidate data-testid="fu-survey">
        <h2 id="fu-survey-title">
          {t('followUp.survey.title')}
          <span className="sub">{t(`enums.visitKind.${v.kind}`)}</span>
        </h2>
        <div className="fu-call">
          <div>
            <b>{t('followUp.survey.call', { name: v.contactName || v.unitName })}</b>
            <span className="mono fu-phone">{v.phone}</span>
            <span className="sub">{v.unitName}</span>
          </div>
          <div className="fu-call-job">
            <span>
              <StandingChip standing={v.standing} /> {dueText(v, time)}
            </span>
            {v.ticketNumber && <span className="mono">{v.ticketNumber}</span>}
            {v.faultDescription && <span className="sub">{v.faultDescription}</span>}
            <span className="sub">{[v.engineerName, v.resolvedAt && t('followUp.survey.resolved', { at: time(v.resolvedAt) })].filter(Boolean).join(' · ')}</span>
          </div>
        </div>
        {opened ? (
          <div className="fu-opened" role="status" data-testid="fu-complaint-opened">
            <p>{t('followUp.survey.complaintOpened', { number: opened.number })}</p>
            <footer>
              <button type="button" onClick={onClose}>
                {t('common.close')} <kbd>Esc</kbd>
              </button>
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={() => {
                  onClose()
                  openComplaint(opened.id)
                }}
                data-testid="fu-open-complaint"
              >
                {t('followUp.survey.openComplaint', { number: opened.number })}
              </button>
            </footer>
          </div>
        ) : (
          <>
            <div className="fu-segmented" role="radiogroup" aria-label={t('followUp.survey.outcome')}>
              {(['reached', 'unreachable'] as const).map((o) => (
                <label key={o} className={outcome === o ? 'on' : ''}>
                  <input type="radio" name="fu-outcome" checked={outcome === o} onChange={() => setOutcome(o)} data-testid={`fu-outcome-${o}`} />
                  {t(`followUp.survey.${o}`)}
                </label>
              ))}
              {v.attempts > 0 && (
                <span className="sub">
                  {t('followUp.col.attempts')} {t('followUp.attempts', { count: v.attempts })} · {t('followUp.lastAttempt', { at: time(v.lastAttemptAt) })}
                </span>
              )}
            </div>
            {outcome === 'reached' ? (
              <>
                <p className="sub fu-keys-hint">{t('followUp.survey.keysHint')}</p>
                {SCORE_KEYS.map((k, i) => (
                  <ScoreGroup key={k} name={k} value={scores[k]} onPick={(n) => pick(k, n)} error={errors[`survey.${k}`]} autoFocus={i === 0} />
                ))}
                {warn && (
                  <p className="fu-will-complain" role="alert" data-testid="fu-will-complain">
                    {t('followUp.survey.willComplain')}
                  </p>
                )}
                <Field id="fu-survey-comment" label={t('followUp.survey.comment')} error={errors['survey.comment']}>
                  <textarea rows={2} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} data-testid="fu-comment" />
                </Field>
              </>
            ) : (
              <p className="sub">{t('followUp.survey.unreachableHint', { count: v.attempts + 1 })}</p>
            )}
            <Field id="fu-survey-note" label={t('followUp.survey.note')} error={errors.note}>
              <textarea rows={2} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="fu-note" />
            </Field>
            <FormFooter
              formError={formError}
              fieldErrors={errors}
              busy={busy}
              onCancel={onClose}
              submitLabel={outcome === 'reached' ? t('followUp.survey.save') : t('followUp.survey.saveUnreachable')}
              testId="fu-survey-save"
            />
          </>
        )}
      </form>
    </div>
  )
}

/** One question, 1 to 5: arrow keys move as in any radio group; a digit picks and goes on to the next question. */
function ScoreGroup({ name, value, onPick, error, autoFocus }: { name: ScoreKey; value: number | null; onPick(n: number): void; error?: string; autoFocus: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const onKeyDown = (e: React.KeyboardEvent<HTMLFieldSetElement>) => {
    const n = Number(e.key)
    if (!SCALE.includes(n as (typeof SCALE)[number])) return
    e.preventDefault()
    onPick(n)
    const form = e.currentTarget.form
    const groups = [...(form?.querySelectorAll<HTMLElement>('[data-score-group]') ?? [])]
    const next = groups[groups.indexOf(e.currentTarget) + 1]
    const target = next ? (next.querySelector<HTMLInputElement>('input:checked') ?? next.querySelector<HTMLInputElement>('input')) : form?.querySelector<HTMLTextAreaElement>('#fu-survey-comment')
    target?.focus()
  }
  return (
    <fieldset className={`fu-score ${error ? 'invalid' : ''}`} data-score-group={name} onKeyDown={onKeyDown} data-testid={`fu-score-${name}`}>
      <legend>{t(`followUp.score.${name}`)}</legend>
      <div role="radiogroup" aria-label={t(`followUp.score.${name}`)} aria-invalid={error ? true : undefined}>
        {SCALE.map((n, i) => (
          <label key={n} className={`fu-score-${n}`} title={t(`followUp.scale.${n}`)}>
            <input type="radio" name={`fu-score-${name}`} value={n} checked={value === n} onChange={() => onPick(n)} autoFocus={autoFocus && i === 0} aria-label={`${n} ${t(`followUp.scale.${n}`)}`} />
            <span>
              <b>{n}</b> {t(`followUp.scale.${n}`)}
            </span>
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  )
}
