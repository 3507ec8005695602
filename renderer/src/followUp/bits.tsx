// Small pieces the visit lists, the survey and a ticket's panel all show.
import { useTranslation } from 'react-i18next'
import type { ComplaintStatus } from '../../../shared/domain/followUp'
import { DISSATISFIED_AT_MOST } from '../../../shared/domain/followUp'
import type { VisitView } from '../../../shared/api/followUpSchemas'
import { SCORE_KEYS } from './visits'

/** When the visit falls due: a recheck's hour (within hours of the fix), any other's last day. */
export function dueText(v: VisitView, time: (instant: string) => string): string {
  return v.kind === 'recheck' ? time(v.dueAt) : v.dueOn
}

export function StandingChip({ standing }: { standing: VisitView['standing'] }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip fu-standing-${standing}`}>{t(`followUp.standing.${standing}`)}</span>
}

/** 总体 4 · 及时 5 · 态度 2 · 质量 4, a dissatisfied score in red. */
export function ScoreLine({ scores }: { scores: NonNullable<VisitView['scores']> }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <span className="fu-score-line" data-testid="fu-scores">
      {SCORE_KEYS.map((k) => (
        <span key={k} className={`fu-score-box ${scores[k] <= DISSATISFIED_AT_MOST ? 'low' : scores[k] >= 4 ? 'high' : ''}`} title={`${t(`followUp.score.${k}`)} ${scores[k]}`}>
          <span className="label">{t(`followUp.scoreShort.${k}`)}</span>
          <b>{scores[k]}</b>
        </span>
      ))}
    </span>
  )
}

export function ComplaintStatusChip({ status }: { status: ComplaintStatus }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip fu-complaint-${status}`}>{t(`enums.complaintStatus.${status}`)}</span>
}

/** What the visit is about: the ticket (number and fault), or for a key customer's call its month. */
export function VisitSubject({ visit: v, onTicket }: { visit: VisitView; onTicket?(ticketId: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  if (!v.ticketId) return <span className="sub">{t('followUp.keyAccountPeriod', { period: v.period })}</span>
  return (
    <>
      {onTicket ? (
        <button type="button" className="link mono fu-ticket-link" onClick={() => onTicket(v.ticketId!)} title={t('followUp.openTicket', { number: v.ticketNumber })}>
          {v.ticketNumber}
        </button>
      ) : (
        <span className="mono">{v.ticketNumber}</span>
      )}
      <span className="sub fu-fault" title={v.faultDescription}>
        {v.faultDescription}
      </span>
    </>
  )
}
