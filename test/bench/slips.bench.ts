// 维修单 printing in Chromium (issue 7): a station's day of 100 close-outs in browser mode (the real
// renderer on a real desk core): (a) one repair slip, preview opened → PDF bytes, median of 10; (b) the
// day's batch of 100 slips (two copies each), preview opened from the 工单 page → PDF bytes.
// Alone: `npx tsx test/bench/slips.bench.ts` (it builds the renderer first).
import { execFileSync, execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { openDesk } from '../../electron/desk'
import { newDataDir, startHost } from '../e2e/host'
import { fillCloseOuts, SLIPS_NOW } from '../e2e/slipsData'
import { ms, percentile, table } from './stats'

const CLOSE_OUTS = 100
const SINGLE_RUNS = 10
const BATCH_RUNS = 3
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

// ---- the bench --------------------------------------------------------------------------------------

/** Polls in-page code given as text (the page's CSP forbids the eval that waitForFunction would use). */
async function until(page: Page, code: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await page.evaluate<boolean>(code)) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** n printed copies in the preview, every image (barcodes, QR codes, signatures) decoded. */
const shown = (n: number) =>
  `(() => { const s = document.querySelectorAll('[data-testid="printed-repair-slip"]'); return s.length === ${n} && [...document.querySelectorAll('.print-root img')].every((i) => i.complete && i.naturalWidth > 0) })()`

function pdfPages(bytes: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'slips-pdf-'))
  try {
    const file = join(dir, 'x.pdf')
    writeFileSync(file, bytes)
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const kb = (bytes: number) => (bytes > 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(0)} kB`)
const sorted = (xs: number[]) => [...xs].sort((p, q) => p - q)

export async function slipsBench(): Promise<string> {
  execSync('npx electron-vite build', { stdio: 'ignore' })
  const dataDir = newDataDir()
  const now = new Date(SLIPS_NOW)
  const desk = await openDesk({ dataDir, now: () => now })
  const tFill = performance.now()
  let closed: { id: string; number: string }[]
  try {
    closed = await fillCloseOuts(desk, CLOSE_OUTS, now)
  } finally {
    desk.close()
  }
  const fillMs = performance.now() - tFill
  const host = await startHost(dataDir, 5393, { DESK_NOW: SLIPS_NOW })
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByRole('button', { name: '工单', exact: true }).waitFor()

    // (a) one slip: open its preview (as a button would: openPrint, here by its link) → PDF bytes; one untimed first run loads the preview's code
    const single: number[] = []
    const singleShown: number[] = []
    let singleBytes = 0
    let singlePages = 0
    for (let i = 0; i <= SINGLE_RUNS; i++) {
      const ticket = closed[i]!
      const t0 = performance.now()
      await page.evaluate(`location.hash = ${JSON.stringify(`#print/repair-slip/${encodeURIComponent(ticket.id)}`)}`)
      await until(page, shown(2), `the slip of ${ticket.number}`)
      const drawn = performance.now() - t0
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      const took = performance.now() - t0
      if (i > 0) {
        single.push(took)
        singleShown.push(drawn)
      }
      if (i === 1) {
        singleBytes = pdf.length
        singlePages = pdfPages(pdf)
      }
      await page.keyboard.press('Escape')
      await until(page, shown(0), 'the preview to close')
    }

    // (b) the day's batch, from the 工单 page's 批量打印维修单 (its date defaults to the desk's today)
    await page.getByRole('button', { name: '工单', exact: true }).click()
    const batch: number[] = []
    const batchShown: number[] = []
    let batchBytes = 0
    let batchPages = 0
    for (let i = 0; i < BATCH_RUNS; i++) {
      const t0 = performance.now()
      await page.getByTestId('batch-print').click()
      await until(page, shown(CLOSE_OUTS * 2), 'the day of slips')
      batchShown.push(performance.now() - t0)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      batch.push(performance.now() - t0)
      batchBytes = pdf.length
      batchPages = pdfPages(pdf)
      await page.keyboard.press('Escape')
      await until(page, shown(0), 'the preview to close')
    }

    const s = sorted(single)
    const ss = sorted(singleShown)
    const b = sorted(batch)
    const bs = sorted(batchShown)
    return table([
      ['measure', 'n', 'p50', 'max', 'pages', 'PDF', 'goal'],
      ['one 维修单: open preview → PDF bytes (A4, two copies)', s.length, ms(percentile(s, 50)), ms(s.at(-1)!), singlePages, kb(singleBytes), '< 500 ms'],
      ['  of which: open preview → both copies drawn, codes and signature decoded', ss.length, ms(percentile(ss, 50)), ms(ss.at(-1)!), '', '', ''],
      [`batch of ${CLOSE_OUTS} 维修单 of one day: 批量打印维修单 → PDF bytes`, b.length, ms(percentile(b, 50)), ms(b.at(-1)!), batchPages, kb(batchBytes), '< 20 s'],
      [`  of which: → all ${CLOSE_OUTS * 2} copies drawn`, bs.length, ms(percentile(bs, 50)), ms(bs.at(-1)!), '', '', ''],
      [`(${CLOSE_OUTS} close-outs made through openDesk in ${(fillMs / 1000).toFixed(1)} s; Chromium headless, page.pdf with the CSS page size)`, '', '', '', '', '', ''],
    ])
  } finally {
    await browser?.close()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await slipsBench())
