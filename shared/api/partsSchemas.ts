// 备件 (issue 6): what the parts screens read, and the inputs of its writes, at the contract's boundary.
import { z } from 'zod'
import { MOVEMENT_KINDS, PART_CATEGORIES, STOCK_PLACES } from '../domain/parts'
import { Day, Id } from './schemas'

export const Part = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  model: z.string(),
  category: z.enum(PART_CATEGORIES),
  grade: z.number(),
  /** fen */
  unitCost: z.number(),
  price: z.number(),
})
export type Part = z.infer<typeof Part>

/** A part's balances at the station, by place. */
export const StockLine = Part.extend({ shelf: z.number(), engineer: z.number(), bad: z.number(), transit: z.number(), loaned: z.number() })
export type StockLine = z.infer<typeof StockLine>

export const Holding = z.object({ engineerId: z.string(), engineerName: z.string(), partId: z.string(), partNumber: z.string(), partName: z.string(), qty: z.number() })
export type Holding = z.infer<typeof Holding>

export const LedgerFilter = z
  .object({
    partId: Id.optional(),
    engineerId: Id.optional(),
    ticketId: Id.optional(),
    /** Local dates, inclusive. */
    from: Day.optional(),
    to: Day.optional(),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .default({ limit: 1000 })

export const LedgerEntryView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  partNumber: z.string(),
  partName: z.string(),
  qty: z.number(),
  /** The legs, in words: "在库好件 −2 → 工程师领用（李强）+2". */
  legs: z.array(z.object({ place: z.enum(STOCK_PLACES), holder: z.string().nullable(), delta: z.number(), partNumber: z.string() })),
  engineerName: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  actorName: z.string(),
  clerkName: z.string().nullable(),
  managerName: z.string().nullable(),
  reason: z.string(),
  approvalNote: z.string(),
  reference: z.string(),
  slipNumber: z.string().nullable(),
})
export type LedgerEntryView = z.infer<typeof LedgerEntryView>

export const ReturnSlipView = z.object({
  id: z.string(),
  number: z.string(),
  partNumber: z.string(),
  partName: z.string(),
  goodPartNumber: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  customerName: z.string(),
  engineerName: z.string(),
  faultDescription: z.string(),
  note: z.string(),
  status: z.enum(['open', 'boxed', 'received']),
  batchNumber: z.string().nullable(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  /** Open longer than a week: "预先领用，及时归还". */
  keptTooLong: z.boolean(),
})
export type ReturnSlipView = z.infer<typeof ReturnSlipView>

export const ReturnBatchView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['shipped', 'received']),
  shippedAt: z.string(),
  shippedBy: z.string(),
  receivedAt: z.string().nullable(),
  slips: z.array(ReturnSlipView),
})
export type ReturnBatchView = z.infer<typeof ReturnBatchView>

export const ReturnsView = z.object({ slips: z.array(ReturnSlipView), batches: z.array(ReturnBatchView) })

export const ReconciliationInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.parts.monthInvalid' }) })

export const ReconciliationView = z.object({
  month: z.string(),
  station: z.object({ code: z.string(), name: z.string() }),
  lines: z.array(
    z.object({
      partId: z.string(),
      partNumber: z.string(),
      partName: z.string(),
      place: z.enum(STOCK_PLACES),
      holderId: z.string().nullable(),
      holderName: z.string().nullable(),
      opening: z.number(),
      received: z.number(),
      sent: z.number(),
      expected: z.number(),
      counted: z.number().nullable(),
      difference: z.number(),
      reason: z.string(),
    }),
  ),
  clerk: z.object({ id: z.string(), name: z.string(), at: z.string() }).nullable(),
  manager: z.object({ id: z.string(), name: z.string(), at: z.string() }).nullable(),
  lockedAt: z.string().nullable(),
})
export type ReconciliationView = z.infer<typeof ReconciliationView>

/** A ticket's parts: what was swapped on it and the bad parts still to go back. */
export const TicketPartsView = z.object({ movements: z.array(LedgerEntryView), slips: z.array(ReturnSlipView) })

/** The station's people the parts forms name: engineers (holders), clerks and managers (signatures). */
export const PartsPeople = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['engineer', 'clerk', 'manager']) }))

/** A catalogue file, columns 编号,名称,型号,类别,档次,成本,保外价: CSV text (UTF-8 or GBK, decoded by the page) or an .xlsx workbook. */
export const PartImportFileInput = z.union([
  z.object({ text: z.string().max(2_000_000, { error: 'errors.field.tooLong' }) }),
  z.object({ xlsxBase64: z.string().max(8_000_000, { error: 'errors.field.tooLong' }) }),
])

export const SlipInput = z.object({ id: Id })

export const PartRequestView = z.object({
  id: z.string(),
  number: z.string(),
  lines: z.array(z.object({ partId: z.string(), partNumber: z.string(), partName: z.string(), qty: z.number() })),
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected', 'received']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
})
export type PartRequestView = z.infer<typeof PartRequestView>

export const DamageAssessmentView = z.object({
  id: z.string(),
  number: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  partNumber: z.string(),
  partName: z.string(),
  finding: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  used: z.boolean(),
})
export type DamageAssessmentView = z.infer<typeof DamageAssessmentView>
