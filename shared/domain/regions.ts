import type { Zone } from './enums'

export interface County {
  code: string
  name: string
  prefectureCode: string
  /** [lng, lat] */
  center: [number, number]
  polygons: [number, number][][][]
}

export interface LatLng {
  lat: number
  lng: number
}

const EARTH_RADIUS_KM = 6371

/** Great-circle distance in km. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Rings around the station (seed 000, Kunming: 市区 / 郊区 / 地州市县). */
export const ZONE_RADIUS_KM = { city: 12, suburb: 45 } as const

/** The zone a new customer most likely sits in, from how far their county's centre is from the station. */
export function defaultZone(county: { code: string; center: readonly [number, number] }, station: LatLng & { regionCode: string }): Zone {
  if (county.code === station.regionCode) return 'city'
  const km = distanceKm({ lng: county.center[0], lat: county.center[1] }, station)
  return km <= ZONE_RADIUS_KM.city ? 'city' : km <= ZONE_RADIUS_KM.suburb ? 'suburb' : 'county'
}
