// 完工 as the dispatcher takes it down when the engineer phones in "done": the disk he swapped (from
// what he holds), the charges the warranty rules give, the customer's signature drawn with the mouse;
// then the repair slip printed to PDF. And a carry-in at the counter that prints its take-in receipt.
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SCREENS, newDataDir, showTickets, startHost, type Host } from './host'

const PORT = 5311
// Friday 20 November 2026, 10:30 in Kunming
const NOW = '2026-11-20T10:30+08:00'
const OUT = 'test-results/closeout'
/** 华为 MateBook D14 of the hospital, bought 2022-11-11: out of warranty. */
const LAPTOP_2022 = 'st-wh-cus-0001-as-2'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})


/** Draws a signature on the pad with the mouse: two strokes. */
async function sign(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!
  const strokes = [
    [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
    [[0.55, 0.5], [0.7, 0.3], [0.8, 0.6], [0.9, 0.4]],
  ]
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!
    await page.mouse.move(box.x + box.width * x0!, box.y + box.height * y0!)
    await page.mouse.down()
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + box.width * x!, box.y + box.height * y!, { steps: 6 })
    await page.mouse.up()
  }
}

test('the dispatcher closes out a job with a disk swapped and a drawn signature, and prints the repair slip', async ({ page }) => {
  mkdirSync(OUT, { recursive: true })
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  // the browser's own print dialog would hold a headless page
  await page.addInitScript('window.print = () => undefined')
  await page.goto(host.url)

  // the engineer 刘平 holds one 500 GB disk; the hospital's old laptop fails and he is sent, and arrives
  const { id, number } = await host.call<{ id: string; number: string }>('ticket.create', {
    customerId: 'st-wh-cus-0001',
    reporterPhone: '13888000001',
    assetId: LAPTOP_2022,
    faultDescription: '笔记本开机后硬盘灯常亮，系统无法进入',
    category: 'laptop',
    faultLevel: 'general',
    channel: 'phone',
    serviceMode: 'onsite',
  })
  await host.call('ticket.assign', { ticketId: id, engineerId: 'st-wh-eng-01', appointmentStart: '2026-11-20T01:30:00.000Z', appointmentEnd: '2026-11-20T02:30:00.000Z' })
  await host.call('ticket.arrive', { ticketId: id })

  await showTickets(page)
  await page.getByLabel('搜索工单').fill(number)
  await page.getByRole('row').filter({ hasText: number }).click()
  const detail = page.getByRole('complementary', { name: '工单详情' })
  await detail.getByTestId('job-step-finish').click()

  const form = page.getByRole('dialog', { name: `完工登记 · ${number}` })
  await expect(form.getByLabel('维修工程师')).toHaveValue('st-wh-eng-01')
  await form.getByLabel('到达时间').fill('2026-11-20T09:40')
  await form.getByLabel('离开时间').fill('2026-11-20T10:25')
  await form.getByLabel('故障原因').fill('硬盘坏道导致系统文件损坏')
  await form.getByLabel('解决方法').fill('更换硬盘，重装系统并恢复客户备份')
  await form.getByLabel('使用建议').fill('重要资料定期备份到移动硬盘')
  await form.getByLabel('工作前客户已备份数据并签字确认').check()
  await form.getByLabel(/客户要求上门/).check()
  await form.getByRole('button', { name: '+ 添加备件' }).click()
  await form.getByLabel('更换备件').selectOption('part-hdd-500')
  await form.getByLabel('坏件故障现象（填写准确）').fill('硬盘坏道，SMART 报警')
  // out of warranty: the disk at the price list and the visit the customer asked for
  await expect(form.getByTestId('closeout-total')).toHaveText('¥410.00')
  await expect(form.getByTestId('closeout-charges')).toContainText('肆佰壹拾元整')
  await sign(page, 'closeout-signature-pad')
  await form.getByLabel('签字人').fill('王主任')
  await page.screenshot({ path: `${SCREENS}/closeout-form.png` })
  await form.getByTestId('closeout-save').click()
  await expect(form).toBeHidden()
  await expect(page.getByRole('status').last()).toContainText(`工单 ${number} 已完工，应收 ¥410.00`)
  await expect(detail.getByTestId('closeout-done')).toContainText('应收 ¥410.00')
  await expect(detail.locator('.timeline')).toContainText('完工：刘平 · ¥410.00 · 更换 1 件')

  // in the desk file: the report with its signature, the disk gone from the engineer, one outbox entry
  const db = new Database(join(host.dataDir, 'desk.sqlite'), { readonly: true })
  const report = db.prepare('SELECT signature, signer_name, charges FROM job_reports WHERE ticket_id = ?').get(id) as { signature: string; signer_name: string; charges: string }
  expect(report.signature).toMatch(/^data:image\/png;base64,/)
  expect(report.signature.length).toBeGreaterThan(1000)
  expect(report.signer_name).toBe('王主任')
  expect(JSON.parse(report.charges)).toMatchObject({ materials: 36_000, onsiteFee: 5_000, total: 41_000 })
  expect(db.prepare("SELECT qty FROM part_stock WHERE holder_id = 'st-wh-eng-01' AND part_id = 'part-hdd-500'").get()).toEqual({ qty: 0 })
  expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE name = 'ticket.closeOut'").get()).toEqual({ n: 1 })
  db.close()

  // the repair slip from the ticket, to PDF: what the customer signs and keeps
  await detail.getByTestId('print-repair-slip').click()
  await expect(page.getByTestId('printed-repair-slip')).toHaveCount(2)
  await expect(page.getByTestId('printed-repair-slip').first().getByTestId('slip-signature').locator('img')).toBeVisible()
  const slip = await pdf(page, 'repair-slip')
  for (const s of [number, '五华区人民医院信息科', '笔记本开机后硬盘灯常亮，系统无法进入', '硬盘坏道导致系统文件损坏', '更换硬盘，重装系统并恢复客户备份', 'HDD-500G', '¥ 410.00', '肆佰壹拾元整', '王主任', '刘平'])
    expect(slip.text).toContain(s)
  await page.keyboard.press('Escape')

  // a carry-in at the counter, taken in from its ticket: the take-in receipt prints
  const carry = await host.call<{ id: string; number: string }>('ticket.create', {
    customerId: 'st-wh-cus-0001',
    reporterPhone: '13888000001',
    assetId: LAPTOP_2022,
    faultDescription: '笔记本无法开机',
    category: 'laptop',
    faultLevel: 'general',
    channel: 'walk_in',
    serviceMode: 'carry_in',
  })
  await page.getByLabel('搜索工单').fill(carry.number)
  await page.getByRole('row').filter({ hasText: carry.number }).click()
  await detail.getByTestId('ticket-carry-in').getByRole('button', { name: '收机登记' }).click()
  const intake = page.getByRole('dialog')
  await intake.getByLabel('电源适配器').uncheck()
  await intake.getByLabel('外观与状况').fill('A 面有划痕')
  await intake.getByTestId('ci-intake-save').click()
  await expect(page.getByTestId('printed-take-in').first()).toBeVisible()
  const receipt = await pdf(page, 'take-in')
  for (const s of ['取机凭证', carry.number, 'WH-0001', '华为', 'MateBook D14', '缺：电源适配器', '取机时请出示本凭证'])
    expect(receipt.text).toContain(s)
  expect(problems).toEqual([])
})

/** The page as printed to PDF (its own page size), its text, and its pages as PNGs to look at. */
async function pdf(page: Page, name: string): Promise<{ text: string }> {
  const file = join(OUT, `${name}.pdf`)
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  execFileSync('pdftoppm', ['-r', '70', '-png', file, join(OUT, name)])
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) }
}
