// 月度对帐 as the branch files it: one sheet, the station and month on top, a line per part, place and
// holder (期初 + 收入 − 发出 = 结存, then 实盘 and 差异 with its reason), and both signatures at the foot.
import ExcelJS from 'exceljs'
import type { ReconciliationView } from '../../../shared/api/partsSchemas'
import { localDateTime } from '../../../shared/domain/time'
import { zhCN } from '../../../shared/i18n'

const HEADER = ['备件编号', '名称', '位置', '持有人', '期初', '本月收入', '本月发出', '账面结存', '实盘', '差异', '差异原因']
const WIDTHS = [16, 22, 14, 12, 8, 10, 10, 10, 8, 8, 30]

export async function reconciliationWorkbook(view: ReconciliationView): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '服务调度台'
  const sheet = book.addWorksheet('月度对帐', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  sheet.mergeCells(1, 1, 1, HEADER.length)
  sheet.getCell(1, 1).value = `${view.station.name} 备品备件月度对帐表  ${view.month}`
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  sheet.getCell(1, 1).alignment = { horizontal: 'center' }
  const head = sheet.addRow(HEADER)
  head.font = { bold: true }
  head.eachCell((c) => (c.border = { bottom: { style: 'thin' } }))
  for (const l of view.lines) {
    sheet.addRow([l.partNumber, l.partName, zhCN.enums.stockPlace[l.place], l.holderName, l.opening, l.received, l.sent, l.expected, l.counted, l.counted === null ? null : l.difference, l.reason || null])
  }
  const totals = (k: 'opening' | 'received' | 'sent' | 'expected' | 'difference') => view.lines.reduce((s, l) => s + l[k], 0)
  const sum = sheet.addRow(['合计', '', '', '', totals('opening'), totals('received'), totals('sent'), totals('expected'), view.lines.reduce((s, l) => s + (l.counted ?? 0), 0), totals('difference'), ''])
  sum.font = { bold: true }
  sheet.addRow([])
  const signed = (who: { name: string; at: string } | null) => (who ? `${who.name} ${localDateTime(who.at)}` : null)
  sheet.addRow(['商务专员签字', signed(view.clerk)])
  sheet.addRow(['客服主任签字', signed(view.manager)])
  sheet.addRow(['封账', view.lockedAt ? localDateTime(view.lockedAt) : '未封账'])
  return Buffer.from(await book.xlsx.writeBuffer())
}
