import { expect, test, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host, showTickets } from './host'

const PORT = 5292
let host: Host

test.afterEach(async () => {
  await host?.stop()
})

/** Opens the app with the desk's clock at a given Kunming time, on the same data each time. */
async function openAt(page: Page, dataDir: string, local: string) {
  await host?.stop()
  host = await startHost(dataDir, PORT, { DESK_NOW: `${local.replace(' ', 'T')}:00+08:00` })
  await page.goto(host.url)
  await showTickets(page)
  await expect(page.getByTestId('ticket-count')).toBeVisible()
}

async function showTicket(page: Page, number: string) {
  await page.getByLabel('搜索工单').fill(number)
  await page.getByRole('row').filter({ hasText: number }).click()
  return page.getByRole('complementary', { name: '工单详情' })
}

test('a 5×8 customer on a Friday evening before 清明: deadlines skip closed hours and the holiday; a pause moves them exactly', async ({ page }) => {
  const dataDir = newDataDir()
  await openAt(page, dataDir, '2026-04-03 19:30')

  await page.getByRole('button', { name: /新建工单/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('来电号码').fill('13888001001')
  await expect(dialog.getByRole('heading', { name: '五华区财政局' })).toBeVisible()
  await expect(dialog.getByText('5×8 至')).toBeVisible()
  const preview = dialog.getByRole('region', { name: '服务时限（保存后开始计时）' })
  // Friday 19:30 → Saturday, Sunday and 清明 Monday are closed → Tuesday 08:30 is when the clocks start
  await expect(preview.getByTestId('due-respond')).toHaveText('截止 2026-04-07 09:00')
  await expect(preview.getByTestId('due-arrive')).toHaveText('截止 2026-04-07 13:30')
  await expect(preview.getByTestId('due-resolve')).toHaveText('截止 2026-04-07 13:30')
  await dialog.getByLabel('故障描述').fill('财务室打印机不进纸，搓纸轮打滑')
  await dialog.getByLabel('设备类别').selectOption({ label: '打印机' })
  await page.screenshot({ path: `${SCREENS}/clocks-intake.png` })
  await dialog.getByRole('button', { name: '保存' }).click()
  const number = /WH1-\d{6}-\d{3}/.exec(await page.getByRole('status').innerText())![0]

  let detail = await showTicket(page, number)
  await expect(detail.getByTestId('due-arrive')).toHaveText('截止 2026-04-07 13:30')
  await page.screenshot({ path: `${SCREENS}/clocks-ticket.png` })

  // Tuesday 09:00: the customer cannot be reached, the clocks wait (待客户).
  await openAt(page, dataDir, '2026-04-07 09:00')
  detail = await showTicket(page, number)
  await detail.getByLabel('暂停原因').selectOption({ label: '待客户' })
  await detail.getByRole('button', { name: '暂停计时' }).click()
  await expect(detail.getByTestId('due-arrive')).toHaveText('暂停中，无截止时间')
  await expect(detail.locator('[data-clock=arrive] .chip')).toHaveText('暂停中，剩 3小时30分')
  await page.screenshot({ path: `${SCREENS}/clocks-paused.png` })

  // 10:30: resumed after 90 service minutes; arrival and resolution move by exactly that.
  await openAt(page, dataDir, '2026-04-07 10:30')
  detail = await showTicket(page, number)
  await detail.getByRole('button', { name: '恢复计时' }).click()
  await expect(detail.getByTestId('due-arrive')).toHaveText('截止 2026-04-07 15:00')
  await expect(detail.getByTestId('due-resolve')).toHaveText('截止 2026-04-07 15:00')
  await expect(detail.getByText('暂停计时（待客户）')).toBeVisible()
  await expect(detail.getByText('恢复计时（待客户）')).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/clocks-resumed.png` })
})
