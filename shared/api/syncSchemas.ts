// What the renderer sees of the desk's sync with the shared server (设置 → 服务器, the status bar, 同步记录).
import { z } from 'zod'
import { ENGINEER_STATUSES, SKILLS } from '../domain/enums'
import { Id, TicketStatus } from './schemas'

/** off: no server set; online: up to date; syncing: pushing or pulling; offline: the server cannot be reached; signedOut: the token expired or was refused. */
export const SYNC_STATES = ['off', 'online', 'syncing', 'offline', 'signedOut'] as const
export const SyncState = z.enum(SYNC_STATES)
export type SyncState = z.infer<typeof SyncState>

const Problem = z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional(), message: z.string() })

export const SyncStatus = z.object({
  state: SyncState,
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  /** Mutations made here and not yet confirmed by the server. */
  pending: z.number(),
  lastSyncAt: z.string().nullable(),
  /** Why the last attempt failed (offline, signed out), for the indicator's tooltip. */
  problem: Problem.nullable(),
  /** Rejected changes still waiting for the user's decision. */
  rejections: z.number(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** The record a rejected change was about, as it is now (after the server's version arrived). */
export const RecordNow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    id: z.string(),
    number: z.string(),
    customerName: z.string(),
    status: TicketStatus,
    assigneeName: z.string().nullable(),
    assignedBy: z.string().nullable(),
    assignedDesk: z.string().nullable(),
    updatedAt: z.string(),
  }),
  z.object({ kind: z.literal('customer'), id: z.string(), unitName: z.string() }),
])
export type RecordNow = z.infer<typeof RecordNow>

export const SyncRejectionView = z.object({
  mutationId: z.number(),
  name: z.string(),
  /** The server's reason: a message key with its params (localized by the renderer) and the Chinese text. */
  key: z.string(),
  params: z.record(z.string(), z.unknown()).nullable(),
  message: z.string(),
  madeAt: z.string(),
  rejectedAt: z.string(),
  record: RecordNow.nullable(),
  /** Absent records (e.g. a ticket another station owns) cannot be re-applied. */
  canReapply: z.boolean(),
})
export type SyncRejectionView = z.infer<typeof SyncRejectionView>

export const ConnectInput = z.object({
  serverUrl: z
    .string({ error: 'errors.field.required' })
    .trim()
    .min(1, { error: 'errors.field.required' })
    .max(200, { error: 'errors.field.tooLong' })
    .refine((u) => /^https?:\/\/[^\s/]+/.test(u), { error: 'errors.syncClient.badUrl' })
    .transform((u) => u.replace(/\/+$/, '')),
  username: z.string({ error: 'errors.field.required' }).trim().min(1, { error: 'errors.field.required' }).max(40, { error: 'errors.field.tooLong' }),
  password: z.string({ error: 'errors.field.required' }).min(1, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
})

export const MutationRef = z.object({ mutationId: z.number().int().min(1) })

export const Engineer = z.object({
  id: Id,
  name: z.string(),
  phone: z.string(),
  skills: z.array(z.enum(SKILLS)),
  status: z.enum(ENGINEER_STATUSES).nullable(),
  /** Open tickets assigned to this engineer. */
  openJobs: z.number(),
})
export type Engineer = z.infer<typeof Engineer>
