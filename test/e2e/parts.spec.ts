// 备件 as the clerk and the station manager use it on the last day of the month: two disks issued to an
// engineer, one swapped on a ticket (its bad part gets a return slip, printed to PDF), the other returned;
// then April is counted with one difference explained, both sign, the month locks and goes to Excel.
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host } from './host'

const PORT = 5297
// The last afternoon of April: the month can be closed.
const NOW = '2026-04-30T16:00+08:00'
const OUT = 'test-results/parts'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})

async function book(page: Page, mode: string, fill: (form: Locator) => Promise<void>): Promise<string> {
  await page.getByTestId(`open-${mode}`).click()
  await fill(page.getByRole('dialog'))
  await page.getByTestId('movement-save').click()
  await expect(page.getByRole('dialog')).toBeHidden()
  return (await page.getByRole('status').last().textContent()) ?? ''
}

test('a clerk issues, swaps and returns parts, prints the return slip, and with the manager closes April and exports it', async ({ page }) => {
  mkdirSync(OUT, { recursive: true })
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(host.url)
  await page.getByRole('button', { name: '备件', exact: true }).click()
  await expect(page.getByTestId('stock-table').locator('tr[data-part="HDD-500G"] td').nth(3)).toHaveText('3')

  // an open ticket of the station to swap on, as the dispatcher read it out
  const list = await page.request.post(`${host.url}/api/call`, { data: { method: 'tickets.list', input: { openOnly: true, limit: 5 } } })
  const ticket = ((await list.json()).value.rows as { id: string; number: string }[])[0]!

  // 1. 申领: two 500 GB disks to the engineer, the clerk and the manager sign
  const issued = await book(page, 'issue', async (form) => {
    await form.getByLabel('备件', { exact: true }).selectOption('part-hdd-500')
    await form.getByLabel('数量').fill('2')
    await form.getByLabel('工程师', { exact: true }).selectOption({ index: 1 })
    await expect(form.getByLabel('商务专员签字')).toHaveValue('st-wh-clerk')
    await expect(form.getByLabel('客服主任签字')).toHaveValue('st-wh-manager')
  })
  expect(issued).toContain('已申领')
  const engineerName = (await page.request.post(`${host.url}/api/call`, { data: { method: 'parts.people', input: {} } }).then((r) => r.json())).value.find((p: { role: string }) => p.role === 'engineer').name as string

  // 2. 更换: one goes into the customer's machine; the bad one comes back with a return slip
  const swapped = await book(page, 'swap', async (form) => {
    await form.getByLabel('工单号').fill(ticket.number)
    await form.getByLabel('备件', { exact: true }).selectOption('part-hdd-500')
    await form.getByLabel('工程师', { exact: true }).selectOption({ index: 1 })
    await form.getByLabel('故障现象').fill('硬盘有坏道，开机自检报 SMART 错误')
  })
  const slip = /返修单 (FX-\S+)/.exec(swapped)![1]!
  expect(slip).toMatch(/^FX-WH1-260430-\d{3}$/)

  // 3. 退库: the other one comes back unused
  expect(
    await book(page, 'returnGood', async (form) => {
      await form.getByLabel('备件', { exact: true }).selectOption('part-hdd-500')
      await form.getByLabel('数量').fill('1')
      await form.getByLabel('工程师', { exact: true }).selectOption({ index: 1 })
    }),
  ).toContain('已退库')
  // the shelf: 3 − 2 + 1; one bad disk waits to go back
  const hdd = page.getByTestId('stock-table').locator('tr[data-part="HDD-500G"] td')
  await expect(hdd.nth(3)).toHaveText('2')
  await expect(hdd.nth(5)).toHaveText('1')
  await page.screenshot({ path: `${SCREENS}/parts-stock.png` })

  // the ledger names who signed each movement
  await page.getByRole('tab', { name: '台帐' }).click()
  await expect(page.locator('.ledger-row[data-kind="issue"]').first()).toContainText('商务专员 李晓梅 · 客服主任 杨建华')
  // filtered by the ticket: only the swap on it
  await page.getByTestId('ledger-ticket').fill(ticket.number)
  await page.getByTestId('ledger-ticket').press('Enter')
  await expect(page.locator('.ledger-row')).toHaveCount(1)
  await expect(page.locator('.ledger-row').first()).toHaveAttribute('data-kind', 'swap')
  await page.screenshot({ path: `${SCREENS}/parts-ledger.png` })

  // the shelf runs low: a request to the branch, waiting for its approval
  await page.getByRole('tab', { name: '申请与鉴定' }).click()
  await page.getByTestId('requests').waitFor()
  await page.locator('.request-line select').first().selectOption('part-hdd-500')
  await page.locator('.request-line input').first().fill('4')
  await page.getByLabel('申请理由').fill('硬盘更换量大，好件只剩 2 块')
  await page.getByRole('button', { name: '提交申请' }).click()
  await expect(page.getByTestId('requests').locator('tbody tr').first()).toContainText('HDD-500G × 4')
  await expect(page.getByTestId('requests').locator('tbody tr').first()).toContainText('待分公司审批')
  await page.screenshot({ path: `${SCREENS}/parts-requests.png` })

  // 4. the return slip, printed to PDF: A5, two copies, its number as a barcode
  await page.getByRole('tab', { name: '返修单' }).click()
  const row = page.locator(`tr[data-slip="${slip}"]`)
  await expect(row).toContainText('硬盘有坏道')
  await row.getByRole('button', { name: '打印返修单' }).click()
  await expect(page.getByTestId('printed-slip')).toHaveCount(2)
  await expect(page.getByTestId('barcode').first()).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/parts-return-slip-preview.png` })
  const pdf = join(OUT, 'return-slip.pdf')
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  expect(info).toMatch(/Pages:\s+2/)
  expect(info).toMatch(/Page size:\s+420 x 595|Page size:\s+419\.\d+ x 595|Page size:\s+420 x 594/)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  for (const s of ['备品备件返修单', '昆明五华站', slip, 'HDD-500G', ticket.number, engineerName, '硬盘有坏道，开机自检报 SMART 错误', '第一联', '第二联', '客服主任签字']) expect(text).toContain(s)
  execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(OUT, 'return-slip')])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('printed-slip')).toHaveCount(0)

  // the ticket shows the part swapped on it and the bad part still to go back
  await page.getByRole('button', { name: '工单', exact: true }).click()
  await page.getByLabel('搜索工单').fill(ticket.number)
  await page.getByRole('row').filter({ hasText: ticket.number }).click()
  await expect(page.getByTestId('ticket-parts')).toContainText(`更换（坏件收回） HDD-500G 硬盘 × 1 · ${engineerName}`)
  await expect(page.getByTestId('ticket-parts')).toContainText(`${slip} · HDD-500G · 待返库`)
  await page.screenshot({ path: `${SCREENS}/parts-on-ticket.png` })
  await page.getByRole('button', { name: '备件', exact: true }).click()

  // 5. 月度对帐 for April: the books, one keyboard short on the shelf, explained; both sign
  await page.getByRole('tab', { name: '月度对帐' }).click()
  await expect(page.getByTestId('recon-month')).toHaveValue('2026-04')
  const hddShelf = page.locator('tr[data-line="HDD-500G|shelf|"] td')
  // in: 6 from the branch and the one returned; out: 3 issued by the demo, 2 today
  await expect(hddShelf.nth(4)).toHaveText('7')
  await expect(hddShelf.nth(5)).toHaveText('5')
  await expect(hddShelf.nth(6)).toHaveText('2')
  await page.getByRole('button', { name: '未盘点的按账面填入' }).click()
  // the keyboards are counted by scanning: eleven scans of the part number
  await page.getByLabel('KB-USB-01 实盘数').fill('')
  for (let i = 0; i < 11; i++) {
    await page.getByTestId('recon-scan').fill('KB-USB-01')
    await page.getByTestId('recon-scan').press('Enter')
  }
  await expect(page.getByLabel('KB-USB-01 实盘数')).toHaveValue('11')
  await expect(page.getByTestId('recon-summary')).toContainText('差异 1 行，未盘点 0 行')
  // signing without the reason is refused in Chinese, and nothing is signed
  await page.getByTestId('recon-signer').selectOption('st-wh-clerk')
  await page.getByTestId('recon-sign').click()
  await expect(page.getByRole('alert')).toHaveText('键盘 KB-USB-01 盘点差异 -1 件，请写明原因')
  await expect(page.getByTestId('signatures')).toContainText('商务专员：未签字')
  await page.getByLabel('KB-USB-01 差异原因').fill('包装内缺一只，已报分公司')
  await page.getByTestId('recon-sign').click()
  await expect(page.getByTestId('signatures')).toContainText('商务专员：李晓梅')
  await page.getByTestId('recon-signer').selectOption('st-wh-manager')
  await page.getByTestId('recon-sign').click()
  await expect(page.getByTestId('recon-locked')).toContainText('本月已封账')
  await page.screenshot({ path: `${SCREENS}/parts-reconciliation.png`, fullPage: true })

  // a locked month takes no more movements
  const late = await page.request.post(`${host.url}/api/call`, { data: { method: 'parts.receive', input: { partId: 'part-kb-usb', qty: 1, reference: '' } } })
  expect((await late.json()).error.message).toBe('2026-04 已对帐封账，不能再改；请在下月做更正分录')

  // 6. the workbook the branch gets
  const download = page.waitForEvent('download')
  await page.getByTestId('recon-export').click()
  const file = join(OUT, (await download).suggestedFilename())
  await (await download).saveAs(file)
  expect(file).toMatch(/WH-月度对帐-2026-04\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.getWorksheet('月度对帐')!
  expect(sheet.getCell('A1').value).toBe('昆明五华站 备品备件月度对帐表  2026-04')
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][]
  const kb = rows.find((r) => r[1] === 'KB-USB-01' && r[3] === '在库好件')!
  expect([...kb.slice(1, 4), ...kb.slice(5, 12)]).toEqual(['KB-USB-01', '键盘', '在库好件', 0, 12, 0, 12, 11, -1, '包装内缺一只，已报分公司'])
  const disks = rows.find((r) => r[1] === 'HDD-500G' && r[3] === '在库好件')!
  expect(disks.slice(5, 11)).toEqual([0, 7, 5, 2, 2, 0])
  expect(rows.find((r) => r[1] === '商务专员签字')![2]).toMatch(/^李晓梅 2026-04-30 16:0\d$/)
  expect(rows.find((r) => r[1] === '客服主任签字')![2]).toMatch(/^杨建华 /)

  // the movements are in the desk's file and wait in its outbox for the server
  const db = new Database(join(host.dataDir, 'desk.sqlite'), { readonly: true })
  const kinds = (db.prepare("SELECT kind FROM part_movements WHERE at >= '2026-04-30T00:00:00Z' ORDER BY at, id").all() as { kind: string }[]).map((r) => r.kind)
  expect(kinds).toEqual(['issue', 'swap', 'return_good'])
  const outbox = (db.prepare("SELECT name FROM outbox WHERE name LIKE 'parts.%' OR name LIKE 'recon.%' ORDER BY mutation_id").all() as { name: string }[]).map((r) => r.name)
  expect(outbox).toEqual(['parts.issue', 'parts.swap', 'parts.returnGood', 'parts.request', 'recon.count', 'recon.count', 'recon.sign', 'recon.sign'])
  db.close()
  expect(problems).toEqual([])
})
