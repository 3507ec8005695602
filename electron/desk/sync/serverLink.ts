// The desk's HTTP calls to the shared server (docs/sync-protocol.md). Every failure becomes a
// DeskError: unreachable (offline), signed out (401), or the server's own localized refusal.
import { DeskError, isDeskErrorBody } from '../../../shared/api/errors'
import {
  LoginResponse,
  PullResponse,
  PushResponse,
  type PullRequest,
  type PushRequest,
} from '../../../shared/protocol/sync'
import type { z } from 'zod'

export type Fetch = typeof fetch

const TIMEOUT_MS = 30_000
/** A kept-alive connection the server closed (it restarted) fails the next request at once; one retry goes through. */
const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED'])

export class SignedOutError extends DeskError {
  constructor() {
    super({ code: 'rule', key: 'errors.syncClient.signedOut' })
  }
}

export function unreachable(e: unknown): DeskError {
  const cause = (e as { cause?: { code?: string } })?.cause?.code
  const detail = cause ?? (e instanceof Error ? e.message : String(e))
  return new DeskError({ code: 'network', key: 'errors.syncClient.unreachable', params: { detail } })
}

export class ServerLink {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  /** Login, push and pull are all safe to send twice (a push's mutation ids make a retry a no-op). */
  private async send(path: string, body: unknown, token: string | undefined, retry = true): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (e) {
      if (retry && STALE_CONNECTION.has((e as { cause?: { code?: string } })?.cause?.code ?? '')) return this.send(path, body, token, false)
      throw unreachable(e)
    }
  }

  private async post<S extends z.ZodType>(path: string, body: unknown, schema: S, token?: string): Promise<z.output<S>> {
    const res = await this.send(path, body, token)
    let json: unknown
    try {
      json = await res.json()
    } catch (e) {
      // a proxy's HTML error page, or the link dropped mid-answer
      throw res.ok ? unreachable(e) : new DeskError({ code: 'internal', key: 'errors.syncClient.serverError', params: { detail: `HTTP ${res.status}` } })
    }
    if (res.status === 401 && token) throw new SignedOutError()
    if (!res.ok) {
      const error = (json as { error?: unknown })?.error
      if (isDeskErrorBody(error)) throw new DeskError(error)
      throw new DeskError({ code: 'internal', key: 'errors.syncClient.serverError', params: { detail: `HTTP ${res.status}` } })
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw new DeskError({ code: 'internal', key: 'errors.syncClient.serverError', params: { detail: 'unexpected answer' } })
    return parsed.data
  }

  login(username: string, password: string) {
    return this.post('/auth/login', { username, password }, LoginResponse)
  }

  push(token: string, req: PushRequest) {
    return this.post('/sync/push', req, PushResponse, token)
  }

  pull(token: string, req: PullRequest) {
    return this.post('/sync/pull', req, PullResponse, token)
  }

  /**
   * Listens for pokes until the stream ends or `signal` aborts; calls onPoke for each poke (and once
   * when connected, to catch up on what happened while it was not listening).
   */
  async listen(token: string, signal: AbortSignal, onPoke: () => void): Promise<void> {
    let res: Response
    try {
      res = await this.fetchImpl(`${this.baseUrl}/sync/poke`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal })
    } catch (e) {
      throw unreachable(e)
    }
    if (res.status === 401) throw new SignedOutError()
    if (!res.ok || !res.body) throw new DeskError({ code: 'internal', key: 'errors.syncClient.serverError', params: { detail: `HTTP ${res.status}` } })
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (/^event: (poke|hello)$/m.test(message)) onPoke()
        }
      }
    } catch (e) {
      if (!signal.aborted) throw unreachable(e)
    }
  }
}
