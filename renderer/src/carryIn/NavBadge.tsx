// The 送修 nav item's count: calls owed to carry-in customers today or overdue (red when any is overdue).
import { useTranslation } from 'react-i18next'
import { useCarryInList } from './CarryInPage'
import { owedCalls } from './counter'

export function CarryInNavBadge(): React.JSX.Element | null {
  const { t } = useTranslation()
  const { data } = useCarryInList()
  const { owed, overdue } = owedCalls(data ?? [])
  if (owed === 0) return null
  return (
    <span className={`count-badge ${overdue > 0 ? '' : 'ci-badge-today'}`} data-testid="carry-in-nav-owed" title={t('carryIn.navOwed', { count: owed, overdue })}>
      {owed}
    </span>
  )
}
