// The 回访 nav item's count: the station's return visits already late (red); nothing while none is.
import { useTranslation } from 'react-i18next'
import { useVisitList } from './visits'

const TABLES = ['return_visits']

export function FollowUpNavBadge(): React.JSX.Element | null {
  const { t } = useTranslation()
  const { data } = useVisitList({ scope: 'station', state: 'open' }, TABLES)
  if (!data || data.counts.late === 0) return null
  return (
    <span className="count-badge" data-testid="fu-nav-late" title={t('followUp.tabCounts', data.counts)}>
      {data.counts.late}
    </span>
  )
}
