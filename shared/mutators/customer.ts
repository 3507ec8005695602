import { z } from 'zod'
import { CustomerDraft, Id, Instant } from '../api/schemas'
import { ruleError } from '../api/errors'
import type { CustomerRow, CustomerPhoneRow } from './tables'
import type { MutationContext, Tx } from './tx'

export const CustomerCreateArgs = CustomerDraft.extend({ id: Id, at: Instant })
export type CustomerCreateArgs = z.output<typeof CustomerCreateArgs>

/** The phone index rows of a customer: one per distinct contact phone. */
export function phoneIndexRows(customer: Pick<CustomerRow, 'id' | 'contacts'>): CustomerPhoneRow[] {
  const phones = new Set(customer.contacts.map((c) => c.phone).filter(Boolean))
  return [...phones].map((phone) => ({ id: `${customer.id}:${phone}`, customer_id: customer.id, phone }))
}

/** 登记新客户: registered on the spot while the caller is on the line. */
export async function createCustomer(tx: Tx, args: CustomerCreateArgs, _ctx: MutationContext): Promise<{ id: string }> {
  if (!(await tx.get('stations', args.stationId))) throw ruleError('errors.rule.stationNotFound')
  const row: CustomerRow = {
    id: args.id,
    station_id: args.stationId,
    unit_name: args.unitName,
    contacts: [{ name: args.contactName, phone: args.phone }],
    address: args.address,
    region_code: args.regionCode,
    zone: args.zone,
    lat: null,
    lng: null,
    key_account: 0,
    created_at: args.at,
  }
  await tx.put('customers', row)
  for (const p of phoneIndexRows(row)) await tx.put('customer_phones', p)
  return { id: row.id }
}
