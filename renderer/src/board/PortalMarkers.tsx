// Leaflet markers whose content is React: each marker is an empty divIcon and its element gets a
// portal, so a ticket on the map can be dragged and an engineer on the map can take a drop with the
// same dnd-kit hooks as the queue and the roster. Only what clustering leaves on screen is mounted.
import L from 'leaflet'
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
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
 * A marker placed by a 2D translate instead of Leaflet's translate3d: a 3D transform makes every
 * marker a compositing layer of its own, and with a hundred of them Chromium spent ~20 ms a frame
 * sorting layers while the map panned (the pane itself stays one layer and moves as cheaply).
 */
const FlatMarker = L.Marker.extend({
  _setPos(this: L.Marker & { _icon: HTMLElement & { _leaflet_pos?: L.Point }; _zIndex: number; _resetZIndex(): void }, pos: L.Point) {
    this._icon._leaflet_pos = pos
    this._icon.style.transform = `translate(${pos.x}px, ${pos.y}px)`
    this._zIndex = pos.y + (this.options.zIndexOffset ?? 0)
    this._resetZIndex()
  },
}) as unknown as new (latlng: L.LatLngExpression, options?: L.MarkerOptions) => L.Marker

export const flatMarker = (latlng: L.LatLngExpression, options?: L.MarkerOptions): L.Marker => new FlatMarker(latlng, options)

/**
 * A map pane by name, made on first use (markers are added before react-leaflet's own panes exist).
 * The pane is one compositing layer: without it each marker above the basemap's canvas (a layer of
 * its own) would get a layer too, by overlap.
 */
export function ensurePane(map: L.Map, name: string, zIndex: number): string {
  if (map.getPane(name)) return name
  const pane = map.createPane(name)
  pane.style.zIndex = String(zIndex)
  pane.style.willChange = 'transform'
  return name
}

export function PortalMarkers({ items, pane, zIndex }: { items: readonly MarkerItem[]; pane: string; zIndex: number }): React.JSX.Element {
  const map = useMap()
  ensurePane(map, pane, zIndex)
  const layer = useMemo(() => L.layerGroup(), [])
  const markers = useRef(new Map<string, L.Marker>())
  const [elements, setElements] = useState<ReadonlyMap<string, HTMLElement>>(new Map())

  useLayoutEffect(() => {
    layer.addTo(map)
    return () => {
      layer.remove()
      markers.current.clear()
    }
  }, [map, layer])

  useLayoutEffect(() => {
    const seen = new Set<string>()
    const next = new Map<string, HTMLElement>()
    for (const it of items) {
      seen.add(it.key)
      let m = markers.current.get(it.key)
      if (!m) {
        // size 0: the content centres itself on the point with CSS
        m = flatMarker([it.lat, it.lng], { icon: L.divIcon({ className: 'portal-marker', html: '', iconSize: [0, 0] }), keyboard: false, pane, zIndexOffset: it.zIndex ?? 0 })
        layer.addLayer(m)
        // a press on a marker starts a drag of the marker, not of the map
        L.DomEvent.disableClickPropagation(m.getElement()!)
        markers.current.set(it.key, m)
      } else {
        const at = m.getLatLng()
        if (at.lat !== it.lat || at.lng !== it.lng) m.setLatLng([it.lat, it.lng])
        m.setZIndexOffset(it.zIndex ?? 0)
      }
      next.set(it.key, m.getElement()!)
    }
    for (const [key, m] of markers.current) {
      if (seen.has(key)) continue
      layer.removeLayer(m)
      markers.current.delete(key)
    }
    setElements(next)
  }, [items, layer, pane])

  return (
    <>
      {items.map((it) => {
        const el = elements.get(it.key)
        return el ? createPortal(it.content, el, it.key) : null
      })}
    </>
  )
}
