import { useTranslation } from 'react-i18next'
import { useStationTime } from '../tickets/format'
import { useApp } from '../store/app'
import { useSync } from '../store/sync'
import { useMessageText } from './messageText'

/** The status bar's view of the sync: state, pending changes, last sync, rejected changes; opens 同步记录. */
export function SyncIndicator(): React.JSX.Element | null {
  const { t } = useTranslation()
  const time = useStationTime()
  const messageText = useMessageText()
  const status = useSync((s) => s.status)
  const setView = useApp((s) => s.setView)
  if (!status) return null

  const { state, pending, lastSyncAt, problem, rejections } = status
  const last = lastSyncAt ? t('sync.indicator.lastSync', { at: time(lastSyncAt) }) : t('sync.indicator.neverSynced')
  const summary = [
    t('sync.indicator.summary', { state: t(`syncState.${state}`) }),
    pending > 0 && t('sync.indicator.pending', { count: pending }),
    state !== 'off' && last,
    rejections > 0 && t('sync.indicator.rejected', { count: rejections }),
  ].filter(Boolean)
  const tooltip = [
    state === 'off' ? t('app.syncNotConfigured') : last,
    problem && messageText(problem),
    rejections > 0 && t('sync.indicator.rejected', { count: rejections }),
    t('sync.indicator.open'),
  ].filter(Boolean)

  return (
    // aria-live off: 在线 ⇄ 同步中 changes with every push and must not be read out each time
    <button
      type="button"
      className="sync-indicator"
      data-testid="sync-indicator"
      data-state={state}
      aria-live="off"
      aria-label={summary.join('，')}
      title={tooltip.join('\n')}
      onClick={() => setView('sync')}
    >
      <span className="dot" aria-hidden="true" />
      <span className="state">{t(`syncState.${state}`)}</span>
      {pending > 0 && <span className="pending">{t('sync.indicator.pending', { count: pending })}</span>}
      {lastSyncAt && <time dateTime={lastSyncAt}>{time(lastSyncAt).slice(11)}</time>}
      {rejections > 0 && (
        <span className="count-badge" data-testid="sync-indicator-rejections">
          {rejections}
        </span>
      )}
    </button>
  )
}
