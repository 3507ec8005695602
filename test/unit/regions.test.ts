import { describe, expect, it } from 'vitest'
import { defaultZone, distanceKm } from '../../shared/domain/regions'

const WUHUA = { regionCode: '530102', lat: 25.0432, lng: 102.7065 }
const DALI = { regionCode: '532901', lat: 25.6065, lng: 100.2676 }
// county centres [lng, lat] as the basemap has them
const county = (code: string, lng: number, lat: number) => ({ code, center: [lng, lat] as const })

describe('distance', () => {
  it.each([
    ['Kunming to Dali', WUHUA, DALI, 250, 256],
    ['a point to itself', WUHUA, WUHUA, 0, 0],
  ])('%s is %s–%s km', (_n, a, b, min, max) => {
    const km = distanceKm(a, b)
    expect(km).toBeGreaterThanOrEqual(min)
    expect(km).toBeLessThanOrEqual(max)
  })
})

describe('default zone of a new customer, seen from the station', () => {
  it.each([
    ['五华区 itself', WUHUA, county('530102', 102.7073, 25.0436), 'city'],
    ['盘龙区, next door', WUHUA, county('530103', 102.7519, 25.1165), 'city'],
    ['呈贡区, across the lake', WUHUA, county('530114', 102.8217, 24.8856), 'suburb'],
    ['安宁市', WUHUA, county('530181', 102.4785, 24.9195), 'suburb'],
    ['禄劝县, far north', WUHUA, county('530128', 102.4715, 25.5513), 'county'],
    ['麒麟区 in another prefecture', WUHUA, county('530302', 103.7982, 25.4951), 'county'],
    ['大理市 for the 大理 station', DALI, county('532901', 100.2417, 25.5934), 'city'],
    ['宾川县 for the 大理 station', DALI, county('532924', 100.5788, 25.8255), 'suburb'],
  ] as const)('%s → %s', (_name, station, c, zone) => {
    expect(defaultZone(c, station)).toBe(zone)
  })
})
