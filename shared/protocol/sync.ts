// The sync protocol between desks and the server (Replicache-style push / pull / poke).
// docs/sync-protocol.md describes it as an HTTP API.
import { z } from 'zod'
import { MUTATION_NAMES } from '../api/methods'
import { TABLE_NAMES } from '../mutators/tables'

export const ClientId = z.string().uuid({ error: 'errors.sync.clientId' })

/** One mutation from a desk's outbox: ids go up by exactly 1 per client. */
export const PushedMutation = z.object({
  id: z.number().int().min(1),
  name: z.enum(MUTATION_NAMES, { error: 'errors.sync.unknownMutation' }),
  args: z.unknown(),
})
export type PushedMutation = z.infer<typeof PushedMutation>

export const PushRequest = z.object({
  clientId: ClientId,
  /** The desk's name in its station, e.g. "WH2": named when its change wins over another desk's. */
  deskCode: z.string().regex(/^[A-Z0-9]{1,8}$/, { error: 'errors.field.invalid' }).default('?'),
  mutations: z.array(PushedMutation).max(500, { error: 'errors.sync.tooMany' }),
})
export type PushRequest = z.infer<typeof PushRequest>

export const PushResponse = z.object({
  lastMutationId: z.number(),
  applied: z.number(),
  rejected: z.number(),
})
export type PushResponse = z.infer<typeof PushResponse>

export const PullRequest = z.object({
  clientId: ClientId,
  /** The server version the desk has seen; 0 for everything. */
  cursor: z.number().int().min(0),
})
export type PullRequest = z.infer<typeof PullRequest>

export const Rejection = z.object({
  mutationId: z.number(),
  name: z.string(),
  code: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.unknown()).nullable(),
  message: z.string(),
  at: z.string(),
})
export type Rejection = z.infer<typeof Rejection>

/** A row as stored; its columns are checked where it is written (one statement shape per table). */
const Row = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'errors.sync.badRequest' })

export const PullResponse = z.object({
  cursor: z.number(),
  lastMutationId: z.number(),
  /** Rows changed since the cursor, by table, as stored (a first pull: 100,000 rows and more). */
  changes: z.partialRecord(z.enum(TABLE_NAMES), z.array(Row)),
  rejections: z.array(Rejection),
})
export type PullResponse = z.infer<typeof PullResponse>

export const LoginRequest = z.object({
  username: z.string().trim().min(1, { error: 'errors.field.required' }).max(40),
  password: z.string().min(1, { error: 'errors.field.required' }).max(200),
})
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: z.object({ id: z.string(), name: z.string(), role: z.string(), stationId: z.string() }) })
