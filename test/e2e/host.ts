// Starts browser mode (the real web host with a real desk core on a real SQLite file) as a child process.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SCREENS = 'test-results/screens'

export interface Host {
  url: string
  dataDir: string
  /** A desk call over the host's HTTP API, as the renderer makes it (for a test's setup and checks). */
  call<T>(method: string, input: unknown): Promise<T>
  stop(): Promise<void>
}

/** The desk opens on 派工看板; the 工单 list is one click away. */
export async function showTickets(page: import('@playwright/test').Page): Promise<void> {
  await page.getByRole('button', { name: '工单', exact: true }).click()
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'desk-e2e-'))
}

export async function startHost(dataDir: string, port: number, env: Record<string, string> = {}): Promise<Host> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/desk/web/serve.ts'], {
    env: { ...process.env, DESK_DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)))
  })
  return {
    url,
    dataDir,
    call: async <T>(method: string, input: unknown) => {
      const res = await fetch(`${url}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) })
      const body = (await res.json()) as { ok: boolean; value: T; error?: unknown }
      if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
      return body.value
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (child.exitCode !== null) return resolve()
        child.removeAllListeners('exit')
        // A host that does not stop within 5 s is a bug: kill it, and fail the test that stopped it.
        const timer = setTimeout(() => {
          child.kill('SIGKILL')
          reject(new Error(`web host did not stop on SIGTERM:\n${output}`))
        }, 5000)
        child.on('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
