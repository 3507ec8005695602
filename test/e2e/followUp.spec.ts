// 投诉与回访 on a Friday morning: a printer job is closed out; its level-1 visit is due in 3 working days
// (Wednesday, over the weekend); the visitor's survey is dissatisfied, which opens a complaint filled in
// from the ticket; the complaint is taken through every step to its closing; Monday's station report and
// the dashboard count it. Screenshots of the due visits, the complaint, the register and the dashboard.
import { expect, test } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host } from './host'
import { TICKET_DRAFT } from '../fixtures'

const PORT = 5313
const NOW = '2026-11-20T10:30+08:00'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})


type Report = { complaints: { opened: number; closed: number }; visits: { dissatisfied: number } }

test('a closed job owes its visit in 3 working days; a dissatisfied survey opens a complaint that is taken to its closing and counted in the report', async ({ page }) => {
  test.setTimeout(120_000)
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.setViewportSize({ width: 1600, height: 900 })
  await page.goto(host.url)

  // the job: 刘平 at the customer's printer, closed out with the customer signing the paper slip
  const { id, number } = await host.call<{ id: string; number: string }>('ticket.create', TICKET_DRAFT)
  await host.call('ticket.assign', { ticketId: id, engineerId: 'st-wh-eng-01', appointmentStart: '2026-11-20T01:00:00.000Z', appointmentEnd: '2026-11-20T02:00:00.000Z' })
  await host.call('ticket.arrive', { ticketId: id })
  const before = await host.call<Report>('reports.station', { day: '2026-11-23' })
  await host.call('ticket.closeOut', {
    ticketId: id,
    engineerId: 'st-wh-eng-01',
    arrivedAt: '2026-11-20T01:40:00.000Z',
    departedAt: '2026-11-20T02:20:00.000Z',
    cause: '搓纸轮磨损',
    fix: '清洁并调整搓纸轮',
    dataBackedUp: true,
    signature: { kind: 'paper', signer: '吴燕超' },
  })

  // 回访: the level-1 visit is due Wednesday (Friday + Monday, Tuesday, Wednesday)
  await page.getByRole('button', { name: /^回访/ }).click()
  const row = page.locator(`[data-testid="fu-due-row"][data-id="${id}:level1"]`)
  await expect(row).toContainText(number)
  await expect(row).toContainText('11-25')
  await page.screenshot({ path: `${SCREENS}/followup-due.png`, fullPage: true })

  // the survey: a 2 for timeliness and overall; the desk warns it will file a complaint
  await row.getByTestId('fu-visit').click()
  const survey = page.getByTestId('fu-survey')
  await expect(survey).toBeVisible()
  for (const key of ['2', '2', '4', '3']) await page.keyboard.press(key)
  await expect(survey.getByTestId('fu-will-complain')).toBeVisible()
  await survey.getByTestId('fu-comment').fill('约好上午来，下午三点才到')
  await survey.getByTestId('fu-survey-save').click()
  await expect(survey.getByTestId('fu-complaint-opened')).toContainText(/TS-WH1-261120-\d{3}/)
  await survey.getByTestId('fu-open-complaint').click()

  // the complaint, opened from the ticket: its customer, ticket, engineer and the survey's scores
  const detail = page.getByTestId('complaint-detail')
  await expect(detail).toContainText(number)
  await expect(detail).toContainText('刘平')
  await expect(detail).toContainText('回访调查')
  await expect(detail).toContainText('约好上午来，下午三点才到')
  await expect(detail.getByTestId('cp-detail-survey')).toBeVisible()
  // about timeliness: it goes to the supervisors at once
  await expect(detail).toContainText('直送主管')

  const step = async (name: string, fill: Record<string, string>) => {
    const form = detail.getByTestId('cp-step-form')
    await expect(form).toHaveAttribute('data-step', name)
    for (const [field, value] of Object.entries(fill)) {
      const el = form.getByTestId(`cp-step-${field}`)
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value)
      else await el.fill(value)
    }
    await form.getByTestId('cp-step-save').click()
    await expect(detail.getByTestId(`cp-stage-${name}`)).toHaveAttribute('data-state', 'done')
  }
  await step('investigate', { findings: '刘平当天上午有两单紧急故障，未提前告知客户改时' })
  await detail.getByTestId('cp-note-text').fill('客户来电：希望以后改时要先打电话')
  await detail.getByTestId('cp-note-save').click()
  await expect(detail.getByTestId('cp-history')).toContainText('希望以后改时要先打电话')
  await step('handle', { resolution: '客服主任致电道歉，承诺改时提前通知' })
  await step('reply', { reaction: 'accepted', note: '客户接受' })
  await page.screenshot({ path: `${SCREENS}/followup-complaint.png`, fullPage: true })
  // closing asks for the corrective and preventive actions first: the form is the 整改/预防 one
  await expect(detail.getByTestId('cp-step-form')).toHaveAttribute('data-step', 'rectify')
  await step('rectify', { corrective: '派工时核对工程师当天已有紧急单', preventive: '预约时间变更须提前电话通知客户，并在工单上记录' })
  await detail.getByTestId('cp-step-save').click()
  await expect(detail.getByTestId('cp-stage-close')).toHaveAttribute('data-state', 'done')
  await expect(detail).toContainText('已关闭')

  // the register, every complaint
  await page.getByTestId('cp-filter-status').selectOption('all')
  await expect(page.locator('[data-testid="cp-row"]').first()).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/followup-register.png`, fullPage: true })

  // the ticket itself shows its visit and complaint
  const follow = await host.call<{ visits: { kind: string; standing: string }[]; complaints: { status: string }[] }>('visits.ofTicket', { ticketId: id })
  expect(follow.visits.find((v) => v.kind === 'level1')!.standing).toBe('done')
  expect(follow.complaints.map((c) => c.status)).toEqual(['closed'])

  // 报表: Monday's report (Thursday to Sunday) counts the complaint opened and closed and the dissatisfied survey
  await page.getByRole('button', { name: '报表', exact: true }).click()
  await page.getByTestId('rp-station-day').fill('2026-11-23')
  await expect(page.getByTestId('rp-station-kind')).toContainText('周一')
  // it is Friday: the period runs to Sunday, so the report says its figures are as of now
  await expect(page.getByTestId('rp-station-partial')).toBeVisible()
  await expect(page.getByTestId('rp-fig-complaintsOpened')).toContainText(String(before.complaints.opened + 1))
  await expect(page.getByTestId('rp-fig-complaintsClosed')).toContainText(String(before.complaints.closed + 1))
  await expect(page.getByTestId('rp-fig-dissatisfied')).toContainText(String(before.visits.dissatisfied + 1))
  await page.screenshot({ path: `${SCREENS}/followup-report.png`, fullPage: true })

  await page.getByTestId('rp-tab-dashboard').click()
  await expect(page.getByTestId('rp-chart-sla-zone')).toBeVisible()
  await expect(page.getByTestId('rp-kpi-complaints')).toBeVisible()
  await page.waitForTimeout(600) // the charts' entry animation
  await page.screenshot({ path: `${SCREENS}/followup-dashboard.png`, fullPage: true })
  expect(problems).toEqual([])
})
