// 完工与送修 (issue 7): what the close-out form, the carry-in counter and the printed slips read.
import { z } from 'zod'
import { CARRY_IN_STATUSES } from '../domain/carryIn'
import { CATEGORIES, SERVICE_MODES, TICKET_STATUSES } from '../domain/enums'
import { COMPONENTS, FAULT_CAUSES } from '../domain/warranty'
import { Day, Id } from './schemas'


/** A form's head: the station as the customer sees it. */
export const SlipStation = z.object({ code: z.string(), name: z.string(), address: z.string(), phone: z.string() })
export type SlipStation = z.infer<typeof SlipStation>

export const SignatureView = z.object({ kind: z.enum(['drawn', 'paper']), image: z.string(), signer: z.string() })
export type SignatureView = z.infer<typeof SignatureView>

const Customer = z.object({ unitName: z.string(), address: z.string(), contactName: z.string(), phone: z.string() })

/** 上门服务记录单 / 维修单: one close-out as printed (fen throughout). */
export const RepairSlipDoc = z.object({
  reportId: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  station: SlipStation,
  serviceMode: z.enum(SERVICE_MODES),
  category: z.enum(CATEGORIES),
  reportedAt: z.string(),
  faultDescription: z.string(),
  customer: Customer,
  asset: z.object({ brand: z.string(), model: z.string(), serial: z.string() }).nullable(),
  /** The device's own warranty at close-out (it decides the visit fee). */
  deviceCovered: z.boolean(),
  engineerName: z.string(),
  helperNames: z.array(z.string()),
  arrivedAt: z.string().nullable(),
  departedAt: z.string().nullable(),
  cause: z.string(),
  fix: z.string(),
  advice: z.string(),
  dataBackedUp: z.boolean(),
  damage: z.enum(FAULT_CAUSES),
  onsiteRequested: z.boolean(),
  lines: z.array(
    z.object({
      slipNumber: z.string(),
      partNumber: z.string(),
      partName: z.string(),
      component: z.enum(COMPONENTS),
      price: z.number(),
      covered: z.boolean(),
      reason: z.string(),
      charged: z.number(),
    }),
  ),
  charges: z.object({ materials: z.number(), labour: z.number(), onsiteFee: z.number(), computed: z.number(), total: z.number(), adjustReason: z.string(), adjustedByName: z.string().nullable() }),
  signature: SignatureView,
  closedAt: z.string(),
  closedByName: z.string(),
  /** Times printed before: from the second print on, the slip says 补打. */
  printCount: z.number(),
})
export type RepairSlipDoc = z.infer<typeof RepairSlipDoc>

export const Accessory = z.object({ item: z.string(), standard: z.boolean(), present: z.boolean() })

/** 取机凭证: a carry-in device as taken in at the counter. */
export const TakeInReceiptDoc = z.object({
  id: z.string(),
  number: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  station: SlipStation,
  receivedAt: z.string(),
  receivedByName: z.string(),
  customer: Customer,
  device: z.object({ category: z.enum(CATEGORIES), brand: z.string(), model: z.string(), serial: z.string() }),
  tagNumber: z.string(),
  accessories: z.array(Accessory),
  conditionNote: z.string(),
  faultDescription: z.string(),
  promisedOn: z.string(),
  printCount: z.number(),
})
export type TakeInReceiptDoc = z.infer<typeof TakeInReceiptDoc>

/** A carry-in at the counter: the receipt plus where the repair stands and the call owed to the customer. */
export const CarryInView = TakeInReceiptDoc.extend({
  status: z.enum(CARRY_IN_STATUSES),
  notices: z.array(z.object({ at: z.string(), byName: z.string(), note: z.string() })),
  readyAt: z.string().nullable(),
  pickedUpAt: z.string().nullable(),
  pickedUpBy: z.string(),
  lateNotice: z.object({ dueOn: z.string(), kind: z.enum(['before_promise', 'progress']), overdue: z.boolean() }).nullable(),
})
export type CarryInView = z.infer<typeof CarryInView>

/** What the 完工 form needs beyond the ticket: who can be named, the device taken in, an earlier close-out. */
export const CloseOutForm = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  serviceMode: z.enum(SERVICE_MODES),
  arrivedAt: z.string().nullable(),
  appointmentStart: z.string().nullable(),
  appointmentEnd: z.string().nullable(),
  /** Engineers of the station; on site only the assignee and helpers may be named. */
  engineers: z.array(z.object({ id: z.string(), name: z.string(), onJob: z.enum(['assignee', 'helper']).nullable() })),
  carryIn: z.object({ id: z.string(), number: z.string(), status: z.enum(CARRY_IN_STATUSES) }).nullable(),
  report: z.object({ id: z.string(), closedAt: z.string(), total: z.number(), printCount: z.number() }).nullable(),
})
export type CloseOutForm = z.infer<typeof CloseOutForm>

export const CloseOutQuoteInput = z.object({
  ticketId: Id,
  partIds: z.array(Id).max(10, { error: 'errors.closeout.tooManyParts' }),
  damage: z.enum(FAULT_CAUSES, { error: 'errors.field.choice' }).default('normal'),
  onsiteRequested: z.boolean().default(false),
})

/** The charges the rules give for the parts picked so far, as the form shows them before saving. */
export const CloseOutQuote = z.object({
  deviceCovered: z.boolean(),
  lines: z.array(z.object({ partId: z.string(), covered: z.boolean(), reason: z.string(), charged: z.number() })),
  materials: z.number(),
  labour: z.number(),
  onsiteFee: z.number(),
  total: z.number(),
})
export type CloseOutQuote = z.infer<typeof CloseOutQuote>

export const SlipDayInput = z.object({ day: Day })
