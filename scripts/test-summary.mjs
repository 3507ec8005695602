// The last line of npm test: unit + desk + Electron-wiring tests (vitest) and browser tests (Playwright), counted together.
import { readFileSync } from 'node:fs'

const vitest = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
const playwright = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'))
const passed = vitest.numPassedTests + playwright.stats.expected
const failed = vitest.numFailedTests + playwright.stats.unexpected + playwright.stats.flaky
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.stats.skipped
console.log(`vitest: ${vitest.numPassedTests} passed; playwright (Chromium): ${playwright.stats.expected} passed`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
