// npm run bench: every benchmark of the project, one after the other, printed as tables.
import { boardBench } from './board.bench'
import { clocksBench } from './clocks.bench'
import { deskBench } from './desk.bench'
import { reportsBench } from './reports.bench'
import { slipsBench } from './slips.bench'
import { syncBench } from './sync.bench'

const benches: [string, () => Promise<string>][] = [
  ['Desk core (issue 2)', deskBench],
  ['Service clocks (issue 3)', clocksBench],
  ['Sync (issue 4)', syncBench],
  ['派工看板 in Chromium (issue 5)', boardBench],
  ['维修单 printing in Chromium (issue 7)', slipsBench],
  ['报表: dashboard and station report (issue 8)', reportsBench],
]

for (const [title, run] of benches) {
  const t = performance.now()
  const out = await run()
  console.log(`\n## ${title}  (${((performance.now() - t) / 1000).toFixed(1)} s)\n${out}`)
}
