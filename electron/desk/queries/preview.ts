import type { z } from 'zod'
import type { TicketPreview, TicketPreviewInput } from '../../../shared/api/schemas'
import { notFound } from '../../../shared/api/errors'
import { readTicketClocks } from '../../../shared/domain/ticketClocks'
import { localDate } from '../../../shared/domain/time'
import { warrantyVerdict } from '../../../shared/domain/warranty'
import { assetVerdict, type AssetRow, type ContractRow } from '../../../shared/mutators'
import type { Db } from '../db/open'
import type { RulesReader } from './rules'

/** What intake shows before saving: the clocks the ticket would start and the warranty verdict. */
export function previewQuery(db: Db, rules: RulesReader, now: () => Date) {
  const customer = db.prepare('SELECT zone FROM customers WHERE id = ?')
  const contract = db.prepare('SELECT * FROM contracts WHERE customer_id = ? AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on DESC LIMIT 1')
  const asset = db.prepare('SELECT * FROM assets WHERE id = ? AND customer_id = ?')
  return (input: z.output<typeof TicketPreviewInput>): TicketPreview => {
    const c = customer.get(input.customerId) as { zone: TicketPreview['zone'] } | undefined
    if (!c) throw notFound()
    const { version, rules: r } = rules.inForce()
    const at = now()
    const day = localDate(at, r.timezone)
    const level = ((contract.get(input.customerId, day, day) as ContractRow | undefined)?.service_level ?? 'none') as TicketPreview['serviceLevel']
    const a = input.assetId ? (asset.get(input.assetId, input.customerId) as AssetRow | undefined) : undefined
    const clocks = readTicketClocks(
      r,
      { createdAt: at.toISOString(), serviceMode: input.serviceMode, serviceLevel: level, zone: c.zone, faultLevel: input.faultLevel, respondedAt: null, arrivedAt: null, resolvedAt: null, pauses: [] },
      at.getTime(),
    )
    return {
      serviceLevel: level,
      calendarName: r.calendars[r.levelCalendar[level]]?.name ?? '',
      zone: c.zone,
      rulesVersion: version,
      clocks,
      warranty: a
        ? {
            main: assetVerdict(r, a, day, input.cause),
            parts: r.warranty.categories[a.category].parts.map((component) =>
              warrantyVerdict(r.warranty, { category: a.category, brand: a.brand, invoiceDate: a.invoice_date, factoryMonth: a.factory_month, component, on: day, cause: input.cause }),
            ),
          }
        : null,
      onsiteFee: r.warranty.outOfWarranty.onsiteFee,
    }
  }
}
