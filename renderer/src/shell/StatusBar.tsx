import { useTranslation } from 'react-i18next'
import { useApp } from '../store/app'
import { SyncIndicator } from '../sync/SyncIndicator'

/** Who and where this desk is, and whether it is connected. */
export function StatusBar(): React.JSX.Element {
  const { t } = useTranslation()
  const { desk, networkOnline, deskConnected } = useApp()
  return (
    <div className="status-bar" aria-live="polite">
      {desk && (
        <>
          <span title={t('app.station')}>
            <span className="label">{t('app.station')}</span> {desk.station.name}
          </span>
          <span>
            <span className="label">{t('app.desk')}</span> {desk.station.code}
            {desk.deskCode}
          </span>
          <span>
            <span className="label">{t('app.user')}</span> {desk.user.name}
          </span>
        </>
      )}
      <span className={`net ${networkOnline ? 'online' : 'offline'}`} data-testid="network-status">
        {networkOnline ? t('app.netOnline') : t('app.netOffline')}
      </span>
      <SyncIndicator />
      {!deskConnected && (
        <span className="desk-lost" role="alert">
          {t('app.deskLost')}
        </span>
      )}
    </div>
  )
}
