// 送修: the counter's devices: each with its receipt and tag, where the repair stands, the day promised
// and the call owed to its customer (the overdue ones first). A device shows its accessories, condition
// and calls, and what can be done with it; 收机登记 takes a new one in.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import { CARRY_IN_STATUSES } from '../../../shared/domain/carryIn'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useRowSelection } from '../api/useRowSelection'
import { useApp, useDeskToday } from '../store/app'
import { useTickets } from '../store/tickets'
import { useStationTime } from '../tickets/format'
import { AccessoryList, CarryInStatusChip, OwedCall } from './bits'
import { CarryInActions } from './CarryInActions'
import { counterRows, lastNotice, nextNoticeDay, owedCalls, type StatusFilter } from './counter'
import { useCarryIn } from './store'
import './carryIn.css'

const STATUS_FILTERS: readonly StatusFilter[] = ['atCounter', 'all', ...CARRY_IN_STATUSES]
/** The calls owed change with the day, not only with the data. */
const RELOAD_MS = 10 * 60_000

/** The desk's list of carry-ins, read again on a change and every few minutes. */
export function useCarryInList() {
  const query = useDeskQuery('carryIn.list', {}, ['carry_ins', 'tickets'])
  const { reload } = query
  useEffect(() => {
    const timer = setInterval(() => void reload(), RELOAD_MS)
    return () => clearInterval(timer)
  }, [reload])
  return query
}

/** The ticket behind a carry-in, in the 工单 view. */
function showTicket(ticketId: string): void {
  useTickets.getState().select(ticketId)
  useApp.getState().setView('tickets')
}

export function CarryInPage(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useDeskToday()
  const time = useStationTime()
  const { data, error } = useCarryInList()
  const openIntake = useCarryIn((s) => s.openIntake)
  const selectedId = useCarryIn((s) => s.selectedId)
  const select = useCarryIn((s) => s.select)
  const [status, setStatus] = useState<StatusFilter>('atCounter')
  const [owedOnly, setOwedOnly] = useState(false)
  const [search, setSearch] = useState('')

  const all = data ?? []
  const rows = counterRows(all, { status, owedOnly, search })
  const selected = all.find((c) => c.id === selectedId) ?? null
  const { owed, overdue } = owedCalls(all)
  const { body, rowProps } = useRowSelection(rows, selectedId, select)

  return (
    <div className="carry-in-page">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => openIntake()} data-testid="ci-open-intake">
          {t('carryIn.intakeOpen')}
        </button>
        <input type="search" className="ci-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('carryIn.search')} aria-label={t('carryIn.search')} />
        <label className="inline-group">
          <span>{t('carryIn.statusFilter')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} aria-label={t('carryIn.statusFilter')}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === 'atCounter' ? t('carryIn.atCounter') : s === 'all' ? t('common.all') : t(`enums.carryInStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-group">
          <input type="checkbox" checked={owedOnly} onChange={(e) => setOwedOnly(e.target.checked)} />
          <span>{t('carryIn.owedOnly')}</span>
        </label>
        <span className="spacer" />
        <span className="list-meta-inline">
          {t('carryIn.count', { count: rows.length })}
          {owed > 0 && <span className="owed-summary"> · {t('carryIn.owedSummary', { count: owed })}</span>}
          {overdue > 0 && <span className="owed-summary overdue">（{t('carryIn.overdueSummary', { count: overdue })}）</span>}
        </span>
      </div>
      {data && all.length === 0 ? (
        <div className="ci-empty-page" data-testid="ci-empty">
          {error && (
            <p className="form-error" role="alert">
              {errorText(error)}
            </p>
          )}
          <p>{t('carryIn.empty')}</p>
          <button type="button" className="primary" onClick={() => openIntake()}>
            {t('carryIn.intakeOpen')}
          </button>
        </div>
      ) : (
        <div className="carry-in-split">
          <div className="ci-list">
            {error && (
              <p className="form-error" role="alert">
                {errorText(error)}
              </p>
            )}
            {!data ? (
              <p className="empty">{t('common.loading')}</p>
            ) : rows.length === 0 ? (
              <p className="empty" data-testid="ci-empty-filtered">
                {t('carryIn.emptyFiltered')}
              </p>
            ) : (
              <table className="ci-table" data-testid="ci-table">
                <thead>
                  <tr>
                    <th>{t('carryIn.col.tag')}</th>
                    <th>
                      {t('carryIn.col.receipt')} / {t('carryIn.col.ticket')}
                    </th>
                    <th>{t('carryIn.col.customer')}</th>
                    <th>{t('carryIn.col.device')}</th>
                    <th>{t('carryIn.col.status')}</th>
                    <th>{t('carryIn.col.promisedOn')}</th>
                    <th>{t('carryIn.col.owed')}</th>
                    <th className="ci-last">{t('carryIn.col.lastNotice')}</th>
                  </tr>
                </thead>
                <tbody ref={body}>
                  {rows.map((c) => {
                    const last = lastNotice(c)
                    return (
                      <tr
                        key={c.id}
                        {...rowProps(c.id)}
                        data-testid="ci-row"
                        className={[c.id === selectedId ? 'selected' : '', c.lateNotice?.overdue ? 'overdue' : c.lateNotice ? 'owed' : '', c.status === 'picked_up' ? 'gone' : ''].join(' ')}
                      >
                        <td>
                          <span className="ci-tag">{c.tagNumber}</span>
                        </td>
                        <td className="ci-numbers">
                          <span className="mono">{c.number}</span>
                          <span className="mono sub">{c.ticketNumber}</span>
                        </td>
                        <td className="ci-customer">
                          {c.customer.unitName}
                          <span className="sub">
                            {c.customer.contactName} {c.customer.phone}
                          </span>
                        </td>
                        <td className="ci-device">
                          {t(`enums.category.${c.device.category}`)}
                          <span className="sub">{[c.device.brand, c.device.model].filter(Boolean).join(' ')}</span>
                        </td>
                        <td>
                          <CarryInStatusChip status={c.status} />
                        </td>
                        <td className={c.status !== 'picked_up' && c.status !== 'ready' && c.promisedOn < today ? 'late-promise' : ''}>{c.promisedOn}</td>
                        <td className="ci-owed">
                          <OwedCall notice={c.lateNotice} today={today} />
                        </td>
                        <td className="ci-last" title={last?.note}>
                          {last ? (
                            <>
                              {time(last.at).slice(5)}
                              <span className="sub">{last.note}</span>
                            </>
                          ) : (
                            <span className="placeholder">—</span>
                          )}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            )}
          </div>
          {selected ? <CarryInDetail key={selected.id} carryIn={selected} today={today} /> : <aside className="ci-detail empty-detail">{t('carryIn.select')}</aside>}
        </div>
      )}
    </div>
  )
}

function CarryInDetail({ carryIn: c, today }: { carryIn: CarryInView; today: string }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const next = nextNoticeDay(c, timezone)
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
  return (
    <aside className="ci-detail" aria-label={t('carryIn.detail.title')} data-testid="ci-detail">
      <header>
        <span className="ci-tag big">{c.tagNumber}</span>
        <CarryInStatusChip status={c.status} />
      </header>
      {c.lateNotice ? (
        <div className={`ci-owed-banner ${c.lateNotice.overdue ? 'overdue' : ''}`}>
          <OwedCall notice={c.lateNotice} today={today} />
        </div>
      ) : (
        next && <p className="sub ci-next-notice">{t('carryIn.detail.nextNotice', { date: next })}</p>
      )}
      <CarryInActions carryIn={c} />
      <dl className="facts">
        {row(t('carryIn.detail.receipt'), <span className="mono">{c.number}</span>)}
        {row(
          t('carryIn.detail.ticket'),
          <>
            <span className="mono">{c.ticketNumber}</span>{' '}
            <button type="button" className="link" onClick={() => showTicket(c.ticketId)}>
              {t('carryIn.detail.openTicket')}
            </button>
          </>,
        )}
        {row(t('carryIn.detail.customer'), c.customer.unitName)}
        {row(
          t('carryIn.detail.contact'),
          <>
            {c.customer.contactName} <span className="mono">{c.customer.phone}</span>
          </>,
        )}
        {row(t('carryIn.detail.device'), `${t(`enums.category.${c.device.category}`)} ${c.device.brand} ${c.device.model}`.trim())}
        {c.device.serial && row(t('carryIn.detail.serial'), <span className="mono">{c.device.serial}</span>)}
        {row(t('carryIn.detail.fault'), c.faultDescription)}
        {row(t('carryIn.detail.received'), `${time(c.receivedAt)} · ${c.receivedByName}`)}
        {row(t('carryIn.detail.promisedOn'), c.promisedOn)}
        {c.readyAt && row(t('carryIn.detail.ready'), time(c.readyAt))}
        {c.pickedUpAt && row(t('carryIn.detail.pickedUp'), t('carryIn.detail.pickedUpBy', { at: time(c.pickedUpAt), name: c.pickedUpBy }))}
      </dl>
      <h3>{t('carryIn.detail.accessories')}</h3>
      <AccessoryList accessories={c.accessories} />
      <h3>{t('carryIn.detail.condition')}</h3>
      <p className={c.conditionNote ? 'ci-condition' : 'sub'}>{c.conditionNote || t('carryIn.detail.noCondition')}</p>
      <h3>{t('carryIn.detail.notices')}</h3>
      {c.notices.length === 0 ? (
        <p className="sub">{t('carryIn.detail.noNotices')}</p>
      ) : (
        <ol className="timeline" data-testid="ci-notices">
          {[...c.notices].reverse().map((n) => (
            <li key={n.at}>
              <time>{time(n.at)}</time>
              <span className="what">{n.note}</span>
              <span className="who">{n.byName}</span>
            </li>
          ))}
        </ol>
      )}
      {c.printCount > 0 && <p className="sub">{t('carryIn.detail.printed', { count: c.printCount })}</p>}
    </aside>
  )
}
