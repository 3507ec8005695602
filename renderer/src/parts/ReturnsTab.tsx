// 返修单: one slip per bad part (printed, copy 1 stays at the station), the week's box to the warehouse
// with its packing list (装箱单), and the warehouse's receipt that closes the slips.
import { useTranslation } from 'react-i18next'
import { localDateTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { openPrint } from '../slips/print'

const RETURN_TABLES = ['return_slips', 'return_batches', 'part_movements'] as const

export function ReturnsTab({ onDone }: { onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { formError: error, submit } = useFormSubmit()
  const { data } = useDeskQuery('parts.returns', {}, RETURN_TABLES)
  if (!data) return <p className="loading">{t('common.loading')}</p>
  const open = data.slips.filter((s) => s.status === 'open')
  const late = open.filter((s) => s.keptTooLong).length

  const run = (work: () => Promise<string>) => submit(async () => onDone(await work()))

  return (
    <div className="returns">
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={open.length === 0}
          data-testid="ship-box"
          onClick={() => void run(async () => t('parts.shipped', await desk.call('returns.ship', {})))}
        >
          {t('parts.shipBox', { count: open.length })}
        </button>
        {late > 0 && (
          <span className="warn" role="status">
            {t('parts.keptTooLong', { count: late })}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <table className="data-table" data-testid="slips">
        <thead>
          <tr>
            <th>{t('parts.slipNumber')}</th>
            <th>{t('parts.badPart')}</th>
            <th>{t('parts.ticketNumber')}</th>
            <th>{t('parts.engineer')}</th>
            <th>{t('parts.faultDescription')}</th>
            <th>{t('parts.slipStatus')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.slips.map((s) => (
            <tr key={s.id} data-slip={s.number} className={s.keptTooLong ? 'late' : undefined}>
              <td className="mono">{s.number}</td>
              <td>
                <span className="mono">{s.partNumber}</span> {s.partName}
                {s.note && <div className="sub">{s.note}</div>}
              </td>
              <td className="mono">{s.ticketNumber}</td>
              <td>{s.engineerName}</td>
              <td>{s.faultDescription}</td>
              <td>
                {t(`parts.slipState.${s.status}`)}
                {s.batchNumber && <div className="sub mono">{s.batchNumber}</div>}
                {s.keptTooLong && <div className="warn">{t('parts.returnSoon')}</div>}
              </td>
              <td>
                <button type="button" onClick={() => openPrint('return-slip', s.id)}>
                  {t('parts.printSlip')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('parts.batches')}</h3>
      {data.batches.length === 0 ? (
        <p className="empty">{t('parts.noBatches')}</p>
      ) : (
        <table className="data-table" data-testid="batches">
          <thead>
            <tr>
              <th>{t('parts.batchNumber')}</th>
              <th>{t('parts.shippedAt')}</th>
              <th className="num">{t('parts.slipCount')}</th>
              <th>{t('parts.slipStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.batches.map((b) => (
              <tr key={b.id} data-batch={b.number}>
                <td className="mono">{b.number}</td>
                <td>
                  {localDateTime(b.shippedAt)} · {b.shippedBy}
                </td>
                <td className="num">{b.slips.length}</td>
                <td>{b.status === 'received' ? t('parts.receivedAt', { at: localDateTime(b.receivedAt!) }) : t('parts.inTransit')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => openPrint('packing-list', b.id)}>
                    {t('parts.printPacking')}
                  </button>
                  {b.status === 'shipped' && (
                    <button type="button" onClick={() => void run(async () => (await desk.call('returns.receive', { batchId: b.id }), t('parts.batchReceived', { number: b.number })))}>
                      {t('parts.receiveBatch')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
