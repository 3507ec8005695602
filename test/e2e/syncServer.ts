// The shared sync server as a child process (npm run server's entry, PGlite in a temp dir), its
// accounts, and a link between a desk and the server that a test can cut like a pulled cable.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, connect, type Socket } from 'node:net'
import { newDataDir } from './host'

export const ADMIN_PASSWORD = 'admin-pass-1'

export interface ServerProcess {
  url: string
  stop(): Promise<void>
}

async function post(url: string, body: unknown, token?: string): Promise<{ token?: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { token?: string }
}

/** Starts the server with accounts (username → [password, user id of the service network]). */
export async function startServerProcess(port: number, accounts: Record<string, [string, string]>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, SERVER_DATA_DIR: newDataDir(), ADMIN_PASSWORD, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Server listening')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}):\n${output}`)))
  })
  child.removeAllListeners('exit')
  const url = `http://127.0.0.1:${port}`
  const { token } = await post(`${url}/auth/login`, { username: 'admin', password: ADMIN_PASSWORD })
  for (const [username, [password, userId]] of Object.entries(accounts)) await post(`${url}/admin/accounts`, { username, password, userId }, token)
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface Link {
  url: string
  /** Drops every open connection and refuses new ones, as a pulled cable would. */
  cut(): void
  restore(): void
  close(): Promise<void>
}

/** A TCP relay on loopback between a desk and the server. */
export async function startLink(port: number, targetPort: number): Promise<Link> {
  let up = true
  const sockets = new Set<Socket>()
  const relay = createServer((client) => {
    if (!up) return void client.destroy()
    const server = connect(targetPort, '127.0.0.1')
    for (const s of [client, server]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    client.pipe(server).pipe(client)
    client.on('close', () => server.destroy())
    server.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false
      for (const s of sockets) s.destroy()
    },
    restore() {
      up = true
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        relay.close(() => resolve())
      }),
  }
}
