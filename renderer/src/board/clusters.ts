// Clustering (supercluster) keeps the board readable at every zoom: thousands of tickets become a
// few dozen bubbles, each coloured by the worst SLA state inside it.
import type L from 'leaflet'
import { startTransition, useEffect, useMemo, useState } from 'react'
import { useMap } from 'react-leaflet'
import Supercluster, { type ClusterProperties } from 'supercluster'

export interface ClusterPoint {
  id: string
  lat: number
  lng: number
  /** Higher is worse; a cluster shows its worst. */
  severity: number
}

export type Clustered =
  | { kind: 'point'; id: string; lat: number; lng: number }
  | { kind: 'cluster'; clusterId: number; count: number; lat: number; lng: number; severity: number }

type Props = { id: string; severity: number }
type Agg = { severity: number }

export function useClusterIndex(points: readonly ClusterPoint[], opts: { radius: number; maxZoom: number }): Supercluster<Props, Agg> {
  return useMemo(() => {
    const index = new Supercluster<Props, Agg>({
      radius: opts.radius,
      maxZoom: opts.maxZoom,
      map: (p) => ({ severity: p.severity }),
      reduce: (acc, p) => {
        acc.severity = Math.max(acc.severity, p.severity)
      },
    })
    index.load(points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { id: p.id, severity: p.severity } })))
    return index
  }, [points, opts.radius, opts.maxZoom])
}

/**
 * The map's view, updated when a pan or zoom ends (not on every frame: panning stays smooth), as a
 * transition: React redraws the markers in slices between frames instead of in one long task.
 */
export function useView(): { bbox: [number, number, number, number]; zoom: number } {
  const map = useMap()
  const read = (m: L.Map) => {
    const b = m.getBounds().pad(0.25)
    return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number], zoom: Math.round(m.getZoom()) }
  }
  const [view, setView] = useState(() => read(map))
  useEffect(() => {
    const update = () => startTransition(() => setView(read(map)))
    map.on('moveend', update)
    return () => {
      map.off('moveend', update)
    }
  }, [map])
  return view
}

export function clustersInView(index: Supercluster<Props, Agg>, view: { bbox: [number, number, number, number]; zoom: number }): Clustered[] {
  return index.getClusters(view.bbox, view.zoom).map((f) => {
    const [lng, lat] = f.geometry.coordinates as [number, number]
    const p = f.properties as Partial<ClusterProperties> & Props & Agg
    return p.cluster ? { kind: 'cluster', clusterId: p.cluster_id!, count: p.point_count!, lat, lng, severity: p.severity } : { kind: 'point', id: p.id, lat, lng }
  })
}
