import type { Zone } from './enums'

export interface County {
  code: string
  name: string
  prefectureCode: string
  center: [number, number]
  polygons: [number, number][][][]
}

/**
 * The zone a new customer most likely sits in, seen from their station (seed 000, Kunming):
 * the station's own city districts are 市区, the rest of its prefecture 郊区, anything further 地州市县.
 */
export function defaultZone(county: Pick<County, 'code' | 'name' | 'prefectureCode'>, stationRegionCode: string): Zone {
  const stationPrefecture = `${stationRegionCode.slice(0, 4)}00`
  if (county.prefectureCode !== stationPrefecture) return 'county'
  const isDistrict = county.name.endsWith('区') || county.code === stationRegionCode
  return isDistrict ? 'city' : 'suburb'
}
