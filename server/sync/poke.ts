// Pokes (docs/sync-protocol.md): an event stream telling desks there is something newer to pull.
// A push on any server instance reaches every instance's streams through the store's notify/listen
// (LISTEN/NOTIFY on PostgreSQL).
import type { FastifyReply } from 'fastify'
import type { ServerResponse } from 'node:http'
import { one, type SqlStore } from '../db/store'

export const POKE_CHANNEL = 'sync_poke'
export const HEARTBEAT_MS = 15_000

export interface Pokes {
  /** Serves GET /sync/poke: `hello` with the current version, then pokes and heartbeats until the client leaves or close(). */
  serve(reply: FastifyReply): Promise<void>
  /** After a push committed: pokes the streams here and, through the store, on every other instance. */
  notify(): Promise<void>
  /** Ends every stream and stops listening, so that closing the server does not wait on open streams. */
  close(): Promise<void>
}

async function currentVersion(store: SqlStore): Promise<number> {
  return Number(one(await store.query<{ value: number }>('SELECT value FROM sync_version WHERE id = 1')).value)
}

function send(res: ServerResponse, event: 'hello' | 'poke', version: number): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify({ version })}\n\n`)
}

export async function startPokes(store: SqlStore, heartbeatMs = HEARTBEAT_MS): Promise<Pokes> {
  const streams = new Set<ServerResponse>()
  // Versions only grow, so a poke no newer than the last one tells nobody anything: this drops the
  // echo of this instance's own pushes coming back through LISTEN, and pokes overtaken by newer ones.
  let last = 0
  const poke = (version: number) => {
    if (!(version > last)) return
    last = version
    for (const res of streams) send(res, 'poke', version)
  }
  const resume = () => void currentVersion(store).then(poke, () => undefined)
  const stopListening = await store.listen(POKE_CHANNEL, (payload) => poke(Number(payload)), resume)
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': heartbeat\n\n')
  }, heartbeatMs).unref()

  return {
    async serve(reply) {
      const version = await currentVersion(store)
      reply.hijack()
      const res = reply.raw
      if (res.destroyed) return // the desk left while the version was read
      // Connection: close, so the socket goes with the stream and closing the server never waits on it.
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'close' })
      streams.add(res)
      res.on('close', () => streams.delete(res))
      // a poke that came while the version was read went out before this stream joined
      send(res, 'hello', Math.max(version, last))
    },
    async notify() {
      const version = await currentVersion(store)
      poke(version)
      await store.notify(POKE_CHANNEL, String(version))
    },
    async close() {
      clearInterval(heartbeat)
      for (const res of streams) res.end()
      streams.clear()
      await stopListening()
    },
  }
}
