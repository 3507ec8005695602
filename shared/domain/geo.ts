// Coordinates on the ground. We store every position as WGS-84 (what GPS devices and the national
// county data give us) and measure distances on it. Online tiles from AMap (高德) and Tencent are drawn
// in GCJ-02 ("Mars coordinates", the state-mandated offset of 100–700 m), so a WGS-84 point put on
// those tiles as-is lands beside its street: the map converts for display (wgs84ToGcj02) and converts
// back what the dispatcher clicks (gcj02ToWgs84). Outside China nobody shifts, so neither do we.

export interface LatLng {
  lat: number
  lng: number
}

/** Mean earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088
const RAD = Math.PI / 180

/** Great-circle distance in km (haversine): good to ~0.5 % at the scale of a province. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLng = (b.lng - a.lng) * RAD
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)))
}

/**
 * The rough box every GCJ-02 implementation uses to decide whether a point is shifted. It is a box,
 * not the border: it includes Mongolia and parts of the neighbours, and that is what the tile
 * providers do too, so matching it keeps our points on their streets.
 */
export function outOfChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271
}

// Krasovsky 1940 ellipsoid, as in the published GCJ-02 algorithm.
const A = 6378245.0
const EE = 0.00669342162296594323

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** The GCJ-02 offset (degrees) of a WGS-84 point inside China. */
function offset(lat: number, lng: number): LatLng {
  const x = lng - 105.0
  const y = lat - 35.0
  const radLat = lat * RAD
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  return {
    lat: (shiftLat(x, y) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    lng: (shiftLng(x, y) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  }
}

/** WGS-84 → GCJ-02, to draw a stored point on AMap/Tencent tiles. Points out of China come back unchanged. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng }
  const d = offset(p.lat, p.lng)
  return { lat: p.lat + d.lat, lng: p.lng + d.lng }
}

/**
 * GCJ-02 → WGS-84, to store a point picked on AMap/Tencent tiles. The shift has no closed inverse, so
 * we iterate (fixed point: w ← w + (g − f(w))) until the step is below 1e-7° (~1 cm), which puts the
 * round trip well within 0.5 m; it converges in a handful of steps. Points out of China come back unchanged.
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng }
  let lat = p.lat
  let lng = p.lng
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02({ lat, lng })
    const dLat = p.lat - g.lat
    const dLng = p.lng - g.lng
    lat += dLat
    lng += dLng
    if (Math.abs(dLat) < 1e-7 && Math.abs(dLng) < 1e-7) break
  }
  return { lat, lng }
}
