import type { ServerMigration } from '../migrate'
import { syncedTable } from './synced'

/** 完工与送修: close-out records and carry-in repairs, both scoped by station. As desk migration 008. */
export const s006: ServerMigration = {
  version: 6,
  name: 'closeout',
  sql: `
    ${syncedTable('job_reports', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, ticket_id TEXT NOT NULL UNIQUE, asset_id TEXT, engineer_id TEXT NOT NULL,
      service_mode TEXT NOT NULL, arrived_at TEXT, departed_at TEXT, cause TEXT NOT NULL CHECK (length(cause) > 0), fix TEXT NOT NULL CHECK (length(fix) > 0),
      advice TEXT NOT NULL, data_backed_up INTEGER NOT NULL, damage TEXT NOT NULL, onsite_requested INTEGER NOT NULL,
      lines JSONB NOT NULL CHECK (jsonb_typeof(lines) = 'array'), charges JSONB NOT NULL CHECK (jsonb_typeof(charges) = 'object'),
      adjust_reason TEXT NOT NULL, adjusted_by TEXT, signature_kind TEXT NOT NULL CHECK (signature_kind IN ('drawn', 'paper')), signature TEXT NOT NULL,
      signer_name TEXT NOT NULL, closed_by TEXT NOT NULL, closed_at TEXT NOT NULL, print_count INTEGER NOT NULL CHECK (print_count >= 0)`)}
    CREATE INDEX job_reports_station_closed ON job_reports(station_id, closed_at);
    CREATE INDEX job_reports_asset ON job_reports(asset_id) WHERE asset_id IS NOT NULL;
    ${syncedTable('carry_ins', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, ticket_id TEXT NOT NULL UNIQUE, number TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL,
      received_by TEXT NOT NULL, device_category TEXT NOT NULL, device_brand TEXT NOT NULL, device_model TEXT NOT NULL, device_serial TEXT NOT NULL,
      tag_number TEXT NOT NULL, accessories JSONB NOT NULL CHECK (jsonb_typeof(accessories) = 'array'), condition_note TEXT NOT NULL, promised_on TEXT NOT NULL,
      status TEXT NOT NULL, notices JSONB NOT NULL CHECK (jsonb_typeof(notices) = 'array'), ready_at TEXT, picked_up_at TEXT, picked_up_by TEXT NOT NULL,
      handed_over_by TEXT, pickup_checks INTEGER NOT NULL, pickup_signature_kind TEXT, pickup_signature TEXT NOT NULL, print_count INTEGER NOT NULL CHECK (print_count >= 0),
      updated_at TEXT NOT NULL`)}
    CREATE INDEX carry_ins_station_status ON carry_ins(station_id, status);
  `,
}
