import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecordNow, SyncRejectionView } from '../../../shared/api/syncSchemas'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useApp } from '../store/app'
import { StatusChip } from '../tickets/Chips'
import { useStationTime } from '../tickets/format'
import { useMessageText, useMutationLabel } from './messageText'

/** One rejected change: what was tried, why the server said no, the record as it is now, and the decision. */
export function RejectionEntry({ rejection: r, onDecided }: { rejection: SyncRejectionView; onDecided(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const messageText = useMessageText()
  const mutationLabel = useMutationLabel()
  const time = useStationTime()
  const showToast = useApp((s) => s.showToast)
  const headingId = useId()
  const whyNotId = useId()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const what = mutationLabel(r.name)
  const whyNot = r.canReapply ? null : t('errors.syncClient.cannotReapply')

  async function decide(method: 'sync.reapply' | 'sync.discard', done: string) {
    setBusy(true)
    setError(null)
    try {
      await desk.call(method, { mutationId: r.mutationId })
      showToast(done)
      onDecided()
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }

  return (
    <li className="rejection" data-testid="sync-rejection" data-mutation-id={r.mutationId} data-mutation={r.name} aria-labelledby={headingId}>
      <header>
        <h2 id={headingId}>
          {what}
          {r.record && ' '}
          {r.record && <span className={r.record.kind === 'ticket' ? 'mono' : ''}>{r.record.kind === 'ticket' ? r.record.number : r.record.unitName}</span>}
        </h2>
        <span className="sub">
          {t('sync.log.madeAt', { at: time(r.madeAt) })} · {t('sync.log.rejectedAt', { at: time(r.rejectedAt) })}
        </span>
      </header>
      <p className="reason">
        <b>{t('sync.log.reason')}：</b>
        {messageText(r)}
      </p>
      <RecordNowFacts record={r.record} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <footer>
        {confirming ? (
          <>
            <span className="question">{t('sync.log.discardQuestion')}</span>
            <button type="button" className="danger" disabled={busy} onClick={() => decide('sync.discard', t('sync.log.discarded', { what }))}>
              {t('sync.log.confirmDiscard')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy || !r.canReapply}
              title={whyNot ?? undefined}
              aria-describedby={whyNot ? whyNotId : undefined}
              onClick={() => decide('sync.reapply', t('sync.log.reapplied', { what }))}
            >
              {t('sync.log.reapply')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('sync.log.discard')}
            </button>
            {whyNot && (
              <span id={whyNotId} className="sub">
                {whyNot}
              </span>
            )}
          </>
        )}
      </footer>
    </li>
  )
}

/** 现在的记录: the ticket or customer as this desk has it after the server's version arrived. */
function RecordNowFacts({ record }: { record: RecordNow | null }): React.JSX.Element {
  const { t } = useTranslation()
  if (!record) return <p className="sub">{t('sync.log.noRecord')}</p>
  return (
    <div className="record-now">
      <h3>{t('sync.log.now')}</h3>
      {record.kind === 'ticket' ? (
        <dl className="facts">
          <dt>{t('sync.log.ticket')}</dt>
          <dd className="mono">{record.number}</dd>
          <dt>{t('sync.log.customer')}</dt>
          <dd>{record.customerName}</dd>
          <dt>{t('sync.log.status')}</dt>
          <dd>
            <StatusChip status={record.status} />
          </dd>
          <dt>{t('sync.log.engineer')}</dt>
          <dd>
            {record.assigneeName ?? t('tickets.detail.noAssignee')}
            {record.assignedBy && <span className="sub assigned-by">{t('sync.log.assignedBy', { desk: record.assignedDesk ?? '—', by: record.assignedBy })}</span>}
          </dd>
        </dl>
      ) : (
        <dl className="facts">
          <dt>{t('sync.log.customer')}</dt>
          <dd>{record.unitName}</dd>
        </dl>
      )}
    </div>
  )
}
