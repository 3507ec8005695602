// The form of the one step a complaint waits for; the desk keeps the order and what each step needs.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintDetail } from '../../../shared/api/followUpSchemas'
import { CUSTOMER_REACTIONS, type ComplaintStep, type CustomerReaction } from '../../../shared/domain/followUp'
import { localDate } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { onField } from '../carryIn/ruleField'
import { useApp, useDeskToday } from '../store/app'
import { Field } from '../tickets/fields'

export function StepForm({ complaint: c, step }: { complaint: ComplaintDetail; step: ComplaintStep }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useDeskToday()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const showToast = useApp((s) => s.showToast)
  const { errors, formError, busy, submit } = useFormSubmit()
  const [findings, setFindings] = useState('')
  const [resolution, setResolution] = useState('')
  const [repliedOn, setRepliedOn] = useState(today)
  const [reaction, setReaction] = useState<CustomerReaction | ''>('')
  const [note, setNote] = useState('')
  const [corrective, setCorrective] = useState('')
  const [preventive, setPreventive] = useState('')

  const input = () => {
    const ref = { complaintId: c.id }
    switch (step) {
      case 'investigate':
        return { ...ref, step, findings }
      case 'handle':
        return { ...ref, step, resolution }
      case 'reply':
        // left unchosen, the desk names the field
        return { ...ref, step, repliedOn, reaction: reaction as CustomerReaction, note }
      case 'rectify':
        return { ...ref, step, corrective, preventive }
      case 'close':
        return { ...ref, step }
    }
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void submit(async () => {
      try {
        const { status } = await desk.call('complaint.step', input())
        showToast(t('complaints.step.saved', { number: c.number, status: t(`enums.complaintStatus.${status}` as never) }))
      } catch (err) {
        throw onField(err, { 'errors.complaint.replyBeforeReceived': 'repliedOn', 'errors.complaint.replyInFuture': 'repliedOn' })
      }
    })
  }

  const area = (id: string, label: string, value: string, set: (v: string) => void, hint: string, max: number) => (
    <Field id={`cp-step-${id}`} label={label} error={errors[id]}>
      <textarea rows={3} value={value} maxLength={max} placeholder={hint} onChange={(e) => set(e.target.value)} data-testid={`cp-step-${id}`} />
    </Field>
  )

  return (
    <form className="cp-step-form" onSubmit={save} noValidate data-testid="cp-step-form" data-step={step}>
      {step === 'investigate' && area('findings', t('complaints.step.findings'), findings, setFindings, t('complaints.step.findingsHint'), 2000)}
      {step === 'handle' && area('resolution', t('complaints.step.resolution'), resolution, setResolution, t('complaints.step.resolutionHint'), 2000)}
      {step === 'reply' && (
        <>
          <div className="row2">
            <Field id="cp-step-repliedOn" label={t('complaints.step.repliedOn')} error={errors.repliedOn}>
              <input type="date" value={repliedOn} min={localDate(new Date(c.receivedAt), timezone)} max={today} onChange={(e) => setRepliedOn(e.target.value)} data-testid="cp-step-repliedOn" />
            </Field>
            <Field id="cp-step-reaction" label={t('complaints.step.reaction')} error={errors.reaction}>
              <select value={reaction} onChange={(e) => setReaction(e.target.value as CustomerReaction | '')} data-testid="cp-step-reaction">
                <option value="">{t('complaints.register.choose')}</option>
                {CUSTOMER_REACTIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`enums.reaction.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="cp-step-note" label={t('complaints.step.replyNote')} error={errors.note}>
            <input value={note} maxLength={500} placeholder={t('complaints.step.replyNoteHint')} onChange={(e) => setNote(e.target.value)} data-testid="cp-step-note" />
          </Field>
          {reaction === 'dissatisfied' && <p className="sub cp-warn">{t('complaints.step.stillDissatisfied')}</p>}
        </>
      )}
      {step === 'rectify' && (
        <>
          {area('corrective', t('complaints.step.corrective'), corrective, setCorrective, t('complaints.step.correctiveHint'), 1000)}
          {area('preventive', t('complaints.step.preventive'), preventive, setPreventive, t('complaints.step.preventiveHint'), 1000)}
        </>
      )}
      {step === 'close' && (
        <div className="cp-close-check">
          <p className="cp-stage-text">
            <span className="sub">{t('complaints.step.corrective')}</span>
            {c.corrective}
          </p>
          <p className="cp-stage-text">
            <span className="sub">{t('complaints.step.preventive')}</span>
            {c.preventive}
          </p>
          <p>{t('complaints.step.closeConfirm')}</p>
        </div>
      )}
      {formError && !Object.values(errors).includes(formError) && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="cp-step-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="cp-step-save">
          {busy ? t('common.saving') : t(`complaints.step.save.${step}`)}
        </button>
      </div>
    </form>
  )
}
