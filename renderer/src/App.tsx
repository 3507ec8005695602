import { Suspense, lazy, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { onDeskConnection } from './api/client'
import { useErrorText } from './api/errorText'
import { useShortcuts } from './shell/shortcuts'
import { StatusBar } from './shell/StatusBar'
import { SettingsPage } from './settings/SettingsPage'
import { SyncLogPage } from './sync/SyncLogPage'
import { useSyncFeed } from './sync/useSyncFeed'
import { TicketsPage } from './tickets/TicketsPage'
import { PartsPage } from './parts/PartsPage'
import { CarryInPage } from './carryIn/CarryInPage'
import { IntakeHost } from './carryIn/IntakeHost'
import { CloseOutHost } from './closeout/CloseOutHost'
import { CarryInNavBadge } from './carryIn/NavBadge'
import { FollowUpPage } from './followUp/FollowUpPage'
import { FollowUpNavBadge } from './followUp/NavBadge'
import { ComplaintsPage } from './complaints/ComplaintsPage'
import { ComplaintsNavBadge } from './complaints/NavBadge'
import { usePrint } from './slips/print'
import { BoardPage } from './board/BoardPage'
import { callEarly } from './board/prefetch'
import { useApp, type View } from './store/app'
import { useSync } from './store/sync'
import { useTickets } from './store/tickets'

const VIEWS: View[] = ['board', 'tickets', 'carryIn', 'followUp', 'complaints', 'reports', 'parts', 'sync', 'settings']
// printing is rare and its barcode library large: loaded on the first print
// the charts library is large and only the reports use it
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })))
const PrintPreview = lazy(() => import('./slips/PrintPreview').then((m) => ({ default: m.PrintPreview })))

export function App(): React.JSX.Element {
  const { t } = useTranslation()
  const { view, setView, desk: info, setDesk, toast, setNetworkOnline, setDeskConnected } = useApp()
  const errorText = useErrorText()
  const [startError, setStartError] = useState<string | null>(null)
  const rejections = useSync((s) => s.status?.rejections ?? 0)
  const printing = usePrint((s) => s.job !== null)
  useShortcuts()
  useSyncFeed()

  const start = useCallback(async () => {
    try {
      const [deskInfo, stations] = await Promise.all([callEarly('desk.info'), callEarly('stations.list')])
      setDesk(deskInfo, stations)
      setStartError(null)
      // A station's dispatcher starts on their own station's tickets; HQ sees every station.
      if (deskInfo.station.kind === 'station') useTickets.getState().resetFilters(deskInfo.station.id)
    } catch (e) {
      setStartError(errorText(e))
    }
  }, [setDesk, errorText])

  useEffect(() => {
    void start()
  }, [start])

  useEffect(() => {
    const online = () => setNetworkOnline(navigator.onLine)
    window.addEventListener('online', online)
    window.addEventListener('offline', online)
    onDeskConnection(setDeskConnected)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', online)
    }
  }, [setNetworkOnline, setDeskConnected])

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">{t('app.title')}</div>
        <nav className="main-nav" aria-label={t('app.title')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" className={v === view ? 'active' : ''} aria-current={v === view ? 'page' : undefined} onClick={() => setView(v)}>
              {t(`nav.${v}`)}
              {v === 'carryIn' && info && <CarryInNavBadge />}
              {v === 'followUp' && info && <FollowUpNavBadge />}
              {v === 'complaints' && info && <ComplaintsNavBadge />}
              {v === 'sync' && rejections > 0 && (
                <span className="count-badge" data-testid="sync-nav-rejections">
                  {rejections}
                </span>
              )}
            </button>
          ))}
        </nav>
        <StatusBar />
      </header>
      <main className="app-main">
        {startError ? (
          <div className="start-error" role="alert">
            <p>{startError}</p>
            <button type="button" onClick={() => void start()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !info ? (
          <p className="loading">{t('common.loading')}</p>
        ) : view === 'board' ? (
          <BoardPage />
        ) : view === 'tickets' ? (
          <TicketsPage />
        ) : view === 'carryIn' ? (
          <CarryInPage />
        ) : view === 'followUp' ? (
          <FollowUpPage />
        ) : view === 'complaints' ? (
          <ComplaintsPage />
        ) : view === 'reports' ? (
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <ReportsPage />
          </Suspense>
        ) : view === 'parts' ? (
          <PartsPage />
        ) : view === 'sync' ? (
          <SyncLogPage />
        ) : (
          <SettingsPage />
        )}
      </main>
      {info && <IntakeHost />}
      {info && <CloseOutHost />}
      {printing && (
        <Suspense fallback={null}>
          <PrintPreview />
        </Suspense>
      )}
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  )
}
