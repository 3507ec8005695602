import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../shared/api/contract'
import type { TicketSummary } from '../../../shared/api/schemas'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useTickets, type TicketFilters } from '../store/tickets'
import { ClockChip } from '../sla/ClockChip'
import { LevelChip, StatusChip } from './Chips'
import { useStationTime } from './format'

const PAGE = 100
const ROW_HEIGHT = 34

function listInput(f: TicketFilters): MethodInput<'tickets.list'> {
  return {
    openOnly: f.status === 'open',
    statuses: f.status === 'open' || f.status === 'all' ? undefined : [f.status],
    stationId: f.stationId || undefined,
    faultLevel: f.faultLevel || undefined,
    search: f.search || undefined,
    sort: f.sort,
  }
}

/** The 工单 list: only the rows on screen are rendered, and pages are fetched as they scroll into view. */
export function TicketList(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const time = useStationTime()
  const { filters, selectedId, select } = useTickets()
  const input = useMemo(() => listInput(filters), [filters])
  const [total, setTotal] = useState<number | null>(null)
  const [pages, setPages] = useState<Map<number, TicketSummary[]>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)
  const loading = useRef(new Set<number>())
  const scrollRef = useRef<HTMLDivElement>(null)

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (loading.current.has(page)) return
      loading.current.add(page)
      try {
        const result = await desk.call('tickets.list', { ...input, offset: page * PAGE, limit: PAGE })
        if (gen !== generation.current) return
        setTotal(result.total)
        setPages((prev) => new Map(prev).set(page, result.rows))
        setError(null)
      } catch (e) {
        if (gen === generation.current) setError(errorText(e))
      } finally {
        loading.current.delete(page)
      }
    },
    [input, errorText],
  )

  const reload = useCallback(() => {
    const gen = ++generation.current
    loading.current.clear()
    setPages(new Map())
    void loadPage(0, gen)
  }, [loadPage])

  // New data (a save here, a sync from another desk) refreshes the pages in place: the rows stay on
  // screen until their fresh copies arrive, so the list never blanks under the dispatcher's mouse.
  const loaded = useRef(pages)
  loaded.current = pages
  const refresh = useCallback(() => {
    const gen = ++generation.current
    loading.current.clear()
    const shown = [...loaded.current.keys()]
    for (const p of shown.length ? shown : [0]) void loadPage(p, gen)
  }, [loadPage])

  useEffect(() => {
    reload()
    scrollRef.current?.scrollTo({ top: 0 })
  }, [reload])
  useEffect(() => desk.on('data.changed', ({ tables }) => tables.includes('tickets') && refresh()), [refresh])

  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const rowAt = (i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE]

  useEffect(() => {
    const wanted = new Set(items.map((it) => Math.floor(it.index / PAGE)))
    for (const p of wanted) if (!pages.has(p)) void loadPage(p, generation.current)
  }, [items, pages, loadPage])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const count = total ?? 0
    let index = -1
    for (const [p, rows] of pages) {
      const i = rows.findIndex((r) => r.id === selectedId)
      if (i >= 0) index = p * PAGE + i
    }
    const next = Math.max(0, Math.min(count - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))
    const row = rowAt(next)
    if (row) {
      select(row.id)
      virtualizer.scrollToIndex(next)
    }
  }

  // Filtered to one station, the station column says nothing.
  const columns = (['number', 'urgency', 'createdAt', 'customer', 'fault', 'faultLevel', 'mode', 'status', 'assignee', 'station'] as const).filter(
    (c) => c !== 'station' || !filters.stationId,
  )
  return (
    <section className="ticket-list" aria-label={t('tickets.title')}>
      <div className="list-meta">
        {total !== null && <span data-testid="ticket-count">{t('tickets.count', { count: total })}</span>}
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div role="table" aria-label={t('tickets.title')} aria-rowcount={total ?? 0} className="table">
        <div role="rowgroup" className="thead">
          <div role="row" className="tr">
            {columns.map((c) => (
              <div role="columnheader" key={c} className={`td col-${c}`}>
                {t(`tickets.col.${c}`)}
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} className="tbody" role="rowgroup" tabIndex={0} onKeyDown={onKeyDown}>
          {total === 0 && <p className="empty">{t('tickets.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((it) => {
              const row = rowAt(it.index)
              return (
                <div
                  key={it.key}
                  role="row"
                  aria-rowindex={it.index + 1}
                  aria-selected={row?.id === selectedId}
                  className={`tr ${row?.id === selectedId ? 'selected' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${it.start}px)` }}
                  onClick={() => row && select(row.id)}
                >
                  {row ? (
                    <>
                      <div role="cell" className="td col-number mono">
                        {row.number}
                      </div>
                      <div role="cell" className="td col-urgency">
                        {row.urgency ? <ClockChip clock={row.urgency} withName /> : '—'}
                      </div>
                      <div role="cell" className="td col-createdAt">
                        {time(row.createdAt).slice(5)}
                      </div>
                      <div role="cell" className="td col-customer" title={row.customerName}>
                        {row.customerName}
                      </div>
                      <div role="cell" className="td col-fault" title={row.faultDescription}>
                        {row.faultDescription}
                      </div>
                      <div role="cell" className="td col-faultLevel">
                        <LevelChip level={row.faultLevel} />
                      </div>
                      <div role="cell" className="td col-mode">
                        {t(`enums.serviceMode.${row.serviceMode}`)}
                      </div>
                      <div role="cell" className="td col-status">
                        <StatusChip status={row.status} />
                      </div>
                      <div role="cell" className="td col-assignee">
                        {row.assigneeName ?? '—'}
                      </div>
                      {!filters.stationId && (
                        <div role="cell" className="td col-station">
                          {row.stationName}
                        </div>
                      )}
                    </>
                  ) : (
                    <div role="cell" className="td placeholder">
                      {t('common.loading')}
                    </div>
                  )}
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
