// The customer's printed forms in Chromium: a repair slip (A4, two copies, both codes, the drawn
// signature, the amount in figures and in capitals) and its 补打 after a print; the take-in receipt on A5
// and two to an A4 page; the day's batch from the 工单 page. Each printed to PDF and read back.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { RepairSlipDoc } from '../../shared/api/closeoutSchemas'
import { SCREENS, newDataDir, startHost, type Host } from './host'
import { SLIPS_DAY, SLIPS_NOW, makeSlipsData } from './slipsData'

const PORT = 5298
const OUT = 'test-results/slips'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})

async function pdf(page: Page, name: string): Promise<{ info: string; text: string }> {
  const file = join(OUT, `${name}.pdf`)
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  execFileSync('pdftoppm', ['-r', '80', '-png', file, join(OUT, name)])
  return { info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) }
}
const A4 = /Page size:\s+(595|594\.96) x (842|841\.92)/
const A5 = /Page size:\s+(420|419\.\d+) x (595|594\.96)/
const pages = (info: string) => Number(/Pages:\s+(\d+)/.exec(info)?.[1])

test('repair slips and the take-in receipt print with both codes, the signature, the amount in capitals, 补打 after a print, and a day in a batch', async ({ page }) => {
  mkdirSync(OUT, { recursive: true })
  const dataDir = newDataDir()
  const { closed, carry } = makeSlipsData(dataDir, 3)
  host = await startHost(dataDir, PORT, { DESK_NOW: SLIPS_NOW })
  const call = async <T,>(method: string, input: unknown): Promise<T> => ((await (await page.request.post(`${host.url}/api/call`, { data: { method, input } })).json()) as { value: T }).value
  const slip = await call<RepairSlipDoc>('closeout.slip', { ticketId: carry.ticketId })
  // the browser's own print dialog would hold a headless page: counted instead
  await page.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1 }')
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))

  // 1. the carry-in's 维修单, opened by its link: A4, two copies, one a page
  await page.goto(`${host.url}/#print/repair-slip/${carry.ticketId}`)
  const copies = page.getByTestId('printed-repair-slip')
  await expect(copies).toHaveCount(2)
  await expect(copies.first().getByTestId('barcode')).toBeVisible()
  await expect(copies.first().getByTestId('qrcode')).toBeVisible()
  await expect(copies.first().getByTestId('slip-signature').locator('img')).toBeVisible()
  await expect(page.getByTestId('reprint-mark')).toHaveCount(0)
  const capitals = (await copies.first().getByTestId('slip-capitals').textContent())!
  expect(capitals).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/)
  await page.screenshot({ path: `${SCREENS}/slips-repair-preview.png` })
  const one = await pdf(page, 'repair-slip')
  expect(pages(one.info)).toBe(2)
  expect(one.info).toMatch(A4)
  for (const s of ['昆明五华站', '维修单', slip.ticketNumber, '五华区人民医院信息科', '主板供电芯片烧毁', slip.lines[0]!.slipNumber, `¥ ${(slip.charges.total / 100).toFixed(2)}`, capitals, '第一联', '客户留存', '第二联', '服务站留存', '王主任', '以上维修已当面复验，故障已排除', '工程师签字'])
    expect(one.text).toContain(s)
  expect(one.text).not.toContain('补打')

  // printed: recorded, and the preview now says what the next print will be
  await page.getByTestId('print-now').click()
  await expect(page.getByTestId('reprint-mark')).toHaveCount(2)
  await expect(copies.first()).toContainText('第 2 次打印')
  expect(await page.evaluate('window.__printed')).toBe(1)
  expect((await call<RepairSlipDoc>('closeout.slip', { ticketId: carry.ticketId })).printCount).toBe(1)
  await page.getByTestId('print-paper').selectOption('a5')
  const a5 = await pdf(page, 'repair-slip-a5')
  expect(a5.info).toMatch(A5)
  expect(pages(a5.info)).toBe(2)
  expect(a5.text).toContain('补打')
  await page.keyboard.press('Escape')
  await expect(copies).toHaveCount(0)

  // 2. the take-in receipt: A5, two copies; then both on one A4 page
  await page.evaluate(`location.hash = '#print/take-in/${carry.carryInId}'`)
  const receipts = page.getByTestId('printed-take-in')
  await expect(receipts).toHaveCount(2)
  await expect(receipts.first().getByTestId('receipt-tag')).toContainText('WH-0087')
  const r5 = await pdf(page, 'take-in-a5')
  expect(r5.info).toMatch(A5)
  expect(pages(r5.info)).toBe(2)
  for (const s of ['取机凭证', carry.receiptNumber, slip.ticketNumber, 'WH-0087', '缺：电源适配器', '多：电脑包、U 盘（8G）', '取机时请出示本凭证', '逾期未修复将提前通知并每两天告知进度', '2026-11-23', '收机人签字'])
    expect(r5.text).toContain(s)
  await page.getByTestId('print-paper').selectOption('a4')
  await expect(page.locator('.sheet.duo[data-packed="true"]')).toHaveCount(1)
  await expect(receipts).toHaveCount(2)
  await page.screenshot({ path: `${SCREENS}/slips-take-in-a4.png` })
  const r4 = await pdf(page, 'take-in-a4')
  expect(r4.info).toMatch(A4)
  expect(pages(r4.info)).toBe(1)
  await page.getByTestId('print-two-copies').uncheck()
  await expect(receipts).toHaveCount(1)
  await page.keyboard.press('Escape')

  // 3. the day's batch from the 工单 page: every slip of the day, each copy on its own page
  await page.getByRole('button', { name: '工单', exact: true }).click()
  await expect(page.getByTestId('batch-print-day')).toHaveValue(SLIPS_DAY)
  await page.getByTestId('batch-print').click()
  await expect(page.getByTestId('print-info')).toHaveText(`${SLIPS_DAY} 完工的维修单共 ${closed.length + 1} 份`)
  await expect(copies).toHaveCount((closed.length + 1) * 2)
  const day = await pdf(page, 'repair-slips-day')
  expect(pages(day.info)).toBe((closed.length + 1) * 2)
  for (const c of closed) expect(day.text).toContain(c.number)
  await page.getByTestId('print-now').click()
  await expect(page.getByTestId('reprint-mark')).toHaveCount((closed.length + 1) * 2)
  const after = await call<RepairSlipDoc[]>('closeout.slipsOfDay', { day: SLIPS_DAY })
  expect(after.map((s) => s.printCount).sort()).toEqual([...closed.map(() => 1), 2])
  await page.keyboard.press('Escape')

  // a day without close-outs says so, and has nothing to print
  await page.getByTestId('batch-print-day').fill('2026-11-19')
  await page.getByTestId('batch-print').click()
  await expect(page.getByTestId('print-info')).toHaveText('2026-11-19 没有完工的维修单')
  await expect(page.getByTestId('print-now')).toBeDisabled()
  await page.keyboard.press('Escape')

  // a ticket not closed out: the toolbar says so, nothing to print
  await page.evaluate(`location.hash = '#print/repair-slip/no-such-ticket'`)
  await expect(page.locator('.print-tools').getByRole('alert')).toHaveText('找不到该记录')
  await expect(page.getByTestId('print-now')).toBeDisabled()
  expect(problems).toEqual([])
})
