// npm run web: builds the renderer, then serves it with a desk core on http://127.0.0.1:5178.
//   PORT, DESK_DATA_DIR override; DESK_EMPTY=1 or --empty starts a new data dir without demo data;
//   DESK_NOW holds the desk's clock at a given instant; DESK_STATION and DESK_CODE make a new data dir
//   another station's or another desk's (e.g. DESK_CODE=2 for a second desk of 昆明五华站).
//   DESK_BOARD_LOAD=10000x500 (first start of a data dir only; for npm run bench): tops the desk's station
//   up to 10,000 open tickets and 500 active engineers (electron/desk/demo/boardLoad.ts), a few seconds.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { DB_FILE } from '../db/open'
import { CLOSE_DESK, connectDeskProcess, endpointOf } from '../deskPort'
import { parseBoardLoad } from '../demo/boardLoad'
import type { DeskWorkerOptions } from './deskWorker'
import { startWebHost } from './httpHost'

const dataDir = resolve(process.env.DESK_DATA_DIR ?? '.desk-data/web')
const port = Number(process.env.PORT ?? 5178)
const empty = process.argv.includes('--empty') || process.env.DESK_EMPTY === '1'
// DESK_NOW=2026-04-03T19:30+08:00 holds the desk's clock at that instant (training, reproducible demos and tests).
const fixedNow = process.env.DESK_NOW ? Date.parse(process.env.DESK_NOW) : null
if (fixedNow !== null && Number.isNaN(fixedNow)) throw new Error(`DESK_NOW 不是有效的时间：${process.env.DESK_NOW}`)

const boardLoad = parseBoardLoad(process.env.DESK_BOARD_LOAD)
if (process.env.DESK_BOARD_LOAD && !boardLoad) throw new Error(`DESK_BOARD_LOAD 应为 工单数x工程师数，例如 10000x500，收到：${process.env.DESK_BOARD_LOAD}`)
if (boardLoad && existsSync(join(dataDir, DB_FILE))) console.log(`DESK_BOARD_LOAD 只在新数据目录首次启动时生效，${dataDir} 已有数据，未生成`)

const workerData: DeskWorkerOptions = { dataDir, demo: !empty, fixedNow, stationCode: process.env.DESK_STATION, deskCode: process.env.DESK_CODE, boardLoad: boardLoad ?? undefined }
// The core in its own thread, as in Electron (its own process there): see deskWorker.ts. This file runs
// under tsx, whose loader a worker does not inherit, so the worker registers it before loading its entry.
const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
const entry = JSON.stringify(new URL('./deskWorker.ts', import.meta.url).href)
const worker = new Worker(`import(${tsx}).then((tsx) => tsx.register()).then(() => import(${entry}))`, { eval: true, workerData })
// an error that ends the thread is told here; the link then fails the calls waiting on it
worker.on('error', (e) => console.error(`本机数据服务出错：${e.stack ?? e.message}`))
const link = connectDeskProcess(worker)
try {
  await link.ready
} catch (e) {
  console.error(`本机数据服务未能打开数据目录 ${dataDir}：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
const host = await startWebHost({ desk: endpointOf(link), port, staticDir: resolve('out/renderer') })
console.log(`服务调度台（浏览器模式）: ${host.url}  数据目录: ${dataDir}`)

let closing = false
async function shutdown(): Promise<void> {
  if (closing) return
  closing = true
  await host.close()
  const ended = new Promise((done) => worker.once('exit', done))
  worker.postMessage(CLOSE_DESK)
  // a core that does not let go in 2 s is stopped (SQLite's journal keeps what was committed)
  await Promise.race([ended, new Promise((done) => setTimeout(done, 2000))])
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
