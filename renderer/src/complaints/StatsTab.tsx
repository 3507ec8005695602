// 统计: the complaints received in a span of months, how many were closed and in time, and how long
// closing took; by category, by engineer and by month. The same figures go to Excel for the branch.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { download } from '../parts/format'
import { useDeskToday } from '../store/app'
import { COMPLAINT_TABLES, monthBefore } from './bits'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function StatsTab(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const thisMonth = useDeskToday().slice(0, 7)
  const [from, setFrom] = useState(() => monthBefore(thisMonth, 11))
  const [to, setTo] = useState(thisMonth)
  const [exportError, setExportError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to)
  const { data: s, error } = useDeskQuery('complaints.stats', valid ? { from, to } : null, COMPLAINT_TABLES)

  const exportXlsx = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const file = await desk.call('reports.exportXlsx', { report: 'complaints', from, to })
      download(file.fileName, file.base64, XLSX)
    } catch (e) {
      setExportError(errorText(e))
    } finally {
      setExporting(false)
    }
  }

  const days = (n: number | null) => (n === null ? '—' : t('complaints.stats.days', { days: n.toFixed(1) }))
  const share = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`)
  const bar = (n: number, max: number) => <span className="cp-bar" style={{ width: `${max ? (n / max) * 100 : 0}%` }} aria-hidden="true" />

  return (
    <div className="cp-stats" data-testid="cp-stats">
      <div className="cp-stats-bar">
        <label className="inline-group">
          <span>{t('complaints.stats.from')}</span>
          <input type="month" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="cp-stats-from" />
        </label>
        <label className="inline-group">
          <span>{t('complaints.stats.to')}</span>
          <input type="month" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="cp-stats-to" />
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void exportXlsx()} disabled={!valid || exporting} data-testid="cp-stats-export">
          {exporting ? t('common.loading') : t('complaints.stats.export')}
        </button>
      </div>
      {(error ?? exportError) && (
        <p className="form-error" role="alert">
          {exportError ?? errorText(error)}
        </p>
      )}
      {!s ? (
        !error && <p className="empty">{t('common.loading')}</p>
      ) : s.total === 0 ? (
        <p className="empty" data-testid="cp-stats-empty">
          {t('complaints.stats.empty', { from, to })}
        </p>
      ) : (
        <>
          <div className="cp-figures" data-testid="cp-stats-figures">
            <div>
              <span className="sub">{t('complaints.stats.total')}</span>
              <b data-testid="cp-stats-total">{s.total}</b>
            </div>
            <div>
              <span className="sub">{t('complaints.stats.closed')}</span>
              <b>{s.closed}</b>
              <span className="sub">{share(s.closed, s.total)}</span>
            </div>
            <div>
              <span className="sub">{t('complaints.stats.closedOnTime')}</span>
              <b>{s.closedOnTime}</b>
              <span className="sub">{t('complaints.stats.ofClosed', { share: share(s.closedOnTime, s.closed) })}</span>
            </div>
            <div>
              <span className="sub">{t('complaints.stats.avgCloseDays')}</span>
              <b>{days(s.avgCloseDays)}</b>
            </div>
          </div>
          <div className="cp-stats-tables">
            <section>
              <h3>{t('complaints.stats.byCategory')}</h3>
              <table className="cp-data" data-testid="cp-stats-category">
                <thead>
                  <tr>
                    <th>{t('complaints.stats.col.category')}</th>
                    <th className="num">{t('complaints.stats.col.count')}</th>
                    <th className="num">{t('complaints.stats.col.closed')}</th>
                    <th className="num">{t('complaints.stats.col.avgCloseDays')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byCategory.map((r) => (
                    <tr key={r.category}>
                      <td>{t(`enums.complaintCategory.${r.category}`)}</td>
                      <td className="num cp-count">
                        {bar(r.count, s.total)}
                        <span>{r.count}</span>
                      </td>
                      <td className="num">{r.closed}</td>
                      <td className="num">{days(r.avgCloseDays)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h3>{t('complaints.stats.byEngineer')}</h3>
              <table className="cp-data" data-testid="cp-stats-engineer">
                <thead>
                  <tr>
                    <th>{t('complaints.stats.col.engineer')}</th>
                    <th className="num">{t('complaints.stats.col.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byEngineer.map((r) => (
                    <tr key={r.engineerId ?? ''}>
                      <td>{r.engineerId ? r.name : <span className="placeholder">{t('complaints.stats.noEngineer')}</span>}</td>
                      <td className="num cp-count">
                        {bar(r.count, s.total)}
                        <span>{r.count}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h3>{t('complaints.stats.byMonth')}</h3>
              <table className="cp-data" data-testid="cp-stats-month">
                <thead>
                  <tr>
                    <th>{t('complaints.stats.col.month')}</th>
                    <th className="num">{t('complaints.stats.col.count')}</th>
                    <th className="num">{t('complaints.stats.col.closed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byMonth.map((r) => (
                    <tr key={r.month}>
                      <td>{r.month}</td>
                      <td className="num cp-count">
                        {bar(r.count, Math.max(...s.byMonth.map((m) => m.count)))}
                        <span>{r.count}</span>
                      </td>
                      <td className="num">{r.closed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </div>
  )
}
