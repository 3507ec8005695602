// Rows of the synced tables, column for column as stored (desk SQLite, later server PostgreSQL).
// Mutators read and write only through these shapes, so the same code runs on both stores.
import type { Count, Leg, MovementKind, PartCategory, StockPlace } from '../domain/parts'
import type { ContractLevel, ServiceRules } from '../domain/rules'
import type { PauseReason } from '../domain/sla'
import type { Accessory, CarryInStatus } from '../domain/carryIn'
import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintStatus, ComplaintStep, CustomerReaction, InspectionFrequency, VisitKind } from '../domain/followUp'
import type { Component, FaultCause, WarrantyReason, WarrantyVerdict } from '../domain/warranty'
import type {
  Category,
  EngineerStatus,
  FaultLevel,
  Role,
  ServiceLevel,
  ServiceMode,
  ResolveMethod,
  TicketChannel,
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
  channel: TicketChannel
  reporter_name: string
  reporter_phone: string
  fault_description: string
  category: Category
  fault_level: FaultLevel
  service_mode: ServiceMode
  status: TicketStatus
  assignee_id: string | null
  /** Who made the current assignment, and at which desk (so a losing desk is told who won). */
  assigned_by: string | null
  assigned_desk: string | null
  appointment_start: string | null
  appointment_end: string | null
  /** 协助工程师: engineers of the station helping the assignee on this job (JSON array of user ids). */
  helper_ids: string[]
  /** 已接单 / 在途: when the engineer accepted the job and set off (arrival is arrived_at). */
  accepted_at: string | null
  departed_at: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  closed_at: string | null
  /** The service rules version the clocks were computed with. */
  rules_version: number | null
  service_level: ContractLevel
  zone: Zone
  escalation_step: number
  responded_at: string | null
  arrived_at: string | null
  resolved_at: string | null
  /** A phone fix is confirmed again with the customer by this time (seed 003 b). */
  recheck_due: string | null
  warranty: WarrantyVerdict | null
  /** Earliest limit deadline of the clocks still running; null when paused or all stopped. */
  next_due: string | null
}

export interface TicketPauseRow {
  id: string
  ticket_id: string
  station_id: string
  reason: PauseReason
  note: string
  from_at: string
  to_at: string | null
  paused_by: string | null
  resumed_by: string | null
}

export interface ServiceRulesRow {
  id: string
  version: number
  data: ServiceRules
  note: string
  created_by: string | null
  created_at: string
}

export interface RulesHeadRow {
  id: string
  version: number
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

export interface PartRow {
  id: string
  number: string
  name: string
  model: string
  category: PartCategory
  grade: number
  /** fen */
  unit_cost: number
  price: number
  active: number
  created_at: string
}

/** One balance of a station: a part at a place (and holder); kept by the movements, never below zero. */
export interface PartStockRow {
  id: string
  station_id: string
  part_id: string
  place: StockPlace
  holder_id: string | null
  qty: number
  updated_at: string
}

/** One entry of the ledger (台帐); never changed once written. */
export interface PartMovementRow {
  id: string
  station_id: string
  kind: MovementKind
  at: string
  month: string
  part_id: string
  qty: number
  engineer_id: string | null
  ticket_id: string | null
  legs: Leg[]
  actor_id: string
  clerk_id: string | null
  manager_id: string | null
  reason: string
  approved_by: string | null
  approval_note: string
  reference: string
  slip_id: string | null
  batch_id: string | null
}

export interface ReturnSlipRow {
  id: string
  station_id: string
  number: string
  part_id: string
  good_part_id: string
  ticket_id: string
  engineer_id: string
  movement_id: string
  fault_description: string
  note: string
  status: 'open' | 'boxed' | 'received'
  batch_id: string | null
  created_at: string
  received_at: string | null
}

export interface ReturnBatchRow {
  id: string
  station_id: string
  number: string
  status: 'shipped' | 'received'
  shipped_at: string
  shipped_by: string
  received_at: string | null
}

export interface PartRequestRow {
  id: string
  station_id: string
  number: string
  lines: { partId: string; qty: number }[]
  reason: string
  status: 'requested' | 'approved' | 'rejected' | 'received'
  requested_by: string
  requested_at: string
  decided_by: string | null
  decided_at: string | null
  decision_note: string
  received_at: string | null
}

export interface DamageAssessmentRow {
  id: string
  station_id: string
  number: string
  ticket_id: string
  part_id: string
  finding: string
  status: 'pending' | 'approved' | 'rejected'
  assessed_by: string
  assessed_at: string
  decided_by: string | null
  decided_at: string | null
  decision_note: string
  used_by: string | null
}

export interface ReconciliationRow {
  id: string
  station_id: string
  month: string
  counts: Count[]
  clerk_id: string | null
  clerk_signed_at: string | null
  manager_id: string | null
  manager_signed_at: string | null
  locked_at: string | null
  updated_at: string
}

/** One part swapped on a finished job, and what it cost the customer (fen). */
export interface JobLine {
  movementId: string
  slipId: string
  slipNumber: string
  partId: string
  component: Component
  price: number
  covered: boolean
  reason: WarrantyReason
  charged: number
}

/** fen; `total` is what the customer pays, `computed` what the rules gave (they differ only with a reason). */
export interface JobChargesRecord {
  materials: number
  labour: number
  onsiteFee: number
  computed: number
  total: number
  /** The device itself in warranty at close-out. */
  deviceCovered: boolean
}

/** 完工: the close-out of a job, once per ticket. */
export interface JobReportRow {
  id: string
  station_id: string
  ticket_id: string
  asset_id: string | null
  engineer_id: string
  service_mode: ServiceMode
  arrived_at: string | null
  departed_at: string | null
  cause: string
  fix: string
  advice: string
  data_backed_up: number
  damage: FaultCause
  onsite_requested: number
  lines: JobLine[]
  charges: JobChargesRecord
  adjust_reason: string
  adjusted_by: string | null
  signature_kind: 'drawn' | 'paper'
  /** PNG data URL, '' when signed on paper. */
  signature: string
  signer_name: string
  closed_by: string
  closed_at: string
  print_count: number
}

export interface CarryInNotice {
  at: string
  by: string
  note: string
}

/** 送修: a device taken in at the counter, from its take-in receipt to the pick-up. */
export interface CarryInRow {
  id: string
  station_id: string
  ticket_id: string
  number: string
  received_at: string
  received_by: string
  device_category: Category
  device_brand: string
  device_model: string
  device_serial: string
  tag_number: string
  accessories: Accessory[]
  condition_note: string
  promised_on: string
  status: CarryInStatus
  notices: CarryInNotice[]
  ready_at: string | null
  picked_up_at: string | null
  picked_up_by: string
  handed_over_by: string | null
  pickup_checks: number
  pickup_signature_kind: 'drawn' | 'paper' | null
  pickup_signature: string
  print_count: number
  updated_at: string
}

/** 回访: a call owed to a customer after a job (or every month to a key customer), with its survey. */
export interface ReturnVisitRow {
  id: string
  station_id: string
  ticket_id: string | null
  customer_id: string
  engineer_id: string | null
  kind: VisitKind
  /** key_account: the month it is for ("2026-12"); otherwise empty. */
  period: string
  due_on: string
  due_at: string
  status: 'due' | 'done'
  /** Calls that reached nobody, the last one's time and note. */
  attempts: number
  last_attempt_at: string | null
  note: string
  done_at: string | null
  /** Station-local day it was made. */
  done_on: string | null
  visitor_id: string | null
  /** 满意度 1–5, null until surveyed. */
  overall: number | null
  timeliness: number | null
  attitude: number | null
  quality: number | null
  comment: string
  /** The complaint a dissatisfied answer opened. */
  complaint_id: string | null
  created_at: string
}

/** 客户投诉处理记录表: one complaint from its registration to its closing. */
export interface ComplaintRow {
  id: string
  station_id: string
  number: string
  customer_id: string
  ticket_id: string | null
  engineer_id: string | null
  visit_id: string | null
  complainant_name: string
  complainant_phone: string
  channel: ComplaintChannel
  received_at: string
  category: ComplaintCategory
  severity: ComplaintSeverity
  description: string
  status: ComplaintStatus
  due_on: string
  /** Past due_at it goes to the station manager, past hq_at to HQ. */
  due_at: string
  hq_at: string
  findings: string
  resolution: string
  replied_on: string | null
  reaction: CustomerReaction | null
  reply_note: string
  corrective: string
  preventive: string
  closed_at: string | null
  closed_by: string | null
  created_by: string
  updated_at: string
}

/** A complaint's history: each step, note and reassignment, never changed once written. */
export interface ComplaintEventRow {
  id: string
  complaint_id: string
  station_id: string
  at: string
  kind: 'registered' | 'note' | ComplaintStep
  actor_id: string
  data: Record<string, unknown>
}

/** 定期巡检: a contract's inspections, one ticket per month or quarter. */
export interface InspectionPlanRow {
  id: string
  station_id: string
  number: string
  customer_id: string
  contract_id: string | null
  frequency: InspectionFrequency
  starts_on: string
  ends_on: string | null
  note: string
  active: number
  created_by: string
  created_at: string
  updated_at: string
}

/** What a resolved ticket achieved, fixed at its resolution: the reports read these, not the clocks again. */
export interface TicketOutcomeRow {
  id: string
  station_id: string
  ticket_id: string
  resolved_at: string
  /** Station-local day of the resolution. */
  day: string
  zone: Zone
  fault_level: FaultLevel
  service_mode: ServiceMode
  method: ResolveMethod
  engineer_id: string | null
  /** Service minutes each clock ran; null when the clock was not run (arrival without a visit). */
  respond_minutes: number | null
  arrive_minutes: number | null
  resolve_minutes: number | null
  respond_met: number | null
  arrive_met: number | null
  resolve_met: number | null
  /** On site: fixed at the first visit (no 上门未遇, never waiting for parts). */
  first_visit: number | null
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
  ticket_pauses: TicketPauseRow
  service_rules: ServiceRulesRow
  rules_head: RulesHeadRow
  parts: PartRow
  part_stock: PartStockRow
  part_movements: PartMovementRow
  part_requests: PartRequestRow
  damage_assessments: DamageAssessmentRow
  return_slips: ReturnSlipRow
  return_batches: ReturnBatchRow
  reconciliations: ReconciliationRow
  job_reports: JobReportRow
  carry_ins: CarryInRow
  ticket_outcomes: TicketOutcomeRow
  return_visits: ReturnVisitRow
  complaints: ComplaintRow
  complaint_events: ComplaintEventRow
  inspection_plans: InspectionPlanRow
}
export type TableName = keyof Tables

/** Every synced table, in an order that respects references (stations before their tickets). */
export const TABLE_NAMES: readonly TableName[] = [
  'stations',
  'users',
  'customers',
  'customer_phones',
  'contracts',
  'assets',
  'tickets',
  'ticket_events',
  'ticket_pauses',
  'service_rules',
  'rules_head',
  'parts',
  'part_stock',
  'part_movements',
  'part_requests',
  'damage_assessments',
  'return_slips',
  'return_batches',
  'reconciliations',
  'job_reports',
  'carry_ins',
  'inspection_plans',
  'ticket_outcomes',
  'return_visits',
  'complaints',
  'complaint_events',
]

/** Columns stored as JSON text; the stores encode and decode them. */
export const JSON_COLUMNS: { [T in TableName]?: readonly (keyof Tables[T])[] } = {
  users: ['skills'],
  customers: ['contacts'],
  ticket_events: ['data'],
  tickets: ['warranty', 'helper_ids'],
  service_rules: ['data'],
  part_movements: ['legs'],
  part_requests: ['lines'],
  reconciliations: ['counts'],
  job_reports: ['lines', 'charges'],
  carry_ins: ['accessories', 'notices'],
  complaint_events: ['data'],
}
