// The map of the board: the offline basemap of the service region (or online tiles set in 设置),
// tickets coloured by SLA state and engineers by status, clustered, and lines from the selected
// ticket to the engineers the desk suggests.
import { useDraggable, useDroppable } from '@dnd-kit/core'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MapContainer, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet'
import basemap from '../../../resources/basemap/yunnan-counties.json'
import type { Suggestion } from '../../../shared/domain/dispatch'
import type { LatLng } from '../../../shared/domain/geo'
import { useBoard, type BoardEngineer, type BoardSettings, type BoardTicket } from '../store/board'
import { clustersInView, useClusterIndex, useView, type ClusterPoint } from './clusters'
import { displayPoint, slaState } from './derive'
import { LabelLayer } from './LabelLayer'
import { MarkerOverlay, ensurePane, type MarkerItem } from './MarkerOverlay'
import { TicketCard } from './TicketCard'

interface County {
  code: string
  name: string
  prefectureCode: string
  center: [number, number]
  polygons: [number, number][][][]
}
const BASEMAP = basemap as unknown as { attribution: string; prefectures: { code: string; name: string }[]; counties: County[] }

export const CITY_ZOOM = 11
export const PROVINCE_ZOOM = 7
/** Below this zoom the map names prefectures, from it on counties. */
const COUNTY_LABEL_ZOOM = 9

const SEVERITY = { none: 0, paused: 1, running: 2, warning: 3, breached: 4 } as const
const SEVERITY_CLASS = ['none', 'paused', 'running', 'warning', 'breached'] as const
export const LEVEL_GLYPH = { critical: '!', major: '▲', general: '●', minor: '·' } as const

/** Prefectures take turns of four quiet fills, so their borders show between the county lines. */
const FILLS = ['#eef3e8', '#f4efe4', '#e8f0f2', '#f1ecf1']

function Basemap({ settings }: { settings: BoardSettings | null }): null {
  const map = useMap()
  const { t } = useTranslation()
  useEffect(() => {
    map.getPane(ensurePane(map, 'labels', 450))!.style.pointerEvents = 'none'
    const conv = (lng: number, lat: number): [number, number] => {
      const p = displayPoint({ lat, lng }, settings)
      return [p.lng, p.lat]
    }
    const fillOf = new Map(BASEMAP.prefectures.map((p, i) => [p.code, FILLS[i % FILLS.length]!]))
    const online = Boolean(settings?.tileUrl)
    const renderer = L.canvas({ padding: 0.3 })
    const counties: GeoJSON.FeatureCollection<GeoJSON.MultiPolygon, { prefectureCode: string }> = {
        type: 'FeatureCollection',
        features: BASEMAP.counties.map((c): GeoJSON.Feature<GeoJSON.MultiPolygon, { prefectureCode: string }> => ({
          type: 'Feature',
          properties: { prefectureCode: c.prefectureCode },
          geometry: { type: 'MultiPolygon', coordinates: c.polygons.map((poly) => poly.map((ring) => ring.map(([lng, lat]) => conv(lng, lat)))) },
        })),
      }
    const shapes = L.geoJSON(counties, {
        interactive: false,
        // over online tiles only the borders are drawn
        style: (f) => ({ renderer, color: '#8a9bb0', weight: 0.8, fillColor: fillOf.get(f?.properties.prefectureCode) ?? FILLS[0], fillOpacity: online ? 0 : 1 }),
      }).addTo(map)
    const place = (text: string, at: LatLng) => ({ text, ...displayPoint(at, settings) })
    const prefectureLabels = BASEMAP.prefectures.map((p) => {
      const cs = BASEMAP.counties.filter((c) => c.prefectureCode === p.code)
      return place(p.name, { lng: cs.reduce((s, c) => s + c.center[0], 0) / cs.length, lat: cs.reduce((s, c) => s + c.center[1], 0) / cs.length })
    })
    const countyLabels = BASEMAP.counties.map((c) => place(c.name, { lng: c.center[0], lat: c.center[1] }))
    const labels = new LabelLayer((zoom) => (zoom >= COUNTY_LABEL_ZOOM ? { labels: countyLabels, bold: false } : { labels: prefectureLabels, bold: true }), 'labels').addTo(map)
    map.attributionControl.addAttribution(t('board.basemapAttribution', { source: BASEMAP.attribution }))
    return () => {
      shapes.remove()
      labels.remove()
      map.attributionControl.removeAttribution(t('board.basemapAttribution', { source: BASEMAP.attribution }))
    }
  }, [map, settings, t])
  return null
}

type Hover = (id: string | null) => void

const TicketPin = memo(function TicketPin({ ticket, selected, label, onHover }: { ticket: BoardTicket; selected: boolean; label: string; onHover: Hover }): React.JSX.Element {
  const select = useBoard((s) => s.select)
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `map-ticket:${ticket.id}`, data: { ticketId: ticket.id } })
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      className={`ticket-pin sla-${slaState(ticket)} level-${ticket.faultLevel}${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${ticket.assigneeId ? ' assigned' : ''}`}
      data-testid="map-ticket"
      data-ticket-number={ticket.number}
      aria-label={label}
      onClick={() => select(ticket.id)}
      onMouseEnter={() => onHover(ticket.id)}
      onMouseLeave={() => onHover(null)}
    >
      <span className="glyph">{LEVEL_GLYPH[ticket.faultLevel]}</span>
    </div>
  )
})

const EngineerPin = memo(function EngineerPin({ engineer, rank, label, onHover }: { engineer: BoardEngineer; rank: number | null; label: string; onHover: Hover }): React.JSX.Element {
  const { setNodeRef, isOver } = useDroppable({ id: `map-engineer:${engineer.id}`, data: { engineerId: engineer.id } })
  return (
    <div
      ref={setNodeRef}
      className={`engineer-pin eng-${engineer.status}${isOver ? ' over' : ''}${rank !== null ? ' suggested' : ''}`}
      data-testid="map-engineer"
      data-engineer-id={engineer.id}
      aria-label={label}
      onMouseEnter={() => onHover(engineer.id)}
      onMouseLeave={() => onHover(null)}
    >
      <span className="name">{engineer.name}</span>
      <span className="load">{engineer.load}</span>
      {rank !== null && <span className="rank">{rank}</span>}
    </div>
  )
})

/** The hover card of one marker at a time (a card in every marker cost a render of each on every pan). */
function EngineerCard({ engineer }: { engineer: BoardEngineer }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      <b>{engineer.name}</b> · {t(`board.engineerStatus.${engineer.status}`)}
      <div className="sub">{t('board.loadToday', { count: engineer.load })}</div>
      <div className="sub">{engineer.skills.map((s) => t(`enums.skill.${s}`)).join('、')}</div>
    </>
  )
}

function ClusterBubble({ count, severity, onOpen, kind, label }: { count: number; severity: number; onOpen(): void; kind: 'tickets' | 'engineers'; label: string }): React.JSX.Element {
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large'
  return (
    <button type="button" className={`cluster ${kind} ${size} sla-${SEVERITY_CLASS[severity]}`} onClick={onOpen} data-testid={`cluster-${kind}`} aria-label={label}>
      {count}
    </button>
  )
}

function useClusteredItems<T extends { id: string }>(
  rows: readonly T[],
  opts: {
    radius: number
    maxZoom: number
    kind: 'tickets' | 'engineers'
    severity(row: T): number
    settings: BoardSettings | null
    position(row: T): LatLng | null
    render(row: T, onHover: Hover): React.ReactNode
    card(row: T): React.ReactNode
    zIndex?(row: T): number
  },
): MarkerItem[] {
  const map = useMap()
  const { t } = useTranslation()
  const view = useView()
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows])
  const last = useRef<ClusterPoint[]>([])
  const points = useMemo<ClusterPoint[]>(() => {
    const out: ClusterPoint[] = []
    for (const r of rows) {
      const at = opts.position(r)
      if (!at) continue
      const p = displayPoint(at, opts.settings)
      out.push({ id: r.id, lat: p.lat, lng: p.lng, severity: opts.severity(r) })
    }
    // a dispatch changes a ticket but rarely where it is or how urgent: then the index stays as it is
    const prev = last.current
    const same = prev.length === out.length && out.every((p, i) => p.id === prev[i]!.id && p.lat === prev[i]!.lat && p.lng === prev[i]!.lng && p.severity === prev[i]!.severity)
    if (!same) last.current = out
    return last.current
  }, [rows, opts.settings, opts.position, opts.severity])
  const index = useClusterIndex(points, { radius: opts.radius, maxZoom: opts.maxZoom })
  const [hover, setHover] = useState<string | null>(null)
  const { render, card, zIndex, kind } = opts
  const shown = useMemo(
    () =>
      clustersInView(index, view).map((c): MarkerItem => {
        if (c.kind === 'cluster') {
          const open = () => map.setView([c.lat, c.lng], Math.min(index.getClusterExpansionZoom(c.clusterId), map.getMaxZoom()))
          return { key: `c${c.clusterId}`, lat: c.lat, lng: c.lng, content: <ClusterBubble count={c.count} severity={c.severity} onOpen={open} kind={kind} label={t(`board.cluster.${kind}`, { count: c.count })} /> }
        }
        const row = byId.get(c.id)!
        return { key: c.id, lat: c.lat, lng: c.lng, zIndex: zIndex?.(row), content: render(row, setHover) }
      }),
    [index, view, byId, map, render, zIndex, kind, t],
  )
  const hovered = hover ? shown.find((m) => m.key === hover) : undefined
  const row = hover ? byId.get(hover) : undefined
  if (!hovered || !row) return shown
  return [...shown, { key: `card:${hover}`, lat: hovered.lat, lng: hovered.lng, zIndex: 2000, content: <div className="marker-card">{card(row)}</div> }]
}

const positionOf = (r: { lat: number | null; lng: number | null }): LatLng | null => (r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng })
const ticketSeverity = (t: BoardTicket) => SEVERITY[slaState(t)]
const noSeverity = () => 0

function TicketMarkers({ tickets, settings }: { tickets: readonly BoardTicket[]; settings: BoardSettings | null }): React.JSX.Element {
  const { t } = useTranslation()
  const selectedId = useBoard((s) => s.selectedTicketId)
  const items = useClusteredItems<BoardTicket>(tickets, {
    kind: 'tickets',
    radius: 60,
    maxZoom: 14,
    settings,
    severity: ticketSeverity,
    position: positionOf,
    render: useMemo(
      () => (x: BoardTicket, onHover: Hover) => (
        <TicketPin ticket={x} selected={x.id === selectedId} label={t('board.ticketPin', { number: x.number, level: t(`enums.faultLevel.${x.faultLevel}`) })} onHover={onHover} />
      ),
      [selectedId, t],
    ),
    card: useCallback((x: BoardTicket) => <TicketCard ticket={x} />, []),
    zIndex: useMemo(() => (t: BoardTicket) => (t.id === selectedId ? 1000 : SEVERITY[slaState(t)] * 10), [selectedId]),
  })
  return <MarkerOverlay items={items} pane="tickets" zIndex={640} />
}

function EngineerMarkers({ engineers, settings, ranks }: { engineers: readonly BoardEngineer[]; settings: BoardSettings | null; ranks: ReadonlyMap<string, number> }): React.JSX.Element {
  const { t } = useTranslation()
  const items = useClusteredItems<BoardEngineer>(engineers, {
    kind: 'engineers',
    // pills are wide: a larger radius than the round ticket pins
    radius: 64,
    maxZoom: 12,
    settings,
    severity: noSeverity,
    position: positionOf,
    render: useMemo(
      () => (e: BoardEngineer, onHover: Hover) => (
        <EngineerPin engineer={e} rank={ranks.get(e.id) ?? null} label={t('board.engineerPin', { name: e.name, status: t(`board.engineerStatus.${e.status}`), load: e.load })} onHover={onHover} />
      ),
      [ranks, t],
    ),
    card: useCallback((e: BoardEngineer) => <EngineerCard engineer={e} />, []),
  })
  return <MarkerOverlay items={items} pane="engineers" zIndex={620} />
}

function SuggestionLines({ ticket, suggestions, engineers, settings }: { ticket: BoardTicket; suggestions: readonly Suggestion[]; engineers: ReadonlyMap<string, BoardEngineer>; settings: BoardSettings | null }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (ticket.lat === null || ticket.lng === null) return null
  const from = displayPoint({ lat: ticket.lat, lng: ticket.lng }, settings)
  return (
    <>
      {suggestions.slice(0, 3).map((s) => {
        const e = engineers.get(s.engineerId)
        if (!e || e.lat === null || e.lng === null) return null
        const to = displayPoint({ lat: e.lat, lng: e.lng }, settings)
        return (
          <Polyline key={s.engineerId} positions={[[from.lat, from.lng], [to.lat, to.lng]]} pathOptions={{ color: s.rank === 1 ? '#1677ff' : '#6f8fb3', weight: s.rank === 1 ? 3 : 2, dashArray: '6 6' }} interactive={false}>
            <Tooltip permanent direction="center" className="eta-label">
              {t('board.etaLine', { rank: s.rank, name: e.name, minutes: s.etaMinutes ?? '—' })}
            </Tooltip>
          </Polyline>
        )
      })}
    </>
  )
}

/** Lets the page move the map (keyboard focus on a ticket, 全省 / 本站 buttons). */
function MapHandle({ onMap }: { onMap(map: L.Map): void }): null {
  const map = useMap()
  useEffect(() => {
    onMap(map)
    // the zoom in the page, for tests
    const mark = () => (map.getContainer().dataset.zoom = String(map.getZoom()))
    mark()
    map.on('zoomend', mark)
    return () => {
      map.off('zoomend', mark)
    }
  }, [map, onMap])
  return null
}

export interface BoardMapProps {
  center: LatLng
  tickets: readonly BoardTicket[]
  engineers: readonly BoardEngineer[]
  engineersById: ReadonlyMap<string, BoardEngineer>
  settings: BoardSettings | null
  selected: BoardTicket | null
  suggestions: readonly Suggestion[]
  onMap(map: L.Map): void
}

export function BoardMap({ center, tickets, engineers, engineersById, settings, selected, suggestions, onMap }: BoardMapProps): React.JSX.Element {
  const { t } = useTranslation()
  const ranks = useMemo(() => new Map(suggestions.slice(0, 3).map((s) => [s.engineerId, s.rank])), [suggestions])
  const c = displayPoint(center, settings)
  return (
    <MapContainer className="board-map" center={[c.lat, c.lng]} zoom={CITY_ZOOM} minZoom={5} maxZoom={17} preferCanvas zoomSnap={0.5} aria-label={t('board.map')}>
      {settings?.tileUrl && <TileLayer url={settings.tileUrl} attribution={settings.tileAttribution} />}
      <Basemap settings={settings} />
      <EngineerMarkers engineers={engineers} settings={settings} ranks={ranks} />
      <TicketMarkers tickets={tickets} settings={settings} />
      {selected && <SuggestionLines ticket={selected} suggestions={suggestions} engineers={engineersById} settings={settings} />}
      <MapHandle onMap={onMap} />
    </MapContainer>
  )
}
