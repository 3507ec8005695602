// Tests and browser mode run under plain Node: make sure better-sqlite3 is built for Node's ABI.
// (npm start rebuilds it for Electron; this puts it back when the tests need it.)
import { execSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { rmSync } from 'node:fs'

export const ELECTRON_STAMP = 'node_modules/.better-sqlite3-built-for-electron'

try {
  const Database = createRequire(import.meta.url)('better-sqlite3')
  new Database(':memory:').close()
} catch (e) {
  console.log(`better-sqlite3 does not load in this Node (${e.message.split('\n')[0]}); rebuilding it for Node…`)
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
  rmSync(ELECTRON_STAMP, { force: true })
}
