import basemap from '../../resources/basemap/yunnan-counties.json'
import type { Region } from '../../shared/api/schemas'
import type { County } from '../../shared/domain/regions'

const data = basemap as unknown as { prefectures: { code: string; name: string }[]; counties: County[] }
const prefectureNames = new Map(data.prefectures.map((p) => [p.code, p.name]))

export const COUNTIES: readonly County[] = data.counties
export const COUNTY_BY_CODE: ReadonlyMap<string, County> = new Map(data.counties.map((c) => [c.code, c]))

export const REGIONS: readonly Region[] = data.counties
  .map((c) => ({ code: c.code, name: c.name, prefectureCode: c.prefectureCode, prefectureName: prefectureNames.get(c.prefectureCode) ?? '', center: c.center }))
  .sort((a, b) => a.code.localeCompare(b.code))

export function regionName(code: string): string {
  const r = COUNTY_BY_CODE.get(code)
  return r ? `${prefectureNames.get(r.prefectureCode) ?? ''}${r.name}` : code
}
