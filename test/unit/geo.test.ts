import { describe, expect, it } from 'vitest'
import { distanceKm, gcj02ToWgs84, outOfChina, wgs84ToGcj02, type LatLng } from '../../shared/domain/geo'

const p = (lat: number, lng: number): LatLng => ({ lat, lng })
const meters = (a: LatLng, b: LatLng) => distanceKm(a, b) * 1000

// Published WGS-84 ↔ GCJ-02 pairs. Each was checked by computing it here; the offsets are 300–700 m,
// so a match within 1 m means the transform is the one the tile providers use.
const KNOWN: [name: string, wgs: LatLng, gcj: LatLng, toleranceM: number][] = [
  // The pair widely quoted for 天安门 (GCJ-02 given to 5 decimals, i.e. ~1 m).
  ['北京 天安门', p(39.908692, 116.397477), p(39.91009, 116.40372), 1],
  // googollee/eviltransform, go/transform_test.go (the same triple is in its C, Python, PHP and JS suites).
  ['上海 (eviltransform)', p(31.1774276, 121.5272106), p(31.17530398364597, 121.531541859215), 0.01],
  ['深圳 (eviltransform)', p(22.543847, 113.912316), p(22.540796131694766, 113.9171764808363), 0.01],
  ['北京 (eviltransform)', p(39.911954, 116.377817), p(39.91334545536069, 116.38404722455657), 0.01],
  // hujiulong/gcoord, test/fixtures/china-cities.json (coordinates given to 7 decimals as [lng, lat]).
  ['云南 楚雄市 (gcoord)', p(25.048566, 101.5265949), p(25.0455363, 101.5280737), 1],
  ['四川 西昌市 (gcoord)', p(27.8850446, 102.2658401), p(27.8816151, 102.2673386), 1],
]

describe('WGS-84 → GCJ-02 against published pairs', () => {
  it.each(KNOWN)('%s', (_name, wgs, gcj, tol) => {
    const got = wgs84ToGcj02(wgs)
    expect(meters(got, gcj)).toBeLessThan(tol)
    // The shift itself is hundreds of metres: the test would fail on an identity transform.
    expect(meters(wgs, gcj)).toBeGreaterThan(200)
  })
})

describe('GCJ-02 → WGS-84 against published pairs', () => {
  it.each(KNOWN)('%s', (_name, wgs, gcj, tol) => {
    expect(meters(gcj02ToWgs84(gcj), wgs)).toBeLessThan(tol)
  })
})

describe('round trips across Yunnan stay within 0.5 m', () => {
  it.each([
    ['昆明 五华', p(25.0389, 102.7183)],
    ['曲靖', p(25.49, 103.7962)],
    ['大理', p(25.6065, 100.2676)],
    ['丽江', p(26.8721, 100.2299)],
    ['香格里拉', p(27.8269, 99.7065)],
    ['昭通', p(27.338, 103.717)],
    ['文山', p(23.3695, 104.244)],
    ['景洪', p(22.0094, 100.7975)],
    ['瑞丽', p(24.0129, 97.8517)],
  ])('%s', (_name, wgs) => {
    const gcj = wgs84ToGcj02(wgs)
    expect(meters(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.5)
    // and the other way: a point clicked on GCJ-02 tiles, stored, drawn again, sits where it was clicked
    expect(meters(wgs84ToGcj02(gcj02ToWgs84(gcj)), gcj)).toBeLessThan(0.5)
  })
})

describe('points out of China are not shifted', () => {
  it.each([
    ['东京', p(35.6762, 139.6503)],
    ['莫斯科', p(55.7558, 37.6173)],
    ['伦敦', p(51.5074, -0.1278)],
    ['悉尼', p(-33.8688, 151.2093)],
    ['赤道上的几内亚湾', p(0, 0)],
    ['south of the box', p(0.8, 110)],
    ['north of the box', p(56, 120)],
  ])('%s', (_name, q) => {
    expect(outOfChina(q)).toBe(true)
    expect(wgs84ToGcj02(q)).toEqual(q)
    expect(gcj02ToWgs84(q)).toEqual(q)
  })

  it.each([
    ['昆明', p(25.0389, 102.7183), false],
    ['乌鲁木齐', p(43.8256, 87.6168), false],
    ['漠河', p(52.9722, 122.5386), false],
    ['the west edge is inside', p(30, 72.004), false],
    ['just west of the box', p(30, 72.0039), true],
    ['just east of the box', p(30, 137.8348), true],
    // The box is rough on purpose (the providers use the same one): Hanoi is inside it.
    ['河内 (inside the rough box)', p(21.0278, 105.8342), false],
  ])('outOfChina: %s', (_name, q, out) => {
    expect(outOfChina(q)).toBe(out)
  })

  it('returns a copy, never the caller’s object', () => {
    const q = p(35.6762, 139.6503)
    expect(wgs84ToGcj02(q)).not.toBe(q)
    expect(gcj02ToWgs84(q)).not.toBe(q)
  })
})

describe('great-circle distances', () => {
  it.each([
    // 昆明–曲靖 from the city centres: 119.4 km straight (about 135 km by road).
    ['昆明 → 曲靖', p(25.0389, 102.7183), p(25.49, 103.7962), 119.44, 0.5],
    // The often quoted 1,067 km between the centres of 北京 and 上海.
    ['北京 → 上海', p(39.9042, 116.4074), p(31.2304, 121.4737), 1067, 2],
    // One degree along a meridian is R·π/180 with R = 6371.0088 km.
    ['one degree of latitude', p(25, 102), p(26, 102), 111.195, 0.001],
    ['equator to pole', p(0, 0), p(90, 0), 10007.557, 0.001],
    ['the same point', p(25.0389, 102.7183), p(25.0389, 102.7183), 0, 1e-9],
  ])('%s', (_name, a, b, km, tol) => {
    expect(Math.abs(distanceKm(a, b) - km)).toBeLessThanOrEqual(tol)
    expect(distanceKm(b, a)).toBeCloseTo(distanceKm(a, b), 9)
  })

  it('antipodes are half the circumference (no NaN from rounding)', () => {
    expect(distanceKm(p(0, 0), p(0, 180))).toBeCloseTo(Math.PI * 6371.0088, 6)
  })
})
