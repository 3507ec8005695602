// One desk and a real sync server: 设置 → 服务器, the status bar indicator, 派工, the empty 同步记录.
import { expect, test, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host, showTickets } from './host'
import { startServerProcess, type ServerProcess } from './syncServer'

const PORT = 5293
const SERVER_PORT = 8893
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`
let host: Host
let server: ServerProcess | null = null

const startServer = async () => {
  server = await startServerProcess(SERVER_PORT, { zhangli: ['zhangli-pass', 'st-wh-dispatcher'] })
}
const stopServer = async () => {
  await server?.stop()
  server = null
}

test.afterEach(async () => {
  await host?.stop()
  await stopServer()
})

/** A customer and an unassigned ticket, made through the desk's own API. */
async function newTicket(page: Page): Promise<string> {
  const call = async (method: string, input: unknown) => {
    const res = await page.request.post(`${host.url}/api/call`, { data: { method, input } })
    const body = (await res.json()) as { ok: boolean; value: Record<string, string> }
    expect(body.ok).toBe(true)
    return body.value
  }
  const customer = await call('customer.create', {
    stationId: 'st-wh',
    unitName: '五华区人民医院信息科',
    contactName: '李华',
    phone: '13888000001',
    address: '昆明市五华区人民中路 12 号',
    regionCode: '530102',
    zone: 'city',
  })
  const ticket = await call('ticket.create', {
    customerId: customer.id,
    reporterPhone: '13888000001',
    faultDescription: '打印机卡纸，无法打印',
    category: 'printer',
    faultLevel: 'general',
    channel: 'phone',
    serviceMode: 'onsite',
  })
  return ticket.number!
}

test('a dispatcher logs the desk in to the sync server, assigns a ticket, and sees the sync state in the status bar', async ({ page }) => {
  test.setTimeout(120_000) // a cold sync server (PGlite, scrypt) takes a while to start
  await startServer()
  host = await startHost(newDataDir(), PORT, { DESK_EMPTY: '1' })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(host.url)
  await showTickets(page)
  await expect(page.getByTestId('ticket-count')).toBeVisible()

  const indicator = page.getByTestId('sync-indicator')
  await expect(indicator).toHaveAttribute('data-state', 'off')
  await expect(indicator).toContainText('未连接服务器')

  await page.getByRole('button', { name: '设置', exact: true }).click()
  const section = page.getByRole('region', { name: '服务器', exact: true })
  await section.getByLabel('服务器地址').fill('ftp://127.0.0.1')
  await section.getByLabel('用户名').fill('zhangli')
  await section.getByLabel('密码').fill('zhangli-pass')
  await section.getByRole('button', { name: '登录', exact: true }).click()
  await expect(section.getByText('服务器地址应以 http:// 或 https:// 开头')).toBeVisible()
  await expect(section.getByLabel('服务器地址')).toHaveAttribute('aria-invalid', 'true')

  await section.getByLabel('服务器地址').fill(SERVER_URL)
  await section.getByLabel('密码').fill('wrong-pass')
  await section.getByLabel('密码').press('Enter')
  await expect(section.getByRole('alert')).toHaveText('用户名或密码不正确')

  await section.getByLabel('密码').fill('zhangli-pass')
  await section.getByLabel('密码').press('Enter')
  await expect(section.getByTestId('server-status')).toContainText('zhangli')
  await expect(section.getByTestId('server-status')).toContainText(SERVER_URL)
  await expect(indicator).toHaveAttribute('data-state', 'online')
  await page.screenshot({ path: `${SCREENS}/sync-server-settings.png` })

  const number = await newTicket(page)
  await page.getByRole('button', { name: '工单', exact: true }).click()
  const detail = page.getByRole('complementary', { name: '工单详情' })
  // The list reloads (and briefly empties its rows) whenever a sync brings data, so a click may land on a row being redrawn.
  await expect(async () => {
    await page.getByRole('row').filter({ hasText: number }).click()
    await expect(detail.getByRole('heading', { name: number })).toBeVisible({ timeout: 1000 })
  }).toPass()
  await detail.getByLabel('工程师').selectOption({ index: 1 })
  const engineer = (await detail.getByLabel('工程师').locator('option:checked').innerText()).replace(/（在手.*$/, '')
  await detail.getByRole('button', { name: '派工', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText(`已派给 ${engineer}`)
  await expect(detail.getByRole('button', { name: '改派', exact: true })).toBeVisible()
  await expect(indicator).toHaveAttribute('data-state', 'online')
  await expect(indicator).not.toContainText('待同步')

  await indicator.click()
  await expect(page.getByRole('heading', { name: '同步记录' })).toBeVisible()
  await expect(page.getByTestId('sync-log-empty')).toContainText('没有被拒绝的修改')

  // The server goes away: the next change waits on this desk, and the indicator says so.
  await stopServer()
  await page.getByRole('button', { name: '工单', exact: true }).click()
  await detail.getByRole('button', { name: '暂停计时' }).click()
  await expect(indicator).toHaveAttribute('data-state', 'offline')
  await expect(indicator).toContainText('1 条待同步')
  await expect(indicator).toHaveAttribute('title', /无法连接同步服务器/)
  await page.screenshot({ path: `${SCREENS}/sync-offline.png` })
  expect(problems).toEqual([])
})
