// The service network every desk starts with (reference data, also in --empty mode):
// Kunming HQ and its stations, each with its service area and its desk staff.
import type { StationRow, UserRow } from '../mutators'

export interface StationPlan {
  station: StationRow
  /** County codes this station serves (GB/T 2260). */
  area: string[] | { prefecture: string }
  areaCode: string
  dispatcher: string
  manager: string
  clerk: string
  engineers: number
  customers: number
}

const station = (id: string, code: string, name: string, kind: StationRow['kind'], region: string, address: string, lat: number, lng: number, phone: string): StationRow => ({
  id,
  code,
  name,
  kind,
  region_code: region,
  address,
  lat,
  lng,
  timezone: 'Asia/Shanghai',
  phone,
})

export const HQ = station('st-hq', 'HQ', '昆明总部客服中心', 'hq', '530102', '昆明市五华区东风西路 123 号', 25.0406, 102.7046, '087163318800')

export const STATIONS: StationPlan[] = [
  {
    station: station('st-wh', 'WH', '昆明五华站', 'station', '530102', '昆明市五华区人民中路 56 号', 25.0432, 102.7065, '087163318801'),
    area: ['530102', '530103', '530112', '530124', '530128', '530181', '530113'],
    areaCode: '0871',
    dispatcher: '张丽',
    manager: '杨建华',
    clerk: '李晓梅',
    engineers: 10,
    customers: 600,
  },
  {
    station: station('st-gd', 'GD', '昆明官渡站', 'station', '530111', '昆明市官渡区春城路 218 号', 25.0215, 102.7437, '087163318802'),
    area: ['530111', '530114', '530122', '530126', '530127', '530125', '530129'],
    areaCode: '0871',
    dispatcher: '王芳',
    manager: '周志强',
    clerk: '陈红',
    engineers: 8,
    customers: 500,
  },
  {
    station: station('st-qj', 'QJ', '曲靖站', 'station', '530302', '曲靖市麒麟区麒麟南路 88 号', 25.4903, 103.7962, '087433110001'),
    area: { prefecture: '5303' },
    areaCode: '0874',
    dispatcher: '李娜',
    manager: '刘永福',
    clerk: '孙丽娟',
    engineers: 8,
    customers: 350,
  },
  {
    station: station('st-dl', 'DL', '大理站', 'station', '532901', '大理市下关镇建设路 31 号', 25.6065, 100.2676, '087221230001'),
    area: { prefecture: '5329' },
    areaCode: '0872',
    dispatcher: '段丽华',
    manager: '杨正明',
    clerk: '赵秀英',
    engineers: 7,
    customers: 300,
  },
  {
    station: station('st-yx', 'YX', '玉溪站', 'station', '530402', '玉溪市红塔区聂耳路 26 号', 24.3518, 102.5429, '087720110001'),
    area: { prefecture: '5304' },
    areaCode: '0877',
    dispatcher: '赵敏',
    manager: '普文华',
    clerk: '施丽萍',
    engineers: 7,
    customers: 250,
  },
]

/** The default desk: the first dispatch desk of 昆明五华站. */
export const DEFAULT_STATION_CODE = 'WH'
export const DEFAULT_DESK_CODE = '1'

export const dispatcherId = (stationId: string) => `${stationId}-dispatcher`

/** The desk staff of a station (the people who sign in at its desks). */
export function staffOf(plan: StationPlan): UserRow[] {
  const st = plan.station
  const user = (id: string, name: string, role: UserRow['role']): UserRow => ({
    id,
    station_id: st.id,
    name,
    role,
    phone: st.phone,
    skills: [],
    home_lat: null,
    home_lng: null,
    status: null,
    active: 1,
  })
  return [user(dispatcherId(st.id), plan.dispatcher, 'dispatcher'), user(`${st.id}-manager`, plan.manager, 'manager'), user(`${st.id}-clerk`, plan.clerk, 'clerk')]
}

const ENGINEER_NAMES = ['王建国', '李志勇', '张伟', '刘洋', '陈俊', '杨光明', '赵磊', '黄海', '周涛', '吴斌']

/**
 * A station's engineers as the shared server first knows them (ids as in the desk's demo data).
 * Every one can do the common work; skills, homes and status are kept up to date by the station.
 */
export function engineersOf(plan: StationPlan): UserRow[] {
  const st = plan.station
  return Array.from({ length: plan.engineers }, (_, i) => ({
    id: `${st.id}-eng-${String(i + 1).padStart(2, '0')}`,
    station_id: st.id,
    name: `${ENGINEER_NAMES[i % ENGINEER_NAMES.length]}（${st.code}）`,
    role: 'engineer' as const,
    phone: st.phone,
    skills: ['desktop', 'laptop', 'printer', 'network'],
    home_lat: st.lat,
    home_lng: st.lng,
    status: 'idle' as const,
    active: 1,
  }))
}

export const HQ_STAFF: UserRow[] = [
  { id: 'st-hq-hq-1', station_id: HQ.id, name: '何静', role: 'hq', phone: HQ.phone, skills: [], home_lat: null, home_lng: null, status: null, active: 1 },
]
