// 报表 workbooks read back as the branch opens them: titles, the figures, Chinese labels for the codes.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ComplaintStats, ComplaintSummary, Dashboard, StationReport } from '../../shared/api/followUpSchemas'
import { complaintsWorkbook, dashboardWorkbook, stationReportWorkbook } from '../../electron/desk/reports/exportXlsx'

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  return book
}

/** Every row of a sheet as its cell values (1-based columns dropped to a plain array). */
function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

/** The row whose first cell is `label`. */
const rowOf = (sheet: ExcelJS.Worksheet, label: string) => rows(sheet).find((r) => r[0] === label)
/** The row after the one whose first cell is `label` (a header row's values). */
function valuesUnder(sheet: ExcelJS.Worksheet, label: string): unknown[] | undefined {
  const all = rows(sheet)
  return all[all.findIndex((r) => r[0] === label) + 1]
}

const rate = (met: number, total: number) => ({ met, total })

const REPORT: StationReport = {
  station: { code: 'KM-WH', name: '昆明五华站' },
  dueOn: '2026-12-03',
  dueAt: '2026-12-03T02:00:00.000Z',
  from: '2026-11-30',
  to: '2026-12-02',
  generatedAt: '2026-12-03T01:30:00.000Z',
  complete: true,
  tickets: {
    received: 42,
    byCategory: [
      { category: 'desktop', count: 20 },
      { category: 'printer', count: 22 },
    ],
    byMode: [
      { mode: 'onsite', count: 30 },
      { mode: 'carry_in', count: 12 },
    ],
    resolved: 38,
    openAtEnd: 9,
    overdueAtEnd: 2,
  },
  sla: { respond: rate(40, 42), arrive: rate(27, 30), resolve: rate(35, 38) },
  firstVisit: rate(24, 30),
  visits: { owed: 36, done: 33, late: 3, avgOverall: 4.6, dissatisfied: 1 },
  complaints: { opened: 2, closed: 1, openAtEnd: 3, escalated: 1, byCategory: [{ category: 'timeliness', count: 2 }] },
  parts: { swapped: 5, lines: [{ partNumber: 'HDD-500G', name: '硬盘 500G', qty: 3 }] },
  engineers: [{ name: '李强', resolved: 12, sla: rate(11, 12) }],
}

describe('报表: station report workbook', () => {
  it('has the title, the period, the figures and Chinese labels', async () => {
    const book = await read(await stationReportWorkbook(REPORT))
    const sheet = book.getWorksheet('客服工作报表')!
    expect(sheet.getCell('A1').value).toBe('昆明五华站 客服工作报表')
    expect(rowOf(sheet, '周四报表：周一至周三')).toBeDefined()
    expect(rowOf(sheet, '统计期间：2026-11-30 至 2026-12-02')).toBeDefined()
    expect(valuesUnder(sheet, '受理工单')).toEqual([42, 38, 9, 2])
    expect(rowOf(sheet, '打印机')).toEqual(['打印机', 22])
    expect(rowOf(sheet, '送修')).toEqual(['送修', 12])
    expect(rowOf(sheet, '到场')).toEqual(['到场', 27, 30, 0.9])
    expect(valuesUnder(sheet, '一次上门解决')).toEqual([24, 30, 0.8])
    expect(rowOf(sheet, '响应及时性')).toEqual(['响应及时性', 2])
    expect(rowOf(sheet, 'HDD-500G')).toEqual(['HDD-500G', '硬盘 500G', 3])
    let engineer: ExcelJS.Row | undefined
    sheet.eachRow((row) => row.getCell(1).value === '李强' && (engineer = row))
    expect(engineer!.getCell(5).numFmt).toBe('0.0%')
  })

  it('says when no parts were swapped', async () => {
    const book = await read(await stationReportWorkbook({ ...REPORT, dueOn: '2026-11-30', parts: { swapped: 0, lines: [] }, engineers: [] }))
    const sheet = book.getWorksheet('客服工作报表')!
    expect(rowOf(sheet, '周一报表：周四至周日')).toBeDefined()
    expect(rowOf(sheet, '本期没有更换备件')).toBeDefined()
    expect(rowOf(sheet, '本期没有工程师完成工单')).toBeDefined()
  })
})

const keyed = <K extends string>(key: K, label: string, tickets: number) => ({ key, label, tickets, respond: rate(tickets - 1, tickets), arrive: rate(tickets - 2, tickets), resolve: rate(tickets, tickets) })

const DASHBOARD: Dashboard = {
  from: '2026-01-01',
  to: '2026-12-03',
  tickets: 1200,
  sla: { respond: rate(1150, 1200), arrive: rate(800, 900), resolve: rate(1100, 1200) },
  byZone: [keyed('city', 'city', 800), keyed('county', 'county', 100)],
  byLevel: [keyed('critical', 'critical', 40)],
  byEngineer: [keyed('u-1', '王磊', 60)],
  responseMinutes: [
    { upTo: 30, count: 900 },
    { upTo: 240, count: 280 },
    { upTo: null, count: 20 },
  ],
  arrivalMinutes: [{ upTo: 120, count: 700 }, { upTo: null, count: 200 }],
  firstVisit: rate(750, 900),
  parts: [{ partNumber: 'KB-USB', name: 'USB 键盘', qty: 31 }],
  satisfaction: { surveys: 500, avgOverall: 4.5, distribution: [5, 10, 35, 150, 300], byMonth: [{ month: '2026-11', avg: 4.4, count: 60 }] },
  complaints: {
    total: 14,
    byCategory: [{ category: 'charges', count: 4 }],
    closeDays: [
      { upTo: 1, count: 6 },
      { upTo: 7, count: 7 },
      { upTo: null, count: 1 },
    ],
    avgCloseDays: 2.5,
  },
  byMonth: [{ month: '2026-11', tickets: 110, slaMet: 300, slaTotal: 320 }],
}

describe('报表: dashboard workbook', () => {
  it('has a sheet per chart with its figures', async () => {
    const book = await read(await dashboardWorkbook(DASHBOARD))
    const summary = book.getWorksheet('总览')!
    expect(summary.getCell('A1').value).toBe('仪表盘  2026-01-01 至 2026-12-03')
    expect(rowOf(summary, '响应达标率')).toEqual(['响应达标率', 1150, 1200, 1150 / 1200])
    expect(rowOf(summary, '完成工单')).toEqual(['完成工单', 1200])
    expect(rowOf(book.getWorksheet('按区域')!, '地州市县')?.slice(0, 2)).toEqual(['地州市县', 100])
    expect(rowOf(book.getWorksheet('按故障级别')!, '紧急')).toBeDefined()
    expect(rowOf(book.getWorksheet('按工程师')!, '王磊')?.slice(0, 5)).toEqual(['王磊', 60, 59, 60, 59 / 60])
    const times = rows(book.getWorksheet('时效分布')!)
    expect(times.map((r) => r[0])).toEqual(expect.arrayContaining(['30 分钟内', '4 小时内', '超过 4 小时']))
    expect(times.find((r) => r[0] === '30 分钟内')?.slice(3)).toEqual(['2 小时内', 700])
    expect(rowOf(book.getWorksheet('满意度')!, '5 分')?.slice(0, 2)).toEqual(['5 分', 300])
    const complaints = book.getWorksheet('投诉')!
    expect(rowOf(complaints, '收费')?.slice(0, 2)).toEqual(['收费', 4])
    expect(rows(complaints).some((r) => r[3] === '超过 7 天' && r[4] === 1)).toBe(true)
    expect(rowOf(book.getWorksheet('按月')!, '2026-11')).toEqual(['2026-11', 110, 300, 320, 300 / 320])
  })
})

const COMPLAINT: ComplaintSummary = {
  id: 'c-1',
  number: 'TS-2026-0007',
  receivedAt: '2026-11-20T02:15:00.000Z',
  customerId: 'cu-1',
  unitName: '五华区财政局',
  complainantName: '赵敏',
  complainantPhone: '13888001001',
  channel: 'survey',
  category: 'attitude',
  severity: 'major',
  description: '工程师态度生硬',
  status: 'closed',
  nextStep: null,
  ticketId: 't-1',
  ticketNumber: 'WH-20261118-0003',
  engineerId: 'u-1',
  engineerName: '王磊',
  dueOn: '2026-11-24',
  dueAt: '2026-11-24T15:59:59.999Z',
  hqAt: '2026-11-26T15:59:59.999Z',
  escalation: { level: 1, to: 'manager', reason: 'overdue', overdue: true },
  closedAt: '2026-11-25T08:00:00.000Z',
}
const STATS: ComplaintStats = {
  total: 1,
  closed: 1,
  closedOnTime: 0,
  avgCloseDays: 5,
  byCategory: [{ category: 'attitude', count: 1, closed: 1, avgCloseDays: 5 }],
  byEngineer: [{ engineerId: 'u-1', name: '王磊', count: 1 }],
  byMonth: [{ month: '2026-11', count: 1, closed: 1 }],
}

describe('报表: complaint register workbook', () => {
  it('lists each complaint in Chinese, then the statistics', async () => {
    const book = await read(await complaintsWorkbook([COMPLAINT], STATS, { from: '2026-11', to: '2026-11' }))
    const register = book.getWorksheet('投诉登记')!
    expect(register.getCell('A1').value).toBe('客户投诉登记表  2026-11')
    expect(rowOf(register, 'TS-2026-0007')).toEqual([
      'TS-2026-0007',
      '2026-11-20 10:15',
      '五华区财政局',
      '赵敏',
      '13888001001',
      '回访调查',
      '服务态度',
      '较重',
      '工程师态度生硬',
      '已关闭',
      'WH-20261118-0003',
      '王磊',
      '2026-11-24',
      '已升级至客服主任，超期',
      '2026-11-25 16:00',
    ])
    const stats = book.getWorksheet('统计')!
    expect(valuesUnder(stats, '投诉总数')).toEqual([1, 1, 0, 5])
    expect(rowOf(stats, '服务态度')).toEqual(['服务态度', 1, 1, 5])
    expect(rowOf(stats, '王磊')).toEqual(['王磊', 1])
  })

  it('names a range of months in its title', async () => {
    const book = await read(await complaintsWorkbook([], { ...STATS, total: 0, byCategory: [], byEngineer: [], byMonth: [] }, { from: '2026-01', to: '2026-12' }))
    expect(book.getWorksheet('投诉登记')!.getCell('A1').value).toBe('客户投诉登记表  2026-01 至 2026-12')
  })
})
