// 同步记录: the changes the server rejected, each with the record it was about as it is now.
import type { RecordNow, SyncRejectionView } from '../../../shared/api/syncSchemas'
import type { Db } from '../db/open'

interface RejectionRow {
  mutation_id: number
  name: string
  args: string
  made_at: string
  key: string
  params: string | null
  message: string
  rejected_at: string
}

/** Which record a change was about, from its arguments. */
function subject(name: string, args: Record<string, unknown>): { kind: 'ticket' | 'customer'; id: string } | null {
  const id = (v: unknown) => (typeof v === 'string' ? v : null)
  if (name === 'ticket.create') return id(args.id) ? { kind: 'ticket', id: args.id as string } : null
  if (name.startsWith('ticket.')) return id(args.ticketId) ? { kind: 'ticket', id: args.ticketId as string } : null
  if (name === 'customer.create') return id(args.id) ? { kind: 'customer', id: args.id as string } : null
  if (name.startsWith('customer.')) return id(args.customerId) ? { kind: 'customer', id: args.customerId as string } : null
  return null
}

export function rejectionQueries(db: Db) {
  const open = db.prepare(
    'SELECT mutation_id, name, args, made_at, key, params, message, rejected_at FROM sync_rejections WHERE decision IS NULL ORDER BY mutation_id DESC',
  )
  const ticket = db.prepare(`
    SELECT t.id, t.number, c.unit_name AS customerName, t.status, e.name AS assigneeName, b.name AS assignedBy,
           t.assigned_desk AS assignedDesk, t.updated_at AS updatedAt
    FROM tickets t JOIN customers c ON c.id = t.customer_id
    LEFT JOIN users e ON e.id = t.assignee_id LEFT JOIN users b ON b.id = t.assigned_by
    WHERE t.id = ?`)
  const customer = db.prepare('SELECT id, unit_name AS unitName FROM customers WHERE id = ?')

  function recordNow(name: string, args: Record<string, unknown>): RecordNow | null {
    const s = subject(name, args)
    if (!s) return null
    const row = (s.kind === 'ticket' ? ticket : customer).get(s.id) as Record<string, unknown> | undefined
    return row ? ({ kind: s.kind, ...row } as RecordNow) : null
  }

  return {
    list(): SyncRejectionView[] {
      return (open.all() as RejectionRow[]).map((r) => {
        const record = recordNow(r.name, JSON.parse(r.args))
        // a change that made its own record (ticket.create, customer.create) can be sent again without one
        const creates = r.name.endsWith('.create')
        return {
          mutationId: r.mutation_id,
          name: r.name,
          key: r.key,
          params: r.params ? JSON.parse(r.params) : null,
          message: r.message,
          madeAt: r.made_at,
          rejectedAt: r.rejected_at,
          record,
          canReapply: record !== null || creates,
        }
      })
    },
  }
}
