// npm start: builds and opens the desktop app (needs the Electron binary, which `npm install`
// downloads on a machine with internet). First start creates the local database with demo data.
import { execSync, spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ELECTRON_STAMP } from './ensure-node-abi.mjs'

const require = createRequire(import.meta.url)
let electronPath = ''
try {
  electronPath = require('electron')
} catch {
  /* reported below */
}
if (!electronPath || !existsSync(electronPath)) {
  console.error('未找到 Electron 程序（安装时没有下载）。请在能访问互联网的机器上运行 npm install；\n没有 Electron 的机器请用浏览器模式：npm run web')
  process.exit(1)
}
execSync('npx electron-vite build', { stdio: 'inherit' })
// The desk core runs inside Electron, so better-sqlite3 must be built for Electron's ABI.
if (!existsSync(ELECTRON_STAMP)) {
  execSync('npx electron-builder install-app-deps', { stdio: 'inherit' })
  writeFileSync(ELECTRON_STAMP, '')
}
spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0))
