import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import type { MutationName, Mutations } from '../../shared/api/contract'
import type { MutatorArgs } from '../../shared/mutators'

/** What the desk adds to a user's input to make a mutation deterministic: ids, the time, the ticket number. */
export interface PrepareContext {
  now: Date
  nextTicketNumber(): string
}

type Prepare = { [N in MutationName]: (input: z.output<Mutations[N]['input']>, ctx: PrepareContext) => MutatorArgs<N> }

export const prepareArgs: Prepare = {
  'customer.create': (input, ctx) => ({ ...input, id: uuidv7(), at: ctx.now.toISOString() }),
  'ticket.create': (input, ctx) => ({ ...input, id: uuidv7(), at: ctx.now.toISOString(), number: ctx.nextTicketNumber() }),
}
