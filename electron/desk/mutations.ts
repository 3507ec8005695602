import { v7 as uuidv7 } from 'uuid'
import { isDissatisfied } from '../../shared/domain/followUp'
import type { z } from 'zod'
import type { MutationName, Mutations } from '../../shared/api/contract'
import type { MutatorArgs } from '../../shared/mutators'

/** What the desk adds to a user's input to make a mutation deterministic: ids, the time, the ticket number. */
export interface PrepareContext {
  now: Date
  nextTicketNumber(): string
  /** The desk's next number of a form: 返修单 FX, 装箱单 ZX, 申请表 SQ, 鉴定表 JD, 取机凭证 QJ, 投诉 TS, 巡检计划 XJ; e.g. FX-WH1-260407-001. */
  nextFormNumber(form: 'FX' | 'ZX' | 'SQ' | 'JD' | 'QJ' | 'TS' | 'XJ'): string
}

type Prepare = { [N in MutationName]: (input: z.output<Mutations[N]['input']>, ctx: PrepareContext) => MutatorArgs<N> }

const withTime = <I extends object>(input: I, ctx: PrepareContext) => ({ ...input, at: ctx.now.toISOString() })
const withId = <I extends object>(input: I, ctx: PrepareContext) => ({ ...input, id: uuidv7(), at: ctx.now.toISOString() })

export const prepareArgs: Prepare = {
  'customer.create': withId,
  'ticket.create': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextTicketNumber() }),
  'ticket.assign': withId,
  'ticket.unassign': withId,
  'ticket.addHelper': withId,
  'ticket.removeHelper': withId,
  'ticket.accept': withId,
  'ticket.depart': withId,
  'ticket.arrive': withId,
  'ticket.pause': withId,
  'ticket.resume': withTime,
  'ticket.respond': withTime,
  'ticket.resolve': withTime,
  'ticket.setFaultLevel': withTime,
  'ticket.escalate': withTime,
  'customer.setZone': withTime,
  'rules.update': withTime,
  'rules.importHolidays': withTime,
  'part.create': withId,
  'part.import': (input, ctx) => ({ at: ctx.now.toISOString(), parts: input.parts.map((p) => ({ ...p, id: uuidv7() })) }),
  'parts.receive': withId,
  'parts.issue': withId,
  'parts.returnGood': withId,
  'parts.swap': (input, ctx) => ({ ...withId(input, ctx), slipId: uuidv7(), slipNumber: ctx.nextFormNumber('FX') }),
  'parts.lendLoaner': withId,
  'parts.takeBackLoaner': withId,
  'parts.adjust': withId,
  'parts.request': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextFormNumber('SQ') }),
  'parts.decideRequest': withTime,
  'parts.assessDamage': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextFormNumber('JD') }),
  'parts.decideAssessment': withTime,
  'returns.ship': (input, ctx) => ({ ...withId(input, ctx), batchNumber: ctx.nextFormNumber('ZX') }),
  'returns.receive': withId,
  'recon.count': withTime,
  'recon.sign': withTime,
  'ticket.closeOut': (input, ctx) => ({ ...withId(input, ctx), lines: input.parts.map(() => ({ movementId: uuidv7(), slipId: uuidv7(), slipNumber: ctx.nextFormNumber('FX') })) }),
  'ticket.visitMissed': withId,
  'carryIn.intake': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextFormNumber('QJ') }),
  'carryIn.step': withId,
  'carryIn.notice': withId,
  'carryIn.pickUp': withTime,
  'slips.printed': withTime,
  // a complaint number only for the survey that opens one, so the register's numbers have no gaps
  'visit.record': (input, ctx) => ({ ...withTime(input, ctx), complaintId: uuidv7(), complaintNumber: input.outcome === 'reached' && isDissatisfied(input.survey) ? ctx.nextFormNumber('TS') : '-' }),
  'complaint.register': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextFormNumber('TS') }),
  'complaint.step': withId,
  'complaint.note': withId,
  'plan.save': (input, ctx) => ({ ...withId(input, ctx), number: ctx.nextFormNumber('XJ') }),
  'followUp.schedule': withTime,
}
