import { z } from 'zod'
import { Id, Instant, TicketDraft } from '../api/schemas'
import { ruleError } from '../api/errors'
import type { TicketRow } from './tables'
import type { MutationContext, Tx } from './tx'

export const TicketCreateArgs = TicketDraft.extend({
  id: Id,
  /** Made on the desk (station + desk code + date + sequence), so it travels in the args. */
  number: z.string().min(1).max(32),
  at: Instant,
})
export type TicketCreateArgs = z.output<typeof TicketCreateArgs>

/** The contract in force on a day (ISO date), newest first. */
async function contractInForce(tx: Tx, customerId: string, day: string): Promise<string | null> {
  const contracts = await tx.list('contracts', { customer_id: customerId })
  const inForce = contracts.filter((c) => c.starts_on <= day && day <= c.ends_on).sort((a, b) => (a.starts_on < b.starts_on ? 1 : -1))
  return inForce[0]?.id ?? null
}

/** 申告登记: a fault ticket from a hotline call (or fax, mail, web, walk-in). */
export async function createTicket(tx: Tx, args: TicketCreateArgs, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const customer = await tx.get('customers', args.customerId)
  if (!customer) throw ruleError('errors.rule.customerNotFound')
  if (args.assetId) {
    const asset = await tx.get('assets', args.assetId)
    if (!asset || asset.customer_id !== customer.id) throw ruleError('errors.rule.assetNotOfCustomer')
  }
  const ticket: TicketRow = {
    id: args.id,
    station_id: customer.station_id,
    number: args.number,
    customer_id: customer.id,
    asset_id: args.assetId,
    contract_id: await contractInForce(tx, customer.id, args.at.slice(0, 10)),
    channel: args.channel,
    reporter_name: args.reporterName || customer.contacts[0]?.name || '',
    reporter_phone: args.reporterPhone,
    fault_description: args.faultDescription,
    category: args.category,
    fault_level: args.faultLevel,
    service_mode: args.serviceMode,
    status: 'new',
    assignee_id: null,
    appointment_start: null,
    appointment_end: null,
    created_by: ctx.userId,
    created_at: args.at,
    updated_at: args.at,
    closed_at: null,
  }
  await tx.put('tickets', ticket)
  await tx.put('ticket_events', {
    id: `${ticket.id}:created`,
    ticket_id: ticket.id,
    station_id: ticket.station_id,
    at: args.at,
    kind: 'created',
    actor_id: ctx.userId,
    data: { channel: args.channel, serviceMode: args.serviceMode, faultLevel: args.faultLevel },
  })
  return { id: ticket.id, number: ticket.number }
}
