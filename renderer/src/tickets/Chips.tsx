import { useTranslation } from 'react-i18next'
import type { FaultLevel, TicketStatus } from '../../../shared/domain/enums'

export function StatusChip({ status }: { status: TicketStatus }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip status-${status}`}>{t(`enums.status.${status}`)}</span>
}

export function LevelChip({ level }: { level: FaultLevel }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip level-${level}`}>{t(`enums.faultLevel.${level}`)}</span>
}
