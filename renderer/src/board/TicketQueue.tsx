// 待派工队列: unassigned tickets, most urgent clock first, filterable; only the rows on screen are
// rendered. A row is dragged onto an engineer to dispatch it.
import { useDraggable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { CATEGORIES, FAULT_LEVELS, SKILLS, ZONES } from '../../../shared/domain/enums'
import { useBoard, type BoardTicket, type QueueFilters } from '../store/board'
import { TicketCard } from './TicketCard'

const ROW_HEIGHT = 74

const QueueRow = memo(function QueueRow({ ticket, selected, now, top }: { ticket: BoardTicket; selected: boolean; now: number; top: number }): React.JSX.Element {
  const select = useBoard((s) => s.select)
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `queue:${ticket.id}`, data: { ticketId: ticket.id } })
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      role="option"
      aria-selected={selected}
      id={`queue-${ticket.id}`}
      className={`queue-row${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      data-testid="queue-row"
      data-ticket-number={ticket.number}
      onClick={() => select(ticket.id)}
      tabIndex={-1}
    >
      <TicketCard ticket={ticket} now={now} />
    </div>
  )
})

function FilterSelect<K extends keyof QueueFilters>({ name, options, label }: { name: K; options: readonly string[]; label: (v: string) => string }): React.JSX.Element {
  const { t } = useTranslation()
  const value = useBoard((s) => s.filters[name])
  const setFilter = useBoard((s) => s.setFilter)
  const id = `queue-filter-${name}`
  return (
    <div className="field inline">
      <label htmlFor={id}>{t(`board.filter.${name}`)}</label>
      <select id={id} value={value} onChange={(e) => setFilter(name, e.target.value as QueueFilters[K])}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  )
}

export function TicketQueue({ queue, now }: { queue: readonly BoardTicket[]; now: number }): React.JSX.Element {
  const { t } = useTranslation()
  const selectedId = useBoard((s) => s.selectedTicketId)
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useVirtualizer({ count: queue.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 })
  const selectedIndex = queue.findIndex((q) => q.id === selectedId)
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, rows])

  return (
    <section className="board-queue" aria-label={t('board.queue')}>
      <header className="panel-head">
        <h2>{t('board.queue')}</h2>
        <span className="sub" data-testid="queue-count">
          {t('board.queueCount', { count: queue.length })}
        </span>
      </header>
      <div className="queue-filters">
        <FilterSelect name="zone" options={ZONES} label={(v) => t(`enums.zone.${v as (typeof ZONES)[number]}`)} />
        <FilterSelect name="level" options={FAULT_LEVELS} label={(v) => t(`enums.faultLevel.${v as (typeof FAULT_LEVELS)[number]}`)} />
        <FilterSelect name="category" options={CATEGORIES} label={(v) => t(`enums.category.${v as (typeof CATEGORIES)[number]}`)} />
        <FilterSelect name="skill" options={SKILLS} label={(v) => t(`enums.skill.${v as (typeof SKILLS)[number]}`)} />
      </div>
      <div
        ref={scrollRef}
        className="queue-scroll"
        role="listbox"
        aria-label={t('board.queue')}
        aria-activedescendant={selectedId && selectedIndex >= 0 ? `queue-${selectedId}` : undefined}
        tabIndex={0}
      >
        {queue.length === 0 ? (
          <p className="empty">{t('board.queueEmpty')}</p>
        ) : (
          <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
            {rows.getVirtualItems().map((v) => {
              const ticket = queue[v.index]!
              return <QueueRow key={ticket.id} ticket={ticket} selected={ticket.id === selectedId} now={now} top={v.start} />
            })}
          </div>
        )}
      </div>
    </section>
  )
}
