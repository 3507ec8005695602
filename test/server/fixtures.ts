// Mutation arguments the server tests push.
export const AT = '2026-11-20T02:30:00.000Z'

export const customer = (id: string, station = 'st-wh') => ({
  id,
  at: AT,
  stationId: station,
  unitName: `测试单位 ${id.slice(0, 4)}`,
  contactName: '王老师',
  phone: '13888009999',
  address: '昆明市五华区测试路 1 号',
  regionCode: '530102',
  zone: 'city',
})

export const ticket = (id: string, customerId: string, number: string) => ({
  id,
  at: AT,
  number,
  customerId,
  assetId: null,
  reporterName: '王老师',
  reporterPhone: '13888009999',
  faultDescription: '打印机卡纸',
  category: 'printer',
  faultLevel: 'general',
  channel: 'phone',
  serviceMode: 'onsite',
  cause: 'normal',
})
