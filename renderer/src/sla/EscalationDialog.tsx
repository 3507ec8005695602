import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetail } from '../../../shared/api/schemas'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { Field } from '../tickets/fields'
import { useDuration } from './format'

type Proposal = NonNullable<TicketDetail['escalation']['proposal']>

/** Confirming a proposed escalation: who the fault report goes to, and what it says. */
export function EscalationDialog(props: { ticket: TicketDetail; proposal: Proposal; onClose(): void; onDone(step: number): void }): React.JSX.Element {
  const { ticket, proposal } = props
  const { t } = useTranslation()
  const duration = useDuration()
  const titleId = useId()
  const candidates = [...ticket.escalation.supervisors].sort((a, b) => Number(b.role === proposal.supervisorRole) - Number(a.role === proposal.supervisorRole))
  const [supervisorId, setSupervisorId] = useState(candidates[0]?.id ?? '')
  const [report, setReport] = useState(
    t('escalation.defaultReport', {
      number: ticket.number,
      level: t(`enums.faultLevel.${ticket.faultLevel}`),
      fault: ticket.faultDescription,
      used: duration(proposal.usedMinutes),
      step: ticket.escalation.step,
    }),
  )
  const { errors, formError, submit } = useFormSubmit()

  function confirm(e: React.FormEvent) {
    e.preventDefault()
    void submit(async () => {
      await desk.call('ticket.escalate', { ticketId: ticket.id, toStep: proposal.toStep as 2 | 3, supervisorId, report })
      props.onDone(proposal.toStep)
    })
  }

  return (
    <div className="modal-backdrop">
      <form className="modal small" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={confirm} noValidate>
        <h2 id={titleId}>{t('escalation.dialogTitle', { to: proposal.toStep, name: t(`enums.escalationStep.${proposal.toStep}` as never) })}</h2>
        <Field id="esc-supervisor" label={t('escalation.supervisor')} error={errors.supervisorId}>
          <select value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{t(`enums.supervisorRole.${c.role}`)} · {c.stationName}）
              </option>
            ))}
          </select>
        </Field>
        <Field id="esc-report" label={t('escalation.report')} error={errors.report}>
          <textarea rows={5} value={report} onChange={(e) => setReport(e.target.value)} />
        </Field>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <footer>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('escalation.confirm')}
          </button>
        </footer>
      </form>
    </div>
  )
}
