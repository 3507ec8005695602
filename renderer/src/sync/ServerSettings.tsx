import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../shared/api/syncSchemas'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useApp } from '../store/app'
import { useSync } from '../store/sync'
import { useStationTime } from '../tickets/format'
import { useMessageText } from './messageText'
import { ServerLoginForm } from './ServerLoginForm'

/** 设置 → 服务器: which sync server this desk uses, as whom, and how the sync stands. */
export function ServerSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const messageText = useMessageText()
  const time = useStationTime()
  const showToast = useApp((s) => s.showToast)
  const { status, lastLogin, setStatus } = useSync()
  const [switching, setSwitching] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const linked = status !== null && status.state !== 'off'
  // signed out: the server is still set, the token is not; the dispatcher logs in again right here
  const showForm = !linked || status.state === 'signedOut' || switching

  async function run(call: () => Promise<SyncStatus>, done: (s: SyncStatus) => string | null) {
    setBusy(true)
    setError(null)
    try {
      const s = await call()
      setStatus(s)
      const message = done(s)
      if (message) showToast(message)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="server-settings" aria-labelledby="server-settings-title">
      <h2 id="server-settings-title">{t('sync.server.title')}</h2>
      <p className="sub">{t('sync.server.hint')}</p>
      {linked && (
        <>
          <dl className="facts" data-testid="server-status">
            <dt>{t('sync.server.state')}</dt>
            <dd>
              <span className="sync-state-chip" data-state={status.state}>
                {t(`syncState.${status.state}`)}
              </span>
              {status.problem && <span className="sub problem">{messageText(status.problem)}</span>}
            </dd>
            <dt>{t('sync.server.account')}</dt>
            <dd>{status.username}</dd>
            <dt>{t('sync.server.server')}</dt>
            <dd className="mono">{status.serverUrl}</dd>
            <dt>{t('sync.server.lastSync')}</dt>
            <dd>{status.lastSyncAt ? time(status.lastSyncAt) : t('sync.indicator.neverSynced')}</dd>
            <dt>{t('sync.server.pending')}</dt>
            <dd>{status.pending}</dd>
          </dl>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => run(() => desk.call('sync.now', {}), (s) => (s.state === 'online' ? t('sync.server.synced') : null))}>
              {t('sync.server.syncNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => run(() => desk.call('sync.disconnect', {}), () => t('sync.server.disconnected'))}>
              {t('sync.server.disconnect')}
            </button>
            {!showForm && (
              <button type="button" className="link" onClick={() => setSwitching(true)}>
                {t('sync.server.switchAccount')}
              </button>
            )}
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
      {showForm && (
        <ServerLoginForm
          key={status ? 'status' : 'loading'}
          serverUrl={lastLogin.serverUrl}
          username={switching ? '' : lastLogin.username}
          onConnected={(s) => {
            setStatus(s)
            setSwitching(false)
            showToast(t('sync.server.loggedIn', { server: s.serverUrl }))
          }}
        />
      )}
    </section>
  )
}
