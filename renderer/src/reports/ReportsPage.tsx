// 报表: the Monday/Thursday 客服工作报表 the station sends the branch, and the KPI dashboard over any range.
// Loaded on its own (App.tsx) so the charts library stays out of the main bundle.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DashboardTab } from './DashboardTab'
import { StationReportTab } from './StationReportTab'
import './reports.css'

const TABS = ['station', 'dashboard'] as const
type Tab = (typeof TABS)[number]

export function ReportsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('station')
  return (
    <div className="reports-page" data-testid="rp-page">
      <div className="toolbar rp-tabs" role="tablist" aria-label={t('nav.reports')}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`rp-tab-${k}`}>
            {t(`reports.tab.${k}`)}
          </button>
        ))}
      </div>
      <div className="reports-body" role="tabpanel">
        {tab === 'station' ? <StationReportTab /> : <DashboardTab />}
      </div>
    </div>
  )
}
