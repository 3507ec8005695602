import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { desk, onDeskConnection } from './api/client'
import { useShortcuts } from './shell/shortcuts'
import { StatusBar } from './shell/StatusBar'
import { SettingsPage } from './settings/SettingsPage'
import { TicketsPage } from './tickets/TicketsPage'
import { useApp, type View } from './store/app'
import { useTickets } from './store/tickets'

const VIEWS: View[] = ['tickets', 'settings']

export function App(): React.JSX.Element {
  const { t } = useTranslation()
  const { view, setView, desk: info, setDesk, toast, setNetworkOnline, setDeskConnected } = useApp()
  useShortcuts()

  useEffect(() => {
    void (async () => {
      const [deskInfo, stations] = await Promise.all([desk.call('desk.info', {}), desk.call('stations.list', {})])
      setDesk(deskInfo, stations)
      // A station's dispatcher starts on their own station's tickets; HQ sees every station.
      if (deskInfo.station.kind === 'station') useTickets.getState().resetFilters(deskInfo.station.id)
    })()
    const online = () => setNetworkOnline(navigator.onLine)
    window.addEventListener('online', online)
    window.addEventListener('offline', online)
    onDeskConnection(setDeskConnected)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', online)
    }
  }, [setDesk, setNetworkOnline, setDeskConnected])

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">{t('app.title')}</div>
        <nav className="main-nav" aria-label={t('app.title')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" className={v === view ? 'active' : ''} aria-current={v === view ? 'page' : undefined} onClick={() => setView(v)}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
        <StatusBar />
      </header>
      <main className="app-main">{!info ? <p className="loading">{t('common.loading')}</p> : view === 'tickets' ? <TicketsPage /> : <SettingsPage />}</main>
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  )
}
