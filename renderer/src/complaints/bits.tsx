// Small pieces the register's list and a complaint's detail both show.
import { useTranslation } from 'react-i18next'
import type { ComplaintSummary } from '../../../shared/api/followUpSchemas'
import type { ComplaintSeverity, ComplaintStatus } from '../../../shared/domain/followUp'

/** What a complaint's screens read again on a change. */
export const COMPLAINT_TABLES = ['complaints', 'complaint_events'] as const

export function ComplaintStatusChip({ status }: { status: ComplaintStatus }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip cp-status-${status}`}>{t(`enums.complaintStatus.${status}`)}</span>
}

export function SeverityChip({ severity }: { severity: ComplaintSeverity }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip cp-severity-${severity}`}>{t(`enums.complaintSeverity.${severity}`)}</span>
}

/**
 * Who must see the complaint now. A late-response complaint is at the manager's from the start (seed 003 §6),
 * which says more than "escalated"; past its deadline it is the level reached.
 */
export function EscalationBadge({ escalation: e }: { escalation: ComplaintSummary['escalation'] }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (!e.to) return null
  const to = t(`enums.escalatedTo.${e.to}`)
  const reason = e.reason ? t(`complaints.reason.${e.reason}`) : ''
  return (
    <span className={`chip cp-esc cp-esc-${e.to}`} title={e.reason === 'late_response' ? to : reason} data-testid="cp-escalation">
      {e.reason === 'late_response' ? reason : to}
    </span>
  )
}

/** "yyyy-MM" of the month `back` months before the one given. */
export function monthBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - back
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
