import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host, showTickets } from './host'

const PORT = 5291
let host: Host

test.afterEach(async () => {
  await host?.stop()
})

async function openApp(page: Page, url: string) {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  await page.goto(url)
  await showTickets(page)
  await expect(page.getByTestId('ticket-count')).toBeVisible()
  return problems
}

const ticketCount = async (page: Page) => Number((await page.getByTestId('ticket-count').innerText()).replace(/\D/g, ''))

test('a dispatcher registers a hotline call, and the ticket is still there after a restart', async ({ page }) => {
  host = await startHost(newDataDir(), PORT)
  const problems = await openApp(page, host.url)
  await expect(page.getByText('昆明五华站').first()).toBeVisible()
  const before = await ticketCount(page)

  await page.getByRole('button', { name: /新建工单/ }).click()
  const dialog = page.getByRole('dialog', { name: '新建工单（申告登记）' })
  await dialog.getByLabel('来电号码').fill('138 8800 0001')
  // The caller's number finds the customer with contract, devices and earlier tickets.
  await expect(dialog.getByRole('heading', { name: '五华区人民医院信息科' })).toBeVisible()
  await expect(dialog.getByText('7×24 至')).toBeVisible()
  await expect(dialog.getByText('历史工单')).toBeVisible()
  await expect(dialog.getByLabel('联系电话')).toHaveValue('13888000001')
  await dialog.getByLabel('报修设备').selectOption({ index: 1 })
  await dialog.getByLabel('故障描述').fill('笔记本屏幕闪烁，有一条竖线，外接显示器正常')
  await dialog.getByLabel('故障级别').selectOption({ label: '重大' })
  await dialog.getByLabel('服务方式').selectOption({ label: '上门' })
  await page.screenshot({ path: `${SCREENS}/intake-form.png` })
  await dialog.getByRole('button', { name: '保存' }).click()

  const toast = page.getByRole('status').filter({ hasText: '已保存' })
  await expect(toast).toHaveText(/工单 WH1-\d{6}-001 已保存/)
  const number = /WH1-\d{6}-001/.exec(await toast.innerText())![0]
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible()
  await expect(page.getByRole('complementary', { name: '工单详情' }).getByRole('heading', { name: number })).toBeVisible()
  expect(await ticketCount(page)).toBe(before + 1)
  await page.screenshot({ path: `${SCREENS}/ticket-list.png` })

  // The desk wrote the ticket and its outbox entry to its SQLite file.
  const db = new Database(join(host.dataDir, 'desk.sqlite'), { readonly: true })
  expect(db.prepare('SELECT fault_level, status FROM tickets WHERE number = ?').get(number)).toEqual({ fault_level: 'major', status: 'new' })
  expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE name = 'ticket.create'").get()).toEqual({ n: 1 })
  db.close()

  // Restart the desk on the same data dir: the ticket is still there. The page is closed meanwhile, as
  // when the app is restarted (left open, its event stream would retry against a closed port).
  await page.goto('about:blank')
  await host.stop()
  host = await startHost(host.dataDir, PORT)
  await page.goto(host.url)
  await showTickets(page)
  await page.getByLabel('搜索工单').fill(number)
  await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible()
  await expect(page.getByTestId('ticket-count')).toHaveText('共 1 张工单')
  expect(problems).toEqual([])
})

test('bad input gets clear Chinese errors and nothing is saved', async ({ page }) => {
  host = await startHost(newDataDir(), PORT)
  await openApp(page, host.url)
  const before = await ticketCount(page)

  await page.keyboard.press('Control+n')
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('来电号码').fill('13888000001')
  await expect(dialog.getByRole('heading', { name: '五华区人民医院信息科' })).toBeVisible()
  await dialog.getByLabel('联系电话').fill('abcdefg')
  await dialog.getByLabel('故障描述').fill('   ')
  await dialog.getByRole('button', { name: '保存' }).click()

  await expect(dialog.getByRole('alert')).toHaveText('输入有误，请检查标红的项目')
  await expect(dialog.getByText('请填写故障描述')).toBeVisible()
  await expect(dialog.getByText('电话号码格式不正确（手机 11 位，座机带区号）')).toBeVisible()
  await expect(dialog.getByLabel('故障描述')).toHaveAttribute('aria-invalid', 'true')
  await page.screenshot({ path: `${SCREENS}/intake-errors.png` })

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await ticketCount(page)).toBe(before)
  const db = new Database(join(host.dataDir, 'desk.sqlite'), { readonly: true })
  expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 })
  db.close()
})

test('an unknown caller is registered on the spot; the UI switches to English', async ({ page }) => {
  host = await startHost(newDataDir(), PORT)
  await openApp(page, host.url)
  await page.getByRole('button', { name: /新建工单/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('来电号码').fill('0871-6888 1234')
  await expect(dialog.getByText('没有找到这个号码的客户')).toBeVisible()
  await dialog.getByRole('button', { name: '登记新客户' }).click()
  await dialog.getByLabel('单位名称').fill('昆明市盘龙区青云街道办事处')
  await dialog.getByLabel('联系人').fill('赵明')
  await expect(dialog.getByLabel('联系电话').first()).toHaveValue('0871-6888 1234')
  await dialog.getByLabel('地址').fill('昆明市盘龙区青云路 20 号')
  await dialog.getByLabel('所在区县').selectOption({ label: '盘龙区' })
  await expect(dialog.getByLabel('区域')).toHaveValue('city')
  await page.screenshot({ path: `${SCREENS}/new-customer.png` })
  await dialog.getByRole('button', { name: '保存客户' }).click()
  await expect(dialog.getByRole('heading', { name: '昆明市盘龙区青云街道办事处' })).toBeVisible()
  await expect(dialog.getByLabel('已选客户').getByText('无合同（应急式服务）')).toBeVisible()
  await dialog.getByLabel('故障描述').fill('办公室整层断网')
  await dialog.getByLabel('设备类别').selectOption({ label: '网络设备' })
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('status')).toHaveText(/已保存/)

  await page.getByRole('button', { name: '设置' }).click()
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByRole('button', { name: 'Tickets' })).toBeVisible()
  await expect(page.getByText('Data folder')).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/settings-en.png` })
})
