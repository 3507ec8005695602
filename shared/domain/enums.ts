// The closed vocabularies of the service center. Codes are stable (stored and synced);
// the Chinese and English labels live in shared/i18n.

export const CHANNELS = ['phone', 'fax', 'email', 'web', 'walk_in'] as const
export type Channel = (typeof CHANNELS)[number]
/** A ticket's channel: as taken at the desk, or made by an inspection plan (计划巡检). */
export const TICKET_CHANNELS = [...CHANNELS, 'plan'] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

export const SERVICE_MODES = ['phone_support', 'remote', 'onsite', 'carry_in'] as const
export type ServiceMode = (typeof SERVICE_MODES)[number]

/** 故障级别, most severe first (seed 001/003: fault level decides targets and the supervisor). */
export const FAULT_LEVELS = ['critical', 'major', 'general', 'minor'] as const
export type FaultLevel = (typeof FAULT_LEVELS)[number]

export const TICKET_STATUSES = [
  'new', // 待派工
  'assigned', // 已派工
  'accepted', // 已接单
  'en_route', // 在途
  'on_site', // 到达现场
  'waiting_parts', // 待备件
  'escalated', // 已升级
  'resolved', // 已完成
  'closed', // 已关闭
  'cancelled', // 已取消
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'accepted',
  'en_route',
  'on_site',
  'waiting_parts',
  'escalated',
]

export const CATEGORIES = ['desktop', 'laptop', 'server', 'monitor', 'printer', 'network', 'software', 'other'] as const
export type Category = (typeof CATEGORIES)[number]

/** The customer's zone fixes the arrival target (seed 000). */
export const ZONES = ['city', 'suburb', 'county'] as const
export type Zone = (typeof ZONES)[number]

export const SERVICE_LEVELS = ['5x8', '7x14', '7x24'] as const
export type ServiceLevel = (typeof SERVICE_LEVELS)[number]

export const ROLES = ['dispatcher', 'engineer', 'manager', 'clerk', 'hq', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ENGINEER_STATUSES = ['idle', 'en_route', 'on_site', 'off'] as const
export type EngineerStatus = (typeof ENGINEER_STATUSES)[number]

export const SKILLS = ['desktop', 'laptop', 'server', 'monitor', 'printer', 'network', 'software', 'storage'] as const
export type Skill = (typeof SKILLS)[number]

export const TICKET_EVENT_KINDS = ['created', 'assigned', 'status', 'note', 'paused', 'resumed', 'responded', 'resolved', 'level_changed', 'zone_changed', 'escalated', 'helper', 'visit_missed', 'closed_out', 'carry_in', 'visited', 'complaint'] as const
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number]

/** How a fault was fixed; a fix by phone or remote gets a confirmation call (seed 003 b), one on site or at the bench does not. */
export const RESOLVE_METHODS = ['phone', 'remote', 'onsite', 'carry_in'] as const
export type ResolveMethod = (typeof RESOLVE_METHODS)[number]
/** What 解决 takes on its own; a repair at the bench is resolved by its close-out (完工), which readies the device. */
export const DIRECT_RESOLVE_METHODS = ['phone', 'remote', 'onsite'] as const satisfies readonly ResolveMethod[]
export type DirectResolveMethod = (typeof DIRECT_RESOLVE_METHODS)[number]
