import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetail } from '../../../shared/api/schemas'
import { DIRECT_RESOLVE_METHODS, FAULT_LEVELS, OPEN_TICKET_STATUSES, type DirectResolveMethod } from '../../../shared/domain/enums'
import { PAUSE_REASONS, type PauseReason } from '../../../shared/domain/sla'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useApp } from '../store/app'
import { SelectField } from '../tickets/fields'
import { useStationTime } from '../tickets/format'
import { ClockTable } from './ClockTable'
import { EscalationDialog } from './EscalationDialog'
import { useDuration } from './format'

/** 服务时限 on a ticket: the clocks, pause and resume, first response, a new fault level, resolution, escalation. */
export function SlaPanel({ ticket }: { ticket: TicketDetail }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const time = useStationTime()
  const duration = useDuration()
  const showToast = useApp((s) => s.showToast)
  const [reason, setReason] = useState<PauseReason>('customer')
  const [method, setMethod] = useState<DirectResolveMethod>(ticket.serviceMode === 'onsite' ? 'onsite' : 'phone')
  const [error, setError] = useState<string | null>(null)
  const [escalating, setEscalating] = useState(false)
  const open = OPEN_TICKET_STATUSES.includes(ticket.status)
  const paused = ticket.pauses.some((p) => p.toAt === null)
  const responded = ticket.clocks.find((c) => c.clock === 'respond')?.state === 'met'
  const proposal = ticket.escalation.proposal

  async function act(run: () => Promise<unknown>) {
    setError(null)
    try {
      await run()
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <section className="sla-panel" aria-label={t('sla.title')}>
      <h3>
        {t('sla.title')}{' '}
        <span className="sub">
          {t('sla.level')} {t(`enums.serviceLevel.${ticket.serviceLevel}`)} · {t(`enums.zone.${ticket.zone}`)} · {ticket.rulesVersion !== null && t('sla.rulesVersion', { version: ticket.rulesVersion })}
        </span>
      </h3>
      <ClockTable clocks={ticket.clocks} />
      {ticket.recheckDue && <p className="recheck">{t('sla.recheckDue', { at: time(ticket.recheckDue) })}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <div className="sla-actions">
          {paused ? (
            <button type="button" onClick={() => act(() => desk.call('ticket.resume', { ticketId: ticket.id }))}>
              {t('sla.resume')}
            </button>
          ) : (
            <span className="inline-group">
              <SelectField<PauseReason> inline id="pause-reason" label={t('sla.pauseReason')} value={reason} options={PAUSE_REASONS} labelOf={(r) => t(`enums.pauseReason.${r}`)} onChange={setReason} />
              <button type="button" onClick={() => act(() => desk.call('ticket.pause', { ticketId: ticket.id, reason }))}>
                {t('sla.pause')}
              </button>
            </span>
          )}
          {!responded && (
            <button type="button" onClick={() => act(() => desk.call('ticket.respond', { ticketId: ticket.id }))}>
              {t('sla.respond')}
            </button>
          )}
          <SelectField
            inline
            id="detail-level"
            label={t('sla.faultLevel')}
            value={ticket.faultLevel}
            options={FAULT_LEVELS}
            labelOf={(l) => t(`enums.faultLevel.${l}`)}
            onChange={(faultLevel) => act(() => desk.call('ticket.setFaultLevel', { ticketId: ticket.id, faultLevel }))}
          />
          <span className="inline-group">
            <SelectField<DirectResolveMethod> inline id="resolve-method" label={t('sla.resolve')} value={method} options={DIRECT_RESOLVE_METHODS} labelOf={(m) => t(`enums.resolveMethod.${m}`)} onChange={setMethod} />
            <button type="button" onClick={() => act(() => desk.call('ticket.resolve', { ticketId: ticket.id, method }))}>
              {t('sla.resolveButton')}
            </button>
          </span>
        </div>
      )}
      <div className="escalation">
        <b>{t('escalation.title')}：</b>
        {t('escalation.step', { step: ticket.escalation.step, name: t(`enums.escalationStep.${ticket.escalation.step}` as never) })}
        {open && proposal && (
          <div className="proposal" role="alert">
            {t('escalation.proposal', {
              step: ticket.escalation.step,
              limit: duration(proposal.limitMinutes),
              to: proposal.toStep,
              name: t(`enums.escalationStep.${proposal.toStep}` as never),
              role: t(`enums.supervisorRole.${proposal.supervisorRole}`),
            })}{' '}
            <button type="button" className="primary" onClick={() => setEscalating(true)}>
              {t('escalation.confirm')}
            </button>
          </div>
        )}
      </div>
      {escalating && proposal && (
        <EscalationDialog
          ticket={ticket}
          proposal={proposal}
          onClose={() => setEscalating(false)}
          onDone={(step) => {
            setEscalating(false)
            showToast(t('escalation.done', { step }))
          }}
        />
      )}
    </section>
  )
}
