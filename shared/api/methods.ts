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
  'engineers.list',
  'sync.status',
  'sync.rejections',
  'rules.get',
  'board.snapshot',
  'board.settings',
] as const
export const MUTATION_NAMES = [
  'customer.create',
  'ticket.create',
  'ticket.assign',
  'ticket.unassign',
  'ticket.addHelper',
  'ticket.removeHelper',
  'ticket.accept',
  'ticket.depart',
  'ticket.arrive',
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
export const COMMAND_NAMES = ['sync.connect', 'sync.disconnect', 'sync.now', 'sync.reapply', 'sync.discard', 'board.saveSettings'] as const
export const METHOD_NAMES = [...QUERY_NAMES, ...MUTATION_NAMES, ...COMMAND_NAMES] as const
export const EVENT_NAMES = ['data.changed', 'sync.status', 'shell.command'] as const
