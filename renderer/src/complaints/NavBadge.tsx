// The 投诉 nav item's count: open complaints past their deadline or sent to the supervisors (red); nothing while none is.
import { useTranslation } from 'react-i18next'
import { TIME_BOUND_RELOAD_MS, useDeskQuery } from '../api/useDeskQuery'

const TABLES = ['complaints']

export function ComplaintsNavBadge(): React.JSX.Element | null {
  const { t } = useTranslation()
  const { data } = useDeskQuery('complaints.list', { status: 'escalated', limit: 1 }, TABLES, TIME_BOUND_RELOAD_MS)
  if (!data || data.total === 0) return null
  return (
    <span className="count-badge" data-testid="cp-nav-escalated" title={t('complaints.navEscalated', { count: data.total })}>
      {data.total}
    </span>
  )
}
