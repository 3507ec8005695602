// Two desks of 昆明五华站 and one sync server: a ticket registered at desk 1 shows at desk 2 by itself;
// desk 2 loses its link and assigns the ticket, desk 1 assigns it too; when desk 2 is back, the
// server's decision stands and 同步记录 says who assigned it where.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host } from './host'
import { startLink, startServerProcess, type Link, type ServerProcess } from './syncServer'

const SERVER_PORT = 8894
let server: ServerProcess
let link: Link
const hosts: Host[] = []

test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop()
  await link?.close()
  await server?.stop()
})

async function logIn(page: Page, serverUrl: string, username: string, password: string): Promise<void> {
  await page.getByRole('button', { name: '设置', exact: true }).click()
  const section = page.getByRole('region', { name: '服务器', exact: true })
  await section.getByLabel('服务器地址').fill(serverUrl)
  await section.getByLabel('用户名').fill(username)
  await section.getByLabel('密码').fill(password)
  await section.getByLabel('密码').press('Enter')
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online')
  await page.getByRole('button', { name: '工单', exact: true }).click()
}

async function openTicket(page: Page, number: string) {
  const detail = page.getByRole('complementary', { name: '工单详情' })
  // a sync may redraw the list just as the row is clicked
  await expect(async () => {
    await page.getByRole('row').filter({ hasText: number }).click()
    await expect(detail.getByRole('heading', { name: number })).toBeVisible({ timeout: 1000 })
  }).toPass()
  return detail
}

async function assign(page: Page, number: string, engineer: string): Promise<void> {
  const detail = await openTicket(page, number)
  const select = detail.getByLabel('工程师')
  await select.selectOption((await select.locator('option', { hasText: engineer }).getAttribute('value'))!)
  await detail.getByRole('button', { name: '派工', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: `已派给 ${engineer}` })).toBeVisible()
}

test('desk 1 registers a call that desk 2 sees at once; an offline assignment that lost is shown in 同步记录', async ({ browser }) => {
  test.setTimeout(180_000)
  server = await startServerProcess(SERVER_PORT, {
    zhangli: ['zhangli-pass', 'st-wh-dispatcher'],
    yangjh: ['yangjh-pass', 'st-wh-manager'],
  })
  link = await startLink(SERVER_PORT + 1, SERVER_PORT)
  const [one, two] = [await startHost(newDataDir(), 5294, { DESK_EMPTY: '1', DESK_CODE: '1' }), await startHost(newDataDir(), 5295, { DESK_EMPTY: '1', DESK_CODE: '2' })]
  hosts.push(one!, two!)
  const pageA = await (await browser.newContext()).newPage()
  const pageB = await (await browser.newContext()).newPage()
  const problems: string[] = []
  for (const p of [pageA, pageB]) p.on('pageerror', (e) => problems.push(e.message))
  await pageA.goto(one!.url)
  await pageB.goto(two!.url)
  await logIn(pageA, server.url, 'zhangli', 'zhangli-pass')
  await logIn(pageB, link.url, 'yangjh', 'yangjh-pass')

  // Desk 1 takes a hotline call from a caller registered there.
  const created = await pageA.request.post(`${one!.url}/api/call`, {
    data: { method: 'customer.create', input: { stationId: 'st-wh', unitName: '五华区人民医院信息科', contactName: '李华', phone: '13888000001', address: '昆明市五华区人民中路 12 号', regionCode: '530102', zone: 'city' } },
  })
  expect((await created.json()).ok).toBe(true)
  await pageA.getByRole('button', { name: /新建工单/ }).click()
  const dialog = pageA.getByRole('dialog', { name: '新建工单（申告登记）' })
  await dialog.getByLabel('来电号码').fill('13888000001')
  await expect(dialog.getByRole('heading', { name: '五华区人民医院信息科' })).toBeVisible()
  await dialog.getByLabel('故障描述').fill('门诊挂号打印机卡纸，无法出号')
  await dialog.getByLabel('故障级别').selectOption({ label: '重大' })
  await dialog.getByLabel('服务方式').selectOption({ label: '上门' })
  await dialog.getByRole('button', { name: '保存' }).click()
  const toast = pageA.getByRole('status').filter({ hasText: '已保存' })
  const number = /WH1-\d{6}-001/.exec(await toast.innerText())![0]

  // Desk 2 shows it without a reload, pushed by the server's poke.
  await expect(pageB.getByRole('row').filter({ hasText: number })).toBeVisible({ timeout: 5000 })
  await pageB.screenshot({ path: `${SCREENS}/two-desks-b-received.png` })

  // Desk 2's link drops; it keeps working and assigns the ticket.
  link.cut()
  await assign(pageB, number, '李志勇（WH）')
  const indicatorB = pageB.getByTestId('sync-indicator')
  await expect(indicatorB).toHaveAttribute('data-state', 'offline')
  await expect(indicatorB).toContainText('1 条待同步')
  await pageB.screenshot({ path: `${SCREENS}/two-desks-b-offline.png` })

  // Desk 1, online, assigns the same ticket to someone else: the server has it first.
  await assign(pageA, number, '王建国（WH）')
  await expect(pageA.getByTestId('sync-indicator')).not.toContainText('待同步')

  // Desk 2 is back: its assignment is rejected, and it says plainly what happened.
  link.restore()
  await expect(indicatorB.getByTestId('sync-indicator-rejections')).toHaveText('1', { timeout: 30_000 })
  await expect(indicatorB).toHaveAttribute('data-state', 'online')
  await indicatorB.click()
  const entry = pageB.getByTestId('sync-rejection')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText(`工单 ${number} 已由 WH1 工位的 张丽 派给 王建国（WH），你的派工未生效`)
  await expect(entry).toContainText('由 WH1 工位 张丽 派工')
  await expect(pageB.getByText('当前用户 杨建华')).toBeVisible()
  await pageB.screenshot({ path: `${SCREENS}/two-desks-b-sync-log.png` })
  await pageB.getByRole('button', { name: '工单', exact: true }).click()
  const detailB = await openTicket(pageB, number)
  await expect(detailB).toContainText('王建国（WH）')

  // What desk 2 holds is the server's version; nothing of its own waits or was lost.
  const db = new Database(join(two!.dataDir, 'desk.sqlite'), { readonly: true })
  expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0)
  expect(db.prepare("SELECT name, key FROM sync_rejections WHERE decision IS NULL").all()).toEqual([{ name: 'ticket.assign', key: 'errors.ticket.assignedElsewhere' }])
  expect(db.prepare('SELECT assignee_id, assigned_desk FROM tickets WHERE number = ?').get(number)).toEqual({ assignee_id: 'st-wh-eng-01', assigned_desk: 'WH1' })
  db.close()
  expect(problems).toEqual([])
})
