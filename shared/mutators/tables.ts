// Rows of the synced tables, column for column as stored (desk SQLite, later server PostgreSQL).
// Mutators read and write only through these shapes, so the same code runs on both stores.
import type {
  Category,
  Channel,
  EngineerStatus,
  FaultLevel,
  Role,
  ServiceLevel,
  ServiceMode,
  TicketEventKind,
  TicketStatus,
  Zone,
} from '../domain/enums'

export interface StationRow {
  id: string
  code: string
  name: string
  kind: 'hq' | 'station'
  region_code: string
  address: string
  lat: number
  lng: number
  timezone: string
  phone: string
}

export interface UserRow {
  id: string
  station_id: string
  name: string
  role: Role
  phone: string
  skills: string[]
  home_lat: number | null
  home_lng: number | null
  status: EngineerStatus | null
  active: number
}

export interface Contact {
  name: string
  phone: string
}

export interface CustomerRow {
  id: string
  station_id: string
  unit_name: string
  contacts: Contact[]
  address: string
  region_code: string
  zone: Zone
  lat: number | null
  lng: number | null
  key_account: number
  created_at: string
}

/** Projection kept by the customer mutators: one row per phone, so a caller is found by number. */
export interface CustomerPhoneRow {
  id: string
  customer_id: string
  phone: string
}

export interface ContractRow {
  id: string
  customer_id: string
  station_id: string
  number: string
  service_level: ServiceLevel
  starts_on: string
  ends_on: string
}

export interface AssetRow {
  id: string
  customer_id: string
  station_id: string
  serial: string
  brand: string
  model: string
  category: Category
  invoice_date: string | null
  factory_month: string | null
}

export interface TicketRow {
  id: string
  station_id: string
  number: string
  customer_id: string
  asset_id: string | null
  contract_id: string | null
  channel: Channel
  reporter_name: string
  reporter_phone: string
  fault_description: string
  category: Category
  fault_level: FaultLevel
  service_mode: ServiceMode
  status: TicketStatus
  assignee_id: string | null
  appointment_start: string | null
  appointment_end: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  closed_at: string | null
}

export interface TicketEventRow {
  id: string
  ticket_id: string
  station_id: string
  at: string
  kind: TicketEventKind
  actor_id: string | null
  data: Record<string, unknown>
}

export interface Tables {
  stations: StationRow
  users: UserRow
  customers: CustomerRow
  customer_phones: CustomerPhoneRow
  contracts: ContractRow
  assets: AssetRow
  tickets: TicketRow
  ticket_events: TicketEventRow
}
export type TableName = keyof Tables

/** Columns stored as JSON text; the stores encode and decode them. */
export const JSON_COLUMNS: { [T in TableName]?: readonly (keyof Tables[T])[] } = {
  users: ['skills'],
  customers: ['contacts'],
  ticket_events: ['data'],
}
