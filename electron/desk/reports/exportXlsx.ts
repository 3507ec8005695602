// 报表 as the branch files them: the Monday/Thursday 客服工作报表 on one sheet in the printed report's
// sections, the dashboard's figures a sheet per chart, and the complaint register with its statistics.
// Chinese whatever the desk's language: the branch reads these.
import ExcelJS from 'exceljs'
import type { ComplaintStats, ComplaintSummary, Dashboard, Rate, StationReport } from '../../../shared/api/followUpSchemas'
import { bucketLabel } from '../../../shared/domain/followUp'
import { localDateTime } from '../../../shared/domain/time'
import { translate, zhCN } from '../../../shared/i18n'

const L = zhCN.reports
const S = L.station
const D = L.dashboard
const CLOCKS = ['respond', 'arrive', 'resolve'] as const
const PERCENT = '0.0%'

type Cell = string | number | null
const tr = (key: string, params?: Record<string, unknown>) => translate(zhCN, key, params)

function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  book.creator = '服务调度台'
  return book
}

function newSheet(book: ExcelJS.Workbook, name: string, title: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = widths.map((width) => ({ width }))
  sheet.mergeCells(1, 1, 1, widths.length)
  const cell = sheet.getCell(1, 1)
  cell.value = title
  cell.font = { bold: true, size: 14 }
  cell.alignment = { horizontal: 'center' }
  return sheet
}

/** Met out of total as a fraction Excel shows as a percentage; empty when nothing was measured. */
const ratio = (r: Rate): number | null => (r.total ? r.met / r.total : null)

function heading(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([])
  const row = sheet.addRow([text])
  row.font = { bold: true, size: 12 }
}

/** A header row and its rows; columns listed in `percent` (1-based) are formatted as percentages. */
function table(sheet: ExcelJS.Worksheet, header: string[], rows: Cell[][], percent: number[] = []): void {
  const head = sheet.addRow(header)
  head.font = { bold: true }
  head.eachCell((c) => (c.border = { bottom: { style: 'thin' } }))
  for (const r of rows) {
    const row = sheet.addRow(r)
    for (const col of percent) row.getCell(col).numFmt = PERCENT
  }
}

const rateCells = (r: Rate): Cell[] => [r.met, r.total, ratio(r)]

const modeLabel = (mode: string): string => (zhCN.enums.serviceMode as Record<string, string>)[mode] ?? mode

export async function stationReportWorkbook(report: StationReport): Promise<Buffer> {
  const book = newBook()
  const sheet = newSheet(book, S.title, `${report.station.name} ${S.title}`, [26, 12, 12, 12, 12])
  const weekday = new Date(`${report.dueOn}T00:00:00Z`).getUTCDay()
  sheet.addRow([weekday === 1 ? S.monday : S.thursday])
  sheet.addRow([tr('reports.station.period', { from: report.from, to: report.to })])
  sheet.addRow([tr('reports.station.due', { day: report.dueOn })])
  sheet.addRow([tr('reports.station.generated', { at: localDateTime(report.generatedAt) })])
  if (!report.complete) sheet.addRow([tr('reports.station.partial', {})])

  const tk = report.tickets
  heading(sheet, S.tickets)
  table(sheet, [S.received, S.resolved, S.openAtEnd, S.overdueAtEnd], [[tk.received, tk.resolved, tk.openAtEnd, tk.overdueAtEnd]])
  sheet.addRow([])
  table(sheet, [S.byCategory, L.count], tk.byCategory.map((c) => [zhCN.enums.category[c.category], c.count]))
  sheet.addRow([])
  table(sheet, [S.byMode, L.count], tk.byMode.map((m) => [modeLabel(m.mode), m.count]))

  heading(sheet, S.sla)
  table(sheet, [S.clock, L.met, L.total, L.rate], CLOCKS.map((k) => [zhCN.enums.clock[k], ...rateCells(report.sla[k])]), [4])

  heading(sheet, S.firstVisit)
  table(sheet, [S.firstVisitMet, S.firstVisitTotal, L.rate], [rateCells(report.firstVisit)], [3])

  const v = report.visits
  heading(sheet, S.visits)
  table(sheet, [S.owed, S.done, S.late, S.dissatisfied], [[v.owed, v.done, v.late, v.dissatisfied]])
  sheet.addRow([S.avgOverall, v.avgOverall])

  const c = report.complaints
  heading(sheet, S.complaints)
  table(sheet, [S.opened, S.closed, S.stillOpen, S.escalated], [[c.opened, c.closed, c.openAtEnd, c.escalated]])
  sheet.addRow([])
  table(sheet, [D.complaintsByCategory, L.count], c.byCategory.map((x) => [zhCN.enums.complaintCategory[x.category], x.count]))

  heading(sheet, S.parts)
  sheet.addRow([S.swapped, report.parts.swapped])
  if (report.parts.lines.length) table(sheet, [S.partNumber, S.partName, S.qty], report.parts.lines.map((l) => [l.partNumber, l.name, l.qty]))
  else sheet.addRow([S.noParts])

  heading(sheet, S.engineers)
  if (report.engineers.length) table(sheet, [S.engineer, S.resolved, `SLA ${L.met}`, `SLA ${L.total}`, `SLA ${L.rate}`], report.engineers.map((e) => [e.name, e.resolved, ...rateCells(e.sla)]), [5])
  else sheet.addRow([S.noEngineers])

  sheet.addRow([])
  sheet.addRow([S.preparedBy, '', S.approvedBy])
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** By zone, level or engineer: tickets and each clock's met / total / rate. */
function slaSheet(book: ExcelJS.Workbook, name: string, title: string, keyHeading: string, rows: { label: string; tickets: number; respond: Rate; arrive: Rate; resolve: Rate }[]): void {
  const sheet = newSheet(book, name, title, [18, 10, ...CLOCKS.flatMap(() => [9, 9, 10])])
  const header = [keyHeading, D.tickets, ...CLOCKS.flatMap((k) => [`${zhCN.enums.clock[k]}${L.met}`, `${zhCN.enums.clock[k]}${L.total}`, tr('reports.clockRate', { clock: zhCN.enums.clock[k] })])]
  table(sheet, header, rows.map((r) => [r.label, r.tickets, ...CLOCKS.flatMap((k) => rateCells(r[k]))]), [5, 8, 11])
}

export async function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const book = newBook()
  const range = `${d.from} 至 ${d.to}`
  const summary = newSheet(book, '总览', `${L.tab.dashboard}  ${range}`, [24, 12, 12, 12])
  table(summary, ['', L.met, L.total, L.rate], [...CLOCKS.map((k) => [tr('reports.clockRate', { clock: zhCN.enums.clock[k] }), ...rateCells(d.sla[k])]), [D.firstVisit, ...rateCells(d.firstVisit)]], [4])
  summary.addRow([])
  summary.addRow([D.tickets, d.tickets])
  summary.addRow([D.avgSatisfaction, d.satisfaction.avgOverall])
  summary.addRow([D.surveysCount, d.satisfaction.surveys])
  summary.addRow([D.complaints, d.complaints.total])
  summary.addRow([D.closeDaysAvg, d.complaints.avgCloseDays])

  slaSheet(book, '按区域', D.slaByZone, D.zone, d.byZone.map((r) => ({ ...r, label: zhCN.enums.zone[r.key] })))
  slaSheet(book, '按故障级别', D.slaByLevel, D.level, d.byLevel.map((r) => ({ ...r, label: zhCN.enums.faultLevel[r.key] })))
  slaSheet(book, '按工程师', D.slaByEngineer, D.engineer, d.byEngineer.map((r) => ({ ...r, label: r.label || D.unassigned })))

  const times = newSheet(book, '时效分布', `${D.responseTime} / ${D.arrivalTime}`, [18, 12, 4, 18, 12])
  const longest = Math.max(d.responseMinutes.length, d.arrivalMinutes.length)
  table(
    times,
    [D.responseTime, L.count, '', D.arrivalTime, L.count],
    Array.from({ length: longest }, (_, i) => [
      d.responseMinutes[i] ? bucketLabel(tr, d.responseMinutes, i, 'minutes') : null,
      d.responseMinutes[i]?.count ?? null,
      null,
      d.arrivalMinutes[i] ? bucketLabel(tr, d.arrivalMinutes, i, 'minutes') : null,
      d.arrivalMinutes[i]?.count ?? null,
    ]),
  )

  const parts = newSheet(book, '备件', D.parts, [18, 26, 10])
  table(parts, [S.partNumber, S.partName, S.qty], d.parts.map((p) => [p.partNumber, p.name, p.qty]))

  const sat = newSheet(book, '满意度', D.satisfaction, [14, 10, 4, 14, 10, 10])
  const monthly = d.satisfaction.byMonth
  table(
    sat,
    [D.satisfaction, L.count, '', D.month, D.average, D.surveysCount],
    Array.from({ length: Math.max(d.satisfaction.distribution.length, monthly.length) }, (_, i) => [
      i < d.satisfaction.distribution.length ? tr('reports.dashboard.score', { n: i + 1 }) : null,
      d.satisfaction.distribution[i] ?? null,
      null,
      monthly[i]?.month ?? null,
      monthly[i]?.avg ?? null,
      monthly[i]?.count ?? null,
    ]),
  )

  const comp = newSheet(book, '投诉', D.complaints, [18, 10, 4, 18, 10])
  const cats = d.complaints.byCategory
  table(
    comp,
    [D.complaintsByCategory, L.count, '', D.closeDays, L.count],
    Array.from({ length: Math.max(cats.length, d.complaints.closeDays.length) }, (_, i) => [
      cats[i] ? zhCN.enums.complaintCategory[cats[i].category] : null,
      cats[i]?.count ?? null,
      null,
      d.complaints.closeDays[i] ? bucketLabel(tr, d.complaints.closeDays, i, 'days') : null,
      d.complaints.closeDays[i]?.count ?? null,
    ]),
  )

  const months = newSheet(book, '按月', D.byMonth, [12, 10, 10, 10, 12])
  table(months, [D.month, D.tickets, `SLA ${L.met}`, `SLA ${L.total}`, D.slaRate], d.byMonth.map((m) => [m.month, m.tickets, m.slaMet, m.slaTotal, ratio({ met: m.slaMet, total: m.slaTotal })]), [5])
  return Buffer.from(await book.xlsx.writeBuffer())
}

const REGISTER = ['投诉编号', '受理时间', '客户单位', '投诉人', '联系电话', '渠道', '类别', '严重程度', '投诉内容', '状态', '关联工单', '责任工程师', '处理期限', '升级', '关闭时间']
const REGISTER_WIDTHS = [16, 17, 24, 10, 14, 12, 12, 9, 40, 11, 16, 11, 12, 16, 17]

/** 客户投诉处理记录 for the months asked: a line per complaint, then the statistics. */
export async function complaintsWorkbook(rows: ComplaintSummary[], stats: ComplaintStats, range: { from: string; to: string }): Promise<Buffer> {
  const book = newBook()
  const months = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`
  const register = newSheet(book, '投诉登记', `客户投诉登记表  ${months}`, REGISTER_WIDTHS)
  register.pageSetup.orientation = 'landscape'
  const e = zhCN.enums
  table(
    register,
    REGISTER,
    rows.map((c) => [
      c.number,
      localDateTime(c.receivedAt),
      c.unitName,
      c.complainantName,
      c.complainantPhone,
      e.complaintChannel[c.channel],
      e.complaintCategory[c.category],
      e.complaintSeverity[c.severity],
      c.description,
      e.complaintStatus[c.status],
      c.ticketNumber,
      c.engineerName,
      c.dueOn,
      [c.escalation.to ? e.escalatedTo[c.escalation.to] : '', c.escalation.overdue ? '超期' : ''].filter(Boolean).join('，') || null,
      c.closedAt ? localDateTime(c.closedAt) : null,
    ]),
  )
  register.getColumn(9).alignment = { wrapText: true, vertical: 'top' }

  const sheet = newSheet(book, '统计', `投诉统计  ${months}`, [20, 10, 10, 14])
  table(sheet, ['投诉总数', '已关闭', '按期关闭', '平均结案天数'], [[stats.total, stats.closed, stats.closedOnTime, stats.avgCloseDays]])
  heading(sheet, D.complaintsByCategory)
  table(sheet, [D.complaintsByCategory, L.count, S.closed, D.closeDaysAvg], stats.byCategory.map((c) => [e.complaintCategory[c.category], c.count, c.closed, c.avgCloseDays]))
  heading(sheet, '按责任工程师')
  table(sheet, [S.engineer, L.count], stats.byEngineer.map((x) => [x.name, x.count]))
  heading(sheet, '按月')
  table(sheet, [D.month, L.count, S.closed], stats.byMonth.map((m) => [m.month, m.count, m.closed]))
  return Buffer.from(await book.xlsx.writeBuffer())
}
