// Every write, by name. The desk runs these optimistically and records them in its outbox;
// the sync server runs the same functions authoritatively.
import type { z } from 'zod'
import type { MutationName, MethodOutput } from '../api/contract'
import { CustomerCreateArgs, createCustomer } from './customer'
import { TicketCreateArgs, createTicket } from './ticket'
import {
  EscalateArgs,
  FaultLevelArgs,
  PauseArgs,
  ResolveArgs,
  RespondArgs,
  ResumeArgs,
  SetZoneArgs,
  escalateTicket,
  pauseTicket,
  resolveTicket,
  respondTicket,
  resumeTicket,
  setCustomerZone,
  setFaultLevel,
} from './clocks'
import { HolidayImportArgs, RulesUpdateArgs, importHolidays, updateRules } from './rules'
import type { MutationContext, Tx } from './tx'

export interface MutatorDef<A extends z.ZodType, R> {
  /** The full, deterministic arguments: the user's input plus client-made ids and timestamps. */
  args: A
  run(tx: Tx, args: z.output<A>, ctx: MutationContext): Promise<R>
  /** Tables the mutator may write, so readers know what to refresh. */
  writes: readonly string[]
}

export const mutators = {
  'customer.create': { args: CustomerCreateArgs, run: createCustomer, writes: ['customers'] },
  'ticket.create': { args: TicketCreateArgs, run: createTicket, writes: ['tickets'] },
  'ticket.pause': { args: PauseArgs, run: pauseTicket, writes: ['tickets'] },
  'ticket.resume': { args: ResumeArgs, run: resumeTicket, writes: ['tickets'] },
  'ticket.respond': { args: RespondArgs, run: respondTicket, writes: ['tickets'] },
  'ticket.resolve': { args: ResolveArgs, run: resolveTicket, writes: ['tickets'] },
  'ticket.setFaultLevel': { args: FaultLevelArgs, run: setFaultLevel, writes: ['tickets'] },
  'ticket.escalate': { args: EscalateArgs, run: escalateTicket, writes: ['tickets'] },
  'customer.setZone': { args: SetZoneArgs, run: setCustomerZone, writes: ['customers', 'tickets'] },
  'rules.update': { args: RulesUpdateArgs, run: updateRules, writes: ['rules', 'tickets'] },
  'rules.importHolidays': { args: HolidayImportArgs, run: importHolidays, writes: ['rules', 'tickets'] },
} as const satisfies { [N in MutationName]: MutatorDef<z.ZodType, MethodOutput<N>> }

export type MutatorArgs<N extends MutationName> = z.output<(typeof mutators)[N]['args']>
export type { MutationContext, Tx } from './tx'
export * from './tables'
export { phoneIndexRows } from './customer'
export { ticketFacts } from './clocks'
export { assetVerdict } from './ticket'
export { publishRules, rulesRowId } from './rules'
