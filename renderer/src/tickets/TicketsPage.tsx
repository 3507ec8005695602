import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FAULT_LEVELS, TICKET_STATUSES } from '../../../shared/domain/enums'
import { TICKET_SORTS } from '../../../shared/api/schemas'
import { openRepairSlipsOfDay } from '../slips/print'
import { SEARCH_INPUT_ID } from '../shell/shortcuts'
import { useApp, useDeskToday } from '../store/app'
import { useTickets, type StatusFilter, type TicketFilters } from '../store/tickets'
import { IntakeForm } from './IntakeForm'
import { TicketDetailPanel } from './TicketDetail'
import { TicketList } from './TicketList'

const SORT_LABEL = { urgency: 'tickets.sortUrgency', newest: 'tickets.sortNewest', oldest: 'tickets.sortOldest', level: 'tickets.sortLevel' } as const

/** 批量打印维修单: the repair slips closed on a day (today in the station's time zone unless changed). */
function BatchPrint(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useDeskToday()
  const [day, setDay] = useState<string | null>(null)
  const chosen = day ?? today
  return (
    <div className="field inline batch-print" role="group" aria-label={t('slips.batch')}>
      <label htmlFor="batch-print-day">{t('slips.batchDay')}</label>
      <input id="batch-print-day" type="date" value={chosen} max={today} onChange={(e) => setDay(e.target.value)} data-testid="batch-print-day" />
      <button type="button" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(chosen)} onClick={() => openRepairSlipsOfDay(chosen)} data-testid="batch-print">
        {t('slips.batch')}
      </button>
    </div>
  )
}

export function TicketsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const { stations, intakeOpen, openIntake } = useApp()
  const { filters, setFilter } = useTickets()
  // The search box updates the list once typing pauses, not on every key.
  const [search, setSearch] = useState(filters.search)
  useEffect(() => {
    const h = setTimeout(() => setFilter('search', search), 200)
    return () => clearTimeout(h)
  }, [search, setFilter])

  return (
    <div className="tickets-page">
      <div className="toolbar" role="toolbar" aria-label={t('tickets.title')}>
        <button type="button" className="primary" onClick={openIntake} title={t('tickets.newTicketHint')}>
          {t('tickets.newTicket')} <kbd>{t('tickets.newTicketHint')}</kbd>
        </button>
        <div className="field inline">
          <label htmlFor={SEARCH_INPUT_ID}>{t('tickets.searchLabel')}</label>
          <input id={SEARCH_INPUT_ID} type="search" value={search} placeholder={t('tickets.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor="filter-status">{t('tickets.filterStatus')}</label>
          <select id="filter-status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as StatusFilter)}>
            <option value="open">{t('tickets.openOnly')}</option>
            <option value="all">{t('common.all')}</option>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="filter-station">{t('tickets.filterStation')}</label>
          <select id="filter-station" value={filters.stationId} onChange={(e) => setFilter('stationId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {stations
              .filter((s) => s.kind === 'station')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="filter-level">{t('tickets.filterFaultLevel')}</label>
          <select id="filter-level" value={filters.faultLevel} onChange={(e) => setFilter('faultLevel', e.target.value as TicketFilters['faultLevel'])}>
            <option value="">{t('common.all')}</option>
            {FAULT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`enums.faultLevel.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="ticket-sort">{t('tickets.sortLabel')}</label>
          <select id="ticket-sort" value={filters.sort} onChange={(e) => setFilter('sort', e.target.value as TicketFilters['sort'])}>
            {TICKET_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <BatchPrint />
      </div>
      <div className="tickets-split">
        <TicketList />
        <TicketDetailPanel />
      </div>
      {intakeOpen && <IntakeForm />}
    </div>
  )
}
