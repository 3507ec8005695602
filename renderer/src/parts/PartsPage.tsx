// 备件: the station's spare parts. Tabs for stock, the ledger, engineers' holdings, return slips and
// boxes, the monthly reconciliation and the catalogue; the counter's movements from the toolbar.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { defaultMonth } from './format'
import { LedgerTab } from './LedgerTab'
import { MovementDialog, type MovementMode } from './MovementDialog'
import { ReconciliationTab } from './ReconciliationTab'
import { RequestsTab } from './RequestsTab'
import { ReturnsTab } from './ReturnsTab'
import { CatalogueTab, HoldingsTab, StockTab } from './StockTabs'
import './parts.css'

const TABS = ['stock', 'ledger', 'holdings', 'requests', 'returns', 'reconciliation', 'catalogue'] as const
type Tab = (typeof TABS)[number]
const MODES: readonly MovementMode[] = ['receive', 'issue', 'returnGood', 'swap', 'lendLoaner', 'takeBackLoaner', 'adjust']

export function PartsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const showToast = useApp((s) => s.showToast)
  const timezone = useApp((s) => s.desk?.station.timezone)
  const deskNow = useApp((s) => s.desk?.now)
  const [tab, setTab] = useState<Tab>('stock')
  const [search, setSearch] = useState('')
  const [mode, setMode] = useState<MovementMode | null>(null)
  const [month, setMonth] = useState(() => defaultMonth(deskNow ? new Date(deskNow) : new Date(), timezone))
  const { data: parts } = useDeskQuery('parts.catalogue', {}, ['parts'])
  const { data: people } = useDeskQuery('parts.people', {}, ['users'])
  const engineers = (people ?? []).filter((p) => p.role === 'engineer')

  return (
    <div className="parts-page">
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label={t('nav.parts')}>
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
              {t(`parts.tab.${k}`)}
            </button>
          ))}
        </div>
        {['stock', 'holdings', 'catalogue'].includes(tab) && <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('parts.search')} aria-label={t('parts.search')} />}
        <span className="spacer" />
        {MODES.map((m) => (
          <button key={m} type="button" onClick={() => setMode(m)} disabled={!parts || !people} data-testid={`open-${m}`}>
            {t(`parts.mode.${m}`)}
          </button>
        ))}
      </div>
      <div className="parts-body">
        {tab === 'stock' && <StockTab search={search} />}
        {tab === 'ledger' && <LedgerTab parts={parts ?? []} engineers={engineers} />}
        {tab === 'holdings' && <HoldingsTab search={search} />}
        {tab === 'requests' && <RequestsTab parts={parts ?? []} onDone={showToast} />}
        {tab === 'returns' && <ReturnsTab onDone={showToast} />}
        {tab === 'reconciliation' && <ReconciliationTab month={month} setMonth={setMonth} people={people ?? []} onDone={showToast} />}
        {tab === 'catalogue' && <CatalogueTab search={search} onDone={showToast} />}
      </div>
      {mode && parts && people && (
        <MovementDialog
          mode={mode}
          parts={parts}
          people={people}
          onClose={() => setMode(null)}
          onDone={(message) => {
            setMode(null)
            showToast(message)
          }}
        />
      )}
    </div>
  )
}
