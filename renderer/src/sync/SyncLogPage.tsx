import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { RejectionEntry } from './RejectionEntry'

/** 同步记录: the changes the server rejected, each waiting for the dispatcher to send it again or drop it. */
export function SyncLogPage(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { data: rejections, error, reload } = useDeskQuery('sync.rejections', {})

  // A sync brings new rejections (sync.status) and new versions of their records (data.changed).
  useEffect(() => {
    const offs = [desk.on('sync.status', () => void reload()), desk.on('data.changed', () => void reload())]
    return () => offs.forEach((off) => off())
  }, [reload])

  return (
    <div className="sync-log-page">
      <h1>{t('sync.log.title')}</h1>
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {!rejections ? (
        !error && <p>{t('common.loading')}</p>
      ) : rejections.length === 0 ? (
        <div className="sync-log-empty" data-testid="sync-log-empty">
          <p className="headline">{t('sync.log.empty')}</p>
          <p className="sub">{t('sync.log.emptyHint')}</p>
        </div>
      ) : (
        <>
          <p className="sub">{t('sync.log.count', { count: rejections.length })}</p>
          <ul className="rejections">
            {rejections.map((r) => (
              <RejectionEntry key={r.mutationId} rejection={r} onDecided={() => void reload()} />
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
