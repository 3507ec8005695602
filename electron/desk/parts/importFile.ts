// A parts catalogue or price list from a spreadsheet saved as CSV: 编号,名称,型号,类别,档次,成本,保外价
// (money in yuan, 类别 in Chinese or as its code), or the same columns in an .xlsx workbook. Every line is
// checked; one bad line and nothing is imported.
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { ruleError } from '../../../shared/api/errors'
import { PART_CATEGORIES, type PartCategory } from '../../../shared/domain/parts'
import { translate, zhCN } from '../../../shared/i18n'
import { PartFields } from '../../../shared/mutators/parts'

const CATEGORY_OF = new Map<string, PartCategory>([
  ...PART_CATEGORIES.map((c) => [c, c] as const),
  ...PART_CATEGORIES.map((c) => [zhCN.enums.component[c], c] as const),
])

const COLUMN: Record<string, string> = { number: '编号', name: '名称', model: '型号', category: '类别', grade: '档次', unitCost: '成本', price: '保外价' }

/** "350", "350.5", "¥1,200.00" → fen; NaN when it is not an amount. */
function fen(text: string): number {
  const s = text.replace(/[¥￥,\s元]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN
  return Math.round(Number(s) * 100)
}

export function parsePartsCsv(text: string): PartFields[] {
  return partsOfRows(Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data)
}

/** The first sheet of a workbook, read as the same columns (a cell's shown text: numbers as typed). */
export async function parsePartsXlsx(bytes: Buffer): Promise<PartFields[]> {
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw ruleError('errors.parts.importNotXlsx')
  }
  const sheet = book.worksheets[0]
  const rows: string[][] = []
  sheet?.eachRow({ includeEmpty: false }, (row) => rows.push(Array.from({ length: 7 }, (_, i) => row.getCell(i + 1).text ?? '')))
  return partsOfRows(rows)
}

function partsOfRows(rows: string[][]): PartFields[] {
  const parts: PartFields[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  rows.forEach((cells, i) => {
    const [number = '', name = '', model = '', category = '', grade = '', cost = '', price = ''] = cells.map((c) => c.trim())
    if (i === 0 && /编号|number/i.test(number)) return // the header line
    const line = i + 1
    const parsed = PartFields.safeParse({ number, name, model, category: CATEGORY_OF.get(category) ?? category, grade: Number(grade || '1'), unitCost: fen(cost), price: fen(price) })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return void problems.push(`第 ${line} 行${COLUMN[String(issue.path[0])] ?? ''}：${translate(zhCN, issue.message)}`)
    }
    if (seen.has(parsed.data.number)) return void problems.push(`第 ${line} 行：编号 ${parsed.data.number} 重复`)
    seen.add(parsed.data.number)
    parts.push(parsed.data)
  })
  if (problems.length) throw ruleError('errors.parts.importProblems', { count: problems.length, detail: problems.slice(0, 5).join('；') })
  if (parts.length === 0) throw ruleError('errors.parts.importEmpty')
  return parts
}
