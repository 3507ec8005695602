// Reads GET /sync/poke over real HTTP, as the desk core does (fetch with a streaming body).
export interface SseEvent {
  event: string
  data: { version: number }
}

export interface PokeStream {
  status: number
  contentType: string | null
  events: SseEvent[]
  /** Comment lines (heartbeats) seen so far. */
  comments: string[]
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  /** The next event named `name` not yet returned, or an error after `ms`. */
  next(name: string, ms?: number): Promise<SseEvent>
  close(): void
}

export async function openPokeStream(baseUrl: string, token: string): Promise<PokeStream> {
  const abort = new AbortController()
  const res = await fetch(`${baseUrl}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal })
  const events: SseEvent[] = []
  const comments: string[] = []
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  const ended = (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split('\n')
          comments.push(...lines.filter((l) => l.startsWith(':')))
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7)
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6)
          if (event && data) events.push({ event, data: JSON.parse(data) })
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  let seen = 0
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    comments,
    ended,
    async next(name, ms = 2000) {
      const deadline = Date.now() + ms
      for (;;) {
        const i = events.findIndex((e, j) => j >= seen && e.event === name)
        if (i >= 0) {
          seen = i + 1
          return events[i]!
        }
        if (Date.now() > deadline) throw new Error(`no ${name} event within ${ms} ms (got ${JSON.stringify(events)})`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close: () => abort.abort(),
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
