import type { Migration } from '../migrate'

/**
 * 完工与送修 (issue 7): one close-out record per finished job (cause, fix, advice, the parts swapped with
 * what each cost the customer, the charges, the customer's signature), and the carry-in repairs taken in
 * at the counter (the take-in receipt's device, tag and accessories, the promised date, the calls to the
 * customer, the pick-up's double check). Both count their prints, so a second print says 补打.
 */
export const m008: Migration = {
  version: 8,
  name: 'closeout',
  sql: `
    CREATE TABLE job_reports (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      ticket_id TEXT NOT NULL UNIQUE,
      -- the device, so a part replaced out of warranty is found again for its own 3-month warranty
      asset_id TEXT,
      engineer_id TEXT NOT NULL,
      service_mode TEXT NOT NULL,
      arrived_at TEXT,
      departed_at TEXT,
      cause TEXT NOT NULL CHECK (length(cause) > 0),
      fix TEXT NOT NULL CHECK (length(fix) > 0),
      advice TEXT NOT NULL DEFAULT '',
      data_backed_up INTEGER NOT NULL,
      -- normal / user_damage / disaster: what the warranty engine reads
      damage TEXT NOT NULL,
      onsite_requested INTEGER NOT NULL,
      -- JSON array of {movementId, slipId, slipNumber, partId, component, price, covered, reason, charged}
      lines TEXT NOT NULL CHECK (json_valid(lines) AND json_type(lines) = 'array'),
      -- JSON {materials, labour, onsiteFee, computed, total} in fen; total differs from computed only with a reason
      charges TEXT NOT NULL CHECK (json_valid(charges) AND json_type(charges) = 'object'),
      adjust_reason TEXT NOT NULL DEFAULT '',
      adjusted_by TEXT,
      signature_kind TEXT NOT NULL CHECK (signature_kind IN ('drawn', 'paper')),
      -- a PNG data URL of the drawn signature; empty when signed on the paper slip
      signature TEXT NOT NULL DEFAULT '',
      signer_name TEXT NOT NULL DEFAULT '',
      closed_by TEXT NOT NULL,
      closed_at TEXT NOT NULL,
      print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0)
    ) STRICT;
    CREATE INDEX job_reports_station_closed ON job_reports(station_id, closed_at);
    CREATE INDEX job_reports_asset ON job_reports(asset_id) WHERE asset_id IS NOT NULL;

    CREATE TABLE carry_ins (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      ticket_id TEXT NOT NULL UNIQUE,
      -- 取机凭证 number, read back at pick-up
      number TEXT NOT NULL UNIQUE,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      device_category TEXT NOT NULL,
      device_brand TEXT NOT NULL,
      device_model TEXT NOT NULL,
      device_serial TEXT NOT NULL,
      -- the number or mark put on the machine (机器上的编号或标记)
      tag_number TEXT NOT NULL,
      -- JSON array of {item, standard, present}
      accessories TEXT NOT NULL CHECK (json_valid(accessories) AND json_type(accessories) = 'array'),
      condition_note TEXT NOT NULL DEFAULT '',
      promised_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('received', 'repairing', 'waiting_parts', 'ready', 'picked_up')),
      -- JSON array of {at, by, note}: each call telling the customer of a late repair
      notices TEXT NOT NULL CHECK (json_valid(notices) AND json_type(notices) = 'array'),
      ready_at TEXT,
      picked_up_at TEXT,
      picked_up_by TEXT NOT NULL DEFAULT '',
      handed_over_by TEXT,
      pickup_checks INTEGER NOT NULL DEFAULT 0,
      pickup_signature_kind TEXT CHECK (pickup_signature_kind IN ('drawn', 'paper')),
      pickup_signature TEXT NOT NULL DEFAULT '',
      print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX carry_ins_station_status ON carry_ins(station_id, status);
  `,
}
