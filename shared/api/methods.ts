// Plain lists of the contract's names, without zod, for the preload bridge (it must stay tiny).
// A test checks these lists equal the contract's keys.
export const QUERY_NAMES = [
  'desk.info',
  'stations.list',
  'regions.list',
  'customers.lookup',
  'customers.card',
  'tickets.list',
  'tickets.get',
  'tickets.preview',
  'rules.get',
] as const
export const MUTATION_NAMES = [
  'customer.create',
  'ticket.create',
  'ticket.pause',
  'ticket.resume',
  'ticket.respond',
  'ticket.resolve',
  'ticket.setFaultLevel',
  'ticket.escalate',
  'customer.setZone',
  'rules.update',
  'rules.importHolidays',
] as const
export const METHOD_NAMES = [...QUERY_NAMES, ...MUTATION_NAMES] as const
export const EVENT_NAMES = ['data.changed', 'shell.command'] as const
