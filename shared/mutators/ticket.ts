import { z } from 'zod'
import { Id, Instant, TicketDraft } from '../api/schemas'
import { ruleError } from '../api/errors'
import { initialStep } from '../domain/escalation'
import type { ServiceRules } from '../domain/rules'
import { nextDue } from '../domain/ticketClocks'
import { localDate } from '../domain/time'
import { warrantyVerdict, type FaultCause, type WarrantyVerdict } from '../domain/warranty'
import { ticketFacts } from './clocks'
import { rulesInForce } from './rules'
import type { AssetRow, ContractRow, TicketRow } from './tables'
import { UNASSIGNED } from './assign'
import type { MutationContext, Tx } from './tx'

export const TicketCreateArgs = TicketDraft.extend({
  id: Id,
  /** Made on the desk (station + desk code + date + sequence), so it travels in the args. */
  number: z.string().min(1).max(32),
  at: Instant,
})
export type TicketCreateArgs = z.output<typeof TicketCreateArgs>

/** The contract in force on a day (ISO date), newest first. */
async function contractInForce(tx: Tx, customerId: string, day: string): Promise<ContractRow | null> {
  const contracts = await tx.list('contracts', { customer_id: customerId })
  const inForce = contracts.filter((c) => c.starts_on <= day && day <= c.ends_on).sort((a, b) => (a.starts_on < b.starts_on ? 1 : -1))
  return inForce[0] ?? null
}

/** 申告登记: a fault ticket from a hotline call (or fax, mail, web, walk-in). */
export async function createTicket(tx: Tx, args: TicketCreateArgs, ctx: MutationContext): Promise<{ id: string; number: string }> {
  const customer = await tx.get('customers', args.customerId)
  if (!customer) throw ruleError('errors.rule.customerNotFound')
  const asset = args.assetId ? await tx.get('assets', args.assetId) : undefined
  if (args.assetId && (!asset || asset.customer_id !== customer.id)) throw ruleError('errors.rule.assetNotOfCustomer')
  const { version, rules } = await rulesInForce(tx)
  const day = localDate(new Date(args.at), rules.timezone)
  const contract = await contractInForce(tx, customer.id, day)
  const ticket: TicketRow = {
    id: args.id,
    station_id: customer.station_id,
    number: args.number,
    customer_id: customer.id,
    asset_id: args.assetId,
    contract_id: contract?.id ?? null,
    channel: args.channel,
    reporter_name: args.reporterName || customer.contacts[0]?.name || '',
    reporter_phone: args.reporterPhone,
    fault_description: args.faultDescription,
    category: args.category,
    fault_level: args.faultLevel,
    service_mode: args.serviceMode,
    ...UNASSIGNED,
    helper_ids: [],
    departed_at: null,
    created_by: ctx.userId,
    created_at: args.at,
    updated_at: args.at,
    closed_at: null,
    rules_version: version,
    service_level: contract?.service_level ?? 'none',
    zone: customer.zone,
    escalation_step: initialStep(args.serviceMode),
    responded_at: null,
    arrived_at: null,
    resolved_at: null,
    recheck_due: null,
    warranty: asset ? assetVerdict(rules, asset, day, args.cause) : null,
    next_due: null,
  }
  ticket.next_due = nextDue(rules, ticketFacts(ticket, []))
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

/** The warranty verdict of a device's main component on a day (the ticket keeps it). */
export function assetVerdict(rules: ServiceRules, asset: AssetRow, day: string, cause: FaultCause): WarrantyVerdict {
  return warrantyVerdict(rules.warranty, {
    category: asset.category,
    brand: asset.brand,
    invoiceDate: asset.invoice_date,
    factoryMonth: asset.factory_month,
    component: rules.warranty.categories[asset.category].main,
    on: day,
    cause,
  })
}
