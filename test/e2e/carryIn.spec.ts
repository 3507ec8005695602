// 送修 at the counter on a Friday morning: a laptop taken in by its ticket number (the standard kit ticked
// off, a USB stick left with it, the receipt's preview), two more already at the bench owe their customers a
// call (one overdue, which comes first and turns the nav badge red); the overdue one is told; the laptop,
// closed out, is handed over after the receipt is checked, two checks and a signature on paper.
import { expect, test } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host } from './host'

const PORT = 5312
const NOW = '2026-11-20T10:30+08:00'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})


test('a carry-in is taken in, its late call told and it is handed over against its receipt', async ({ page }) => {
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(host.url)
  await page.getByRole('button', { name: /^送修/ }).click()
  await expect(page.getByTestId('ci-empty')).toContainText('柜台现在没有送修机器')

  const [customer] = await host.call<{ id: string }[]>('customers.lookup', { text: '13888000001' })
  const card = await host.call<{ assets: { id: string; category: string; brand: string; model: string }[] }>('customers.card', { id: customer!.id })
  const laptop = card.assets.find((a) => a.category === 'laptop')!
  const draft = { customerId: customer!.id, reporterName: '吴燕超', reporterPhone: '13888000001', faultLevel: 'general', channel: 'walk_in', serviceMode: 'carry_in' }
  const ticket = await host.call<{ id: string; number: string }>('ticket.create', { ...draft, assetId: laptop.id, faultDescription: '开机无显示，电源灯亮', category: 'laptop' })

  // 收机登记: by the ticket number, the device from its asset, the laptop kit ticked, an extra item, condition
  await page.getByTestId('ci-open-intake').click()
  const intake = page.getByRole('dialog')
  await intake.getByLabel('工单号（扫描或输入后回车）').fill(ticket.number)
  await intake.getByLabel('工单号（扫描或输入后回车）').press('Enter')
  await expect(intake.getByLabel('机器编号（贴在机器上）')).toHaveValue('WH-0001')
  await expect(intake.getByLabel('品牌')).toHaveValue(laptop.brand)
  await expect(intake.getByLabel('约定取机日期')).toHaveValue('2026-11-23')
  await intake.getByLabel('电池').uncheck()
  await intake.getByLabel('其他附件名称').fill('U盘')
  await intake.getByRole('button', { name: '添加附件' }).click()
  await intake.getByLabel('外观与状况').fill('左侧有划痕')
  await intake.getByTestId('ci-intake-save').click()
  await expect(page.locator('.toast')).toContainText('已收机：取机凭证 QJ-')
  // the take-in receipt's preview opens over the page
  await expect(page.getByTestId('receipt-tag').first()).toContainText('WH-0001')
  await page.getByRole('toolbar').getByRole('button', { name: /关闭/ }).click()

  // two already at the bench: promised tomorrow (call today) and today (the call was due yesterday)
  for (const [promisedOn, tag] of [['2026-11-21', 'WH-0002'], ['2026-11-20', 'WH-0003']] as const) {
    const t = await host.call<{ id: string }>('ticket.create', { ...draft, assetId: null, faultDescription: '打印机卡纸', category: 'printer' })
    await host.call('carryIn.intake', { ticketId: t.id, tagNumber: tag, device: { category: 'printer', brand: '惠普', model: 'P1108', serial: '' }, accessories: [], conditionNote: '', promisedOn })
  }
  const rows = page.getByTestId('ci-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('WH-0003')
  await expect(rows.nth(0)).toContainText('已逾期 1 天未告知')
  await expect(rows.nth(1)).toContainText('今天须告知客户')
  await expect(page.getByTestId('carry-in-nav-owed')).toHaveText('2')
  await page.screenshot({ path: `${SCREENS}/carry-in-counter.png` })

  // 告知客户 with the suggested note: the badge goes down to today's one call
  await rows.nth(0).click()
  await page.getByTestId('ci-notice').click()
  await expect(page.getByRole('dialog').getByLabel('告知内容')).toHaveValue(/维修延期，预计 2026-11-22 修好/)
  await page.getByTestId('ci-notice-save').click()
  await expect(page.getByTestId('ci-notices')).toContainText('维修延期')
  await expect(page.getByTestId('carry-in-nav-owed')).toHaveText('1')

  // the laptop: at the bench, closed out, handed over
  await rows.filter({ hasText: 'WH-0001' }).click()
  await expect(page.getByTestId('ci-accessories')).toContainText('U盘')
  await expect(page.getByTestId('ci-detail')).toContainText('比标配少：电池')
  await page.getByTestId('ci-step-repairing').click()
  await expect(page.getByTestId('ci-detail')).toContainText('检测维修中')
  const [engineer] = await host.call<{ id: string }[]>('engineers.list', {})
  await host.call('ticket.closeOut', { ticketId: ticket.id, engineerId: engineer!.id, cause: '内存接触不良', fix: '清洁内存金手指', advice: '', dataBackedUp: true, signature: { kind: 'paper', signer: '' } })
  await page.getByTestId('ci-pick-up').click()
  const pickUp = page.getByRole('dialog')
  await pickUp.getByLabel('取机凭证号（扫描或输入）').fill('QJ-NOT-THIS')
  await pickUp.getByTestId('ci-check-1').check()
  await pickUp.getByTestId('ci-pickup-save').click()
  await expect(pickUp.getByText('与这台机器不符')).toBeVisible()
  await expect(pickUp.getByText('取机前须当着客户面复验两次以上')).toBeVisible()
  await expect(pickUp.getByText('请让客户在屏幕上签字')).toBeVisible()
  const receipt = (await host.call<{ ticketId: string; number: string }[]>('carryIn.list', {})).find((c) => c.ticketId === ticket.id)!.number
  await pickUp.getByLabel('取机凭证号（扫描或输入）').fill(receipt.toLowerCase())
  await pickUp.getByTestId('ci-check-2').check()
  await pickUp.getByText('客户签字于纸质单', { exact: true }).click()
  await pickUp.getByTestId('ci-pickup-save').click()
  await expect(page.locator('.toast')).toContainText('WH-0001 已取机')
  await expect(rows).toHaveCount(2)
  const tickets = await host.call<{ status: string }>('tickets.get', { id: ticket.id })
  expect(tickets.status).toBe('closed')
  expect(problems).toEqual([])
})
