// Plain lists of the contract's names, without zod, for the preload bridge (it must stay tiny).
// A test checks these lists equal the contract's keys.
export const METHOD_NAMES = [
  'desk.info',
  'stations.list',
  'regions.list',
  'customers.lookup',
  'customers.card',
  'tickets.list',
  'tickets.get',
  'customer.create',
  'ticket.create',
] as const
export const EVENT_NAMES = ['data.changed', 'shell.command'] as const
