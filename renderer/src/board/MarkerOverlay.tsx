// The board's markers as React elements in one overlay per map pane: a ticket on the map can be
// dragged and an engineer on the map can take a drop with the same dnd-kit hooks as the queue and
// the roster. One portal per pane, not one per marker (React wires ~70 event listeners into every
// portal container: with a portal per marker, each pan spent most of its time doing that), and
// markers are placed by a 2D translate (a 3D one makes each a compositing layer of its own).
// Only what clustering leaves on screen is rendered; during a zoom animation the overlay hides and
// is placed again when the zoom ends.
import L from 'leaflet'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useMap } from 'react-leaflet'

export interface MarkerItem {
  key: string
  lat: number
  lng: number
  /** Drawn above the other markers of its layer (e.g. the selected ticket). */
  zIndex?: number
  content: ReactNode
}

/**
 * A map pane by name, made on first use. The pane is one compositing layer: without it each marker
 * above the basemap's canvas (a layer of its own) would get a layer too, by overlap.
 */
export function ensurePane(map: L.Map, name: string, zIndex: number): HTMLElement {
  const existing = map.getPane(name)
  if (existing) return existing
  const pane = map.createPane(name)
  pane.style.zIndex = String(zIndex)
  pane.style.willChange = 'transform'
  return pane
}

/** Re-renders when the map's pixel origin moves (a zoom), which moves every layer point. */
function useLayerPoints(map: L.Map): (lat: number, lng: number) => L.Point {
  const [origin, setOrigin] = useState(() => map.getPixelOrigin())
  useEffect(() => {
    const update = () => setOrigin(map.getPixelOrigin())
    map.on('zoomend viewreset', update)
    return () => {
      map.off('zoomend viewreset', update)
    }
  }, [map])
  return useMemo(() => {
    void origin
    return (lat, lng) => map.latLngToLayerPoint([lat, lng])
  }, [map, origin])
}

export function MarkerOverlay({ items, pane, zIndex }: { items: readonly MarkerItem[]; pane: string; zIndex: number }): React.JSX.Element {
  const map = useMap()
  const root = useMemo(() => {
    const el = L.DomUtil.create('div', 'marker-overlay leaflet-zoom-hide', ensurePane(map, pane, zIndex))
    // a press on a marker starts a drag of the marker (dnd-kit, on pointerdown), not of the map (mousedown)
    L.DomEvent.disableClickPropagation(el)
    return el
  }, [map, pane, zIndex])
  useEffect(() => () => root.remove(), [root])
  const at = useLayerPoints(map)
  return createPortal(
    items.map((it) => {
      const p = at(it.lat, it.lng)
      return (
        <div key={it.key} className="overlay-marker" style={{ transform: `translate(${p.x}px, ${p.y}px)`, zIndex: it.zIndex }}>
          {it.content}
        </div>
      )
    }),
    root,
  )
}
