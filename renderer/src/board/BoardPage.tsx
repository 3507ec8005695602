// 派工看板: the dispatcher's home screen. Queue of unassigned tickets | map | roster of engineers;
// a ticket is dragged onto an engineer (a roster row or a marker) to dispatch it, or chosen from the
// ranked list with the keyboard. Ctrl+Z undoes the last dispatch.
import { DndContext, DragOverlay, MeasuringStrategy, PointerSensor, getClientRect, pointerWithin, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core'
import type L from 'leaflet'
import { decodeBoardSnapshot } from '../../../shared/api/boardSchemas'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { onUndo } from '../shell/shortcuts'
import { useApp } from '../store/app'
import { useBoard, type BoardEngineer } from '../store/board'
import { useDispatchActions } from './actions'
import { AppointmentDialog } from './AppointmentDialog'
import { BoardMap, CITY_ZOOM, PROVINCE_ZOOM } from './BoardMap'
import { indexById, queueOf, suggestionsFor, withJobs } from './derive'
import { callEarly } from './prefetch'
import { Roster } from './Roster'
import { SelectionPanel } from './SelectionPanel'
import { TicketCard } from './TicketCard'
import { TicketQueue } from './TicketQueue'
import './board.css'

/** The board re-reads its snapshot once changes pause (a dispatch shows at once without it). */
const RELOAD_DEBOUNCE_MS = 400
/**
 * Drop targets are measured where they are drawn, transforms included (dnd-kit leaves transforms out
 * by default, but Leaflet places markers by transform), and only while dragging (measuring forces a
 * layout, which would cost frames while the map pans).
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging, measure: getClientRect }, draggable: { measure: getClientRect } }
const WATCHED = ['tickets', 'users', 'customers']
/** Yunnan as a whole (全省). */
const PROVINCE_CENTER = { lat: 24.9, lng: 101.5 }

function useBoardData() {
  const errorText = useErrorText()
  const { setSnapshot, setSettings } = useBoard()
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      const [wire, settings] = await Promise.all([callEarly('board.snapshot'), callEarly('board.settings')])
      setSnapshot(decodeBoardSnapshot(wire))
      setSettings(settings)
      setError(null)
    } catch (e) {
      setError(errorText(e))
    }
  }, [setSnapshot, setSettings, errorText])
  useEffect(() => {
    void load()
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = desk.on('data.changed', ({ tables }) => {
      if (!tables.some((t) => WATCHED.includes(t) || t === 'board')) return
      clearTimeout(timer)
      timer = setTimeout(() => void load(), RELOAD_DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [load])
  return { error, reload: load }
}

/** The desk's clock, ticking each half minute so the SLA badges count down. */
function useNow(deskNow: string | undefined): number {
  const [now, setNow] = useState(() => (deskNow ? Date.parse(deskNow) : Date.now()))
  useEffect(() => {
    if (!deskNow) return
    const offset = Date.parse(deskNow) - Date.now()
    setNow(Date.now() + offset)
    const h = setInterval(() => setNow(Date.now() + offset), 30_000)
    return () => clearInterval(h)
  }, [deskNow])
  return now
}

const BY_NAME = new Intl.Collator('zh-CN')

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName))

export function BoardPage(): React.JSX.Element {
  const { t } = useTranslation()
  const { error, reload } = useBoardData()
  const { snapshot, settings, selectedTicketId, filters, booking, select, setPicker, setBooking } = useBoard()
  const { undo } = useDispatchActions()
  const stationName = useApp((s) => s.desk?.station.name)
  const now = useNow(snapshot?.now)
  const nowIso = useMemo(() => new Date(now).toISOString(), [now])
  const mapRef = useRef<L.Map | null>(null)
  const [dragged, setDragged] = useState<string | null>(null)
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }))

  const tickets = useMemo(() => indexById(snapshot?.tickets ?? []), [snapshot])
  const engineers = useMemo(() => (snapshot ? withJobs(snapshot.engineers, snapshot.tickets) : []), [snapshot])
  const engineersById = useMemo(() => indexById(engineers), [engineers])
  const queue = useMemo(() => (snapshot ? queueOf(snapshot, filters) : []), [snapshot, filters])
  const selected = selectedTicketId ? (tickets.get(selectedTicketId) ?? null) : null
  const suggestions = useMemo(() => (selected ? suggestionsFor(selected, engineers, nowIso, settings) : []), [selected, engineers, nowIso, settings])
  const suggestionOf = useMemo(() => new Map(suggestions.map((s) => [s.engineerId, s])), [suggestions])
  const roster = useMemo<BoardEngineer[]>(() => {
    const rows = [...engineers]
    const rank = (e: BoardEngineer) => suggestionOf.get(e.id)?.rank ?? Number.MAX_SAFE_INTEGER
    const offLast = (e: BoardEngineer) => (e.status === 'off' ? 1 : 0)
    return rows.sort((a, b) => rank(a) - rank(b) || offLast(a) - offLast(b) || BY_NAME.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
  }, [engineers, suggestionOf])

  // The board is interactive: the bench and the tests wait for this mark.
  const ready = Boolean(snapshot)
  useEffect(() => {
    // after the frame that draws it
    if (ready) requestAnimationFrame(() => setTimeout(() => performance.mark('board-ready')))
  }, [ready])

  // A ticket chosen in the queue or by keyboard comes into view on the map.
  useEffect(() => {
    const map = mapRef.current
    if (!map || !selected || selected.lat === null || selected.lng === null) return
    if (!map.getBounds().pad(-0.1).contains([selected.lat, selected.lng])) map.panTo([selected.lat, selected.lng])
  }, [selected])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (useBoard.getState().booking || typing(e.target)) return
      const key = e.key.toLowerCase()
      if ((e.ctrlKey || e.metaKey) && key === 'z') {
        e.preventDefault()
        void undo()
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const index = queue.findIndex((q) => q.id === useBoard.getState().selectedTicketId)
      if (key === 'arrowdown' || key === 'j') select(queue[Math.min(index + 1, queue.length - 1)]?.id ?? null)
      else if (key === 'arrowup' || key === 'k') select(queue[Math.max(index - 1, 0)]?.id ?? null)
      else if (key === 'a' && useBoard.getState().selectedTicketId) setPicker(true)
      else if (key === 'escape') select(null)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    // the Electron menu's 撤销 (Ctrl+Z): the page's keydown handled above comes first and stops it
    const offUndo = onUndo(() => void undo())
    return () => {
      window.removeEventListener('keydown', onKey)
      offUndo()
    }
  }, [queue, select, setPicker, undo])

  const onDragStart = (e: DragStartEvent) => {
    const ticketId = (e.active.data.current as { ticketId?: string } | undefined)?.ticketId ?? null
    setDragged(ticketId)
  }
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null)
    const ticketId = (e.active.data.current as { ticketId?: string } | undefined)?.ticketId
    const engineerId = (e.over?.data.current as { engineerId?: string } | undefined)?.engineerId
    if (!ticketId || !engineerId) return
    const ticket = tickets.get(ticketId)
    if (!ticket || ticket.assigneeId === engineerId) return
    select(ticketId)
    setBooking({ ticketId, engineerId })
  }

  const onMap = useCallback((map: L.Map) => {
    mapRef.current = map
  }, [])

  if (error && !snapshot) {
    return (
      <div className="start-error" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      </div>
    )
  }
  if (!snapshot) return <p className="loading">{t('common.loading')}</p>

  const bookingTicket = booking ? tickets.get(booking.ticketId) : undefined
  const bookingEngineer = booking ? engineersById.get(booking.engineerId) : undefined
  const draggedTicket = dragged ? tickets.get(dragged) : undefined

  return (
    <DndContext sensors={sensors} collisionDetection={pointerWithin} measuring={MEASURING} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
      <div className="board-page" data-testid="board" data-ready={ready}>
        <div className="board-left">
          <TicketQueue queue={queue} now={now} />
          {selected && <SelectionPanel ticket={selected} suggestions={suggestions} engineersById={engineersById} now={now} />}
        </div>
        <div className="board-center">
          <div className="map-tools" role="toolbar" aria-label={t('board.map')}>
            <b>{stationName}</b>
            <button type="button" onClick={() => mapRef.current?.setView([PROVINCE_CENTER.lat, PROVINCE_CENTER.lng], PROVINCE_ZOOM)}>
              {t('board.viewProvince')}
            </button>
            <button type="button" onClick={() => mapRef.current?.setView([snapshot.station.lat, snapshot.station.lng], CITY_ZOOM)}>
              {t('board.viewStation')}
            </button>
            <span className="legend">
              {(['running', 'warning', 'breached', 'paused'] as const).map((s) => (
                <span key={s} className={`legend-item sla-${s}`}>
                  {t(`enums.clockState.${s}`)}
                </span>
              ))}
            </span>
            <span className="sub">{t('board.keys')}</span>
          </div>
          <BoardMap
            center={{ lat: snapshot.station.lat, lng: snapshot.station.lng }}
            tickets={snapshot.tickets}
            engineers={engineers}
            engineersById={engineersById}
            settings={settings}
            selected={selected}
            suggestions={suggestions}
            onMap={onMap}
          />
        </div>
        <Roster engineers={roster} suggestions={suggestionOf} now={now} />
      </div>
      <DragOverlay dropAnimation={null}>{draggedTicket ? <div className="drag-chip"><TicketCard ticket={draggedTicket} now={now} /></div> : null}</DragOverlay>
      {bookingTicket && bookingEngineer && <AppointmentDialog ticket={bookingTicket} engineer={bookingEngineer} suggestion={suggestionOf.get(bookingEngineer.id)} now={nowIso} />}
    </DndContext>
  )
}
