// 派工看板 as a dispatcher uses it: the most urgent ticket dragged with the mouse onto the engineer
// the desk ranks first, the window booked, Ctrl+Z, and the same dispatch from the keyboard.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { SCREENS, newDataDir, startHost, type Host } from './host'

const PORT = 5296
// A Tuesday morning: engineers are at work and the clocks run.
const NOW = '2026-04-07T10:00+08:00'
let host: Host

test.afterEach(async () => {
  await host?.stop()
})

async function openBoard(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  await page.goto(host.url)
  await expect(page.getByTestId('board')).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('queue-row').first()).toBeVisible()
  return problems
}

/** A drag as a hand makes it: press, move in steps (past dnd-kit's 6 px threshold), release. */
async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!
  const b = (await to.boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 })
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 })
  await page.mouse.up()
}

function deskDb(): Database.Database {
  return new Database(join(host.dataDir, 'desk.sqlite'), { readonly: true })
}

test('a dispatcher drags the most urgent ticket onto the top-ranked engineer, books a window, and undoes it', async ({ page }) => {
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems = await openBoard(page)
  const board = page.getByTestId('board')
  await expect(board.getByRole('heading', { name: '待派工' })).toBeVisible()
  await expect(page.getByTestId('map-ticket').or(page.getByTestId('cluster-tickets')).first()).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/board-city.png` })

  // The queue is ordered by the most urgent clock: its first row is the ticket to dispatch now.
  const first = page.getByTestId('queue-row').first()
  const number = (await first.getAttribute('data-ticket-number'))!
  const db = deskDb()
  const ordered = db
    .prepare("SELECT number FROM tickets WHERE status = 'new' AND assignee_id IS NULL AND station_id = 'st-wh' ORDER BY next_due IS NULL, next_due, created_at LIMIT 1")
    .pluck()
    .get()
  expect(number).toBe(ordered)
  await first.click()

  // The desk's suggestions, each explained; the roster puts them first.
  const top = page.getByTestId('suggestion').first()
  await expect(top).toBeVisible()
  await expect(top.locator('.reason').first()).toBeVisible()
  const engineerId = (await top.getAttribute('data-engineer-id'))!
  const rosterRow = page.locator(`[data-testid="roster-row"][data-engineer-id="${engineerId}"]`)
  await expect(page.getByTestId('roster-row').first()).toHaveAttribute('data-engineer-id', engineerId)
  await page.screenshot({ path: `${SCREENS}/board-selected.png` })

  await dragWithMouse(page, first, rosterRow)
  const dialog = page.getByRole('dialog', { name: '预约上门时间' })
  await expect(dialog).toBeVisible()
  const start = await dialog.getByLabel('开始').inputValue()
  expect(start).toMatch(/^\d{2}:(00|15|30|45)$/)
  await page.screenshot({ path: `${SCREENS}/board-booking.png` })
  await dialog.getByRole('button', { name: /确认派工/ }).click()

  // The ticket leaves the queue and joins the engineer's strip.
  await expect(page.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`)).toHaveCount(0)
  await expect(rosterRow.locator(`[data-testid="strip-job"][data-ticket-number="${number}"]`)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Ctrl+Z' })).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/board-assigned.png` })

  // Saved with its window, and in the outbox for the server.
  await expect.poll(() => db.prepare('SELECT assignee_id FROM tickets WHERE number = ?').pluck().get(number)).toBe(engineerId)
  const saved = db.prepare('SELECT id, appointment_start, appointment_end FROM tickets WHERE number = ?').get(number) as { id: string; appointment_start: string; appointment_end: string }
  expect(saved.appointment_start < saved.appointment_end).toBe(true)
  const assignArgs = JSON.parse(db.prepare("SELECT args FROM outbox WHERE name = 'ticket.assign' ORDER BY mutation_id DESC LIMIT 1").pluck().get() as string)
  expect(assignArgs).toMatchObject({ ticketId: saved.id, engineerId, expectedAssigneeId: null, appointmentStart: saved.appointment_start })

  // Ctrl+Z: back in the queue, unassigned, and the undo is itself a change the server will hear of.
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z')
  await expect(page.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`)).toBeVisible()
  await expect(rosterRow.locator(`[data-testid="strip-job"][data-ticket-number="${number}"]`)).toHaveCount(0)
  await expect.poll(() => db.prepare('SELECT assignee_id FROM tickets WHERE number = ?').pluck().get(number)).toBeNull()
  expect(db.prepare("SELECT count(*) FROM outbox WHERE name = 'ticket.unassign'").pluck().get()).toBe(1)

  // The province at a glance.
  await page.getByRole('button', { name: '全省' }).click()
  await expect(page.locator('.board-map')).toHaveAttribute('data-zoom', '7')
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${SCREENS}/board-province.png` })
  db.close()
  expect(problems).toEqual([])
})

test('the keyboard path: pick a ticket, A for the ranked list, Enter, Enter', async ({ page }) => {
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems = await openBoard(page)
  await page.getByRole('listbox', { name: '待派工' }).focus()
  await page.keyboard.press('ArrowDown')
  const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]')
  await expect(selected).toHaveCount(1)
  const number = (await selected.getAttribute('data-ticket-number'))!
  await page.keyboard.press('a')
  const list = page.getByRole('listbox', { name: '推荐工程师' })
  await expect(list).toBeFocused()
  await page.keyboard.press('ArrowDown')
  const second = (await list.locator('[data-testid="suggestion"][aria-selected="true"]').getAttribute('data-engineer-id'))!
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: '预约上门时间' })
  await expect(dialog.getByLabel('开始')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.locator(`[data-testid="roster-row"][data-engineer-id="${second}"] [data-testid="strip-job"][data-ticket-number="${number}"]`)).toBeVisible()
  const db = deskDb()
  await expect.poll(() => db.prepare('SELECT assignee_id FROM tickets WHERE number = ?').pluck().get(number)).toBe(second)
  db.close()
  expect(problems).toEqual([])
})

test('a ticket dragged from its map marker, then reassigned by dragging its job to another engineer', async ({ page }) => {
  host = await startHost(newDataDir(), PORT, { DESK_NOW: NOW })
  const problems = await openBoard(page)
  const pin = page.locator('[data-testid="map-ticket"]:not(.assigned)').first()
  await expect(pin).toBeVisible()
  const number = (await pin.getAttribute('data-ticket-number'))!
  await pin.click()
  await expect(page.getByTestId('suggestion').first()).toBeVisible()
  const [first, second] = await page.getByTestId('roster-row').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-engineer-id')!))
  const row = (id: string) => page.locator(`[data-testid="roster-row"][data-engineer-id="${id}"]`)

  await dragWithMouse(page, pin, row(first!))
  const dialog = page.getByRole('dialog', { name: '预约上门时间' })
  await dialog.getByRole('button', { name: /确认派工/ }).click()
  const job = (id: string) => row(id).locator(`[data-testid="strip-job"][data-ticket-number="${number}"]`)
  await expect(job(first!)).toBeVisible()

  // 改派: the job on the first engineer's strip onto the second engineer
  await dragWithMouse(page, job(first!), row(second!))
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(number)
  await dialog.getByRole('button', { name: /确认派工/ }).click()
  await expect(job(second!)).toBeVisible()
  await expect(job(first!)).toHaveCount(0)

  const db = deskDb()
  await expect.poll(() => db.prepare('SELECT assignee_id FROM tickets WHERE number = ?').pluck().get(number)).toBe(second)
  const last = JSON.parse(db.prepare("SELECT args FROM outbox WHERE name = 'ticket.assign' ORDER BY mutation_id DESC LIMIT 1").pluck().get() as string)
  // the reassignment names who held it, so a desk that got there first wins and this one is told
  expect(last).toMatchObject({ engineerId: second, expectedAssigneeId: first })
  db.close()
  expect(problems).toEqual([])
})
