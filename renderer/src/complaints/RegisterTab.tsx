// 投诉登记簿: the complaints by the filters, the open complaint's record beside them.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintListQuery } from '../../../shared/api/followUpSchemas'
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintCategory, type ComplaintSeverity } from '../../../shared/domain/followUp'
import { DeskRead } from '../api/DeskRead'
import { TIME_BOUND_RELOAD_MS, useDeskQuery } from '../api/useDeskQuery'
import { useRowSelection } from '../api/useRowSelection'
import { useApp } from '../store/app'
import { useStationTime } from '../tickets/format'
import { COMPLAINT_TABLES, ComplaintStatusChip, EscalationBadge, SeverityChip } from './bits'
import { ComplaintDetail } from './ComplaintDetail'

type StatusFilter = NonNullable<ComplaintListQuery['status']>
const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'overdue', 'escalated', 'closed', 'all']
/** The desk is asked again only once typing pauses. */
const SEARCH_PAUSE_MS = 250

export function RegisterTab({ onRegister }: { onRegister(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  const selectedId = useApp((s) => s.complaintId)
  const select = useApp((s) => s.openComplaint)
  const [search, setSearch] = useState('')
  const [searched, setSearched] = useState('')
  const [status, setStatus] = useState<StatusFilter>('open')
  const [category, setCategory] = useState<ComplaintCategory | ''>('')
  const [severity, setSeverity] = useState<ComplaintSeverity | ''>('')
  const [month, setMonth] = useState('')
  const [engineerId, setEngineerId] = useState('')
  const { data: engineers } = useDeskQuery('engineers.list', {}, ['users'])

  useEffect(() => {
    const timer = setTimeout(() => setSearched(search.trim()), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [search])

  const query: ComplaintListQuery = {
    status,
    ...(searched && { search: searched }),
    ...(category && { category }),
    ...(severity && { severity }),
    ...(month && { month }),
    ...(engineerId && { engineerId }),
  }
  const { data, error } = useDeskQuery('complaints.list', query, COMPLAINT_TABLES, TIME_BOUND_RELOAD_MS)
  // nothing narrowed: an empty list is the register's own state, so it says what the register is for
  const bare = !(searched || category || severity || month || engineerId) && (status === 'open' || status === 'all')
  const emptyText = bare ? t(`complaints.empty.${status as 'open' | 'all'}`) : t('complaints.empty.filtered')
  const rows = data?.rows ?? []
  const { body, rowProps } = useRowSelection(rows, selectedId, select)

  // the overdue come first: a complaint just registered, or opened from elsewhere, may be far down
  const shown = rows.some((c) => c.id === selectedId)
  useEffect(() => {
    if (shown) body.current?.querySelector(`tr[data-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [body, selectedId, shown])

  return (
    <div className="cp-register">
      <div className="toolbar cp-filters">
        <input type="search" className="cp-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('complaints.search')} aria-label={t('complaints.search')} data-testid="cp-search" />
        <label className="inline-group">
          <span>{t('complaints.filter.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} data-testid="cp-filter-status">
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`complaints.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-group">
          <span>{t('complaints.filter.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')} data-testid="cp-filter-category">
            <option value="">{t('common.all')}</option>
            {COMPLAINT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`enums.complaintCategory.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-group">
          <span>{t('complaints.filter.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as ComplaintSeverity | '')} data-testid="cp-filter-severity">
            <option value="">{t('common.all')}</option>
            {COMPLAINT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.complaintSeverity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-group">
          <span>{t('complaints.filter.engineer')}</span>
          <select value={engineerId} onChange={(e) => setEngineerId(e.target.value)} data-testid="cp-filter-engineer">
            <option value="">{t('common.all')}</option>
            {(engineers ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-group">
          <span>{t('complaints.filter.month')}</span>
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="cp-filter-month" />
        </label>
        <span className="spacer" />
        {data && <span className="sub">{rows.length < data.total ? t('complaints.countOf', { shown: rows.length, count: data.total }) : t('complaints.count', { count: data.total })}</span>}
      </div>
      <div className="cp-split">
        <div className="cp-list">
          <DeskRead data={data} error={error}>
            {() =>
              rows.length === 0 ? (
                <div className="cp-empty" data-testid="cp-empty">
                  <p>{emptyText}</p>
                  {bare && (
                    <button type="button" className="primary" onClick={onRegister}>
                      {t('complaints.registerOpen')}
                    </button>
                  )}
                </div>
              ) : (
                <table className="cp-table" data-testid="cp-table">
                  <thead>
                    <tr>
                      <th>{t('complaints.col.number')}</th>
                      <th>{t('complaints.col.receivedAt')}</th>
                      <th>{t('complaints.col.customer')}</th>
                      <th>{t('complaints.col.category')}</th>
                      <th>{t('complaints.col.severity')}</th>
                      <th>{t('complaints.col.status')}</th>
                      <th>{t('complaints.col.nextStep')}</th>
                      <th>{t('complaints.col.dueOn')}</th>
                      <th>{t('complaints.col.escalation')}</th>
                      <th>{t('complaints.col.ticket')}</th>
                      <th>{t('complaints.col.engineer')}</th>
                    </tr>
                  </thead>
                  <tbody ref={body}>
                    {rows.map((c) => {
                      const late = c.escalation.overdue
                      return (
                        <tr key={c.id} {...rowProps(c.id)} data-testid="cp-row" className={[c.id === selectedId ? 'selected' : '', late && !c.closedAt ? 'overdue' : '', c.closedAt ? 'closed' : ''].join(' ')}>
                          <td className="mono">{c.number}</td>
                          <td>{time(c.receivedAt).slice(2)}</td>
                          <td className="cp-customer">
                            {c.unitName}
                            <span className="sub">
                              {c.complainantName} {c.complainantPhone}
                            </span>
                          </td>
                          <td>{t(`enums.complaintCategory.${c.category}`)}</td>
                          <td>
                            <SeverityChip severity={c.severity} />
                          </td>
                          <td>
                            <ComplaintStatusChip status={c.status} />
                          </td>
                          <td>{c.nextStep ? t(`enums.complaintStep.${c.nextStep}`) : <span className="placeholder">—</span>}</td>
                          <td className={late ? 'cp-late' : ''} data-testid="cp-due">
                            {c.dueOn}
                            {late && <span className="sub cp-late-note">{c.closedAt ? t('complaints.closedLate') : t('complaints.overdue')}</span>}
                          </td>
                          <td>
                            <EscalationBadge escalation={c.escalation} />
                          </td>
                          <td className="mono">{c.ticketNumber ?? <span className="placeholder">—</span>}</td>
                          <td>{c.engineerName ?? <span className="placeholder">—</span>}</td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              )
            }
          </DeskRead>
        </div>
        {selectedId ? <ComplaintDetail key={selectedId} id={selectedId} /> : <aside className="cp-detail empty-detail">{t('complaints.select')}</aside>}
      </div>
    </div>
  )
}
