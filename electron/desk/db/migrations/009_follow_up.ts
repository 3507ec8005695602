import type { Migration } from '../migrate'

/**
 * 投诉与回访 (issue 8): the return visits each finished job owes (and the key customers' monthly calls)
 * with their surveys; the complaint register and each complaint's history; the contracts' inspection
 * plans; and each resolved ticket's outcome (its clocks' minutes, met or not), which the reports read.
 */
export const m009: Migration = {
  version: 9,
  name: 'follow_up',
  sql: `
    CREATE TABLE inspection_plans (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      customer_id TEXT NOT NULL,
      contract_id TEXT,
      frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly')),
      starts_on TEXT NOT NULL,
      ends_on TEXT,
      note TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX inspection_plans_station ON inspection_plans(station_id, active);

    CREATE TABLE ticket_outcomes (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      ticket_id TEXT NOT NULL UNIQUE,
      resolved_at TEXT NOT NULL,
      day TEXT NOT NULL,
      zone TEXT NOT NULL,
      fault_level TEXT NOT NULL,
      service_mode TEXT NOT NULL,
      method TEXT NOT NULL,
      engineer_id TEXT,
      respond_minutes INTEGER,
      arrive_minutes INTEGER,
      resolve_minutes INTEGER,
      respond_met INTEGER,
      arrive_met INTEGER,
      resolve_met INTEGER,
      first_visit INTEGER
    ) STRICT;
    -- the dashboard reads a station's days in one range scan
    CREATE INDEX ticket_outcomes_station_day ON ticket_outcomes(station_id, day, zone, fault_level, engineer_id, respond_met, arrive_met, resolve_met, first_visit, respond_minutes, arrive_minutes);

    CREATE TABLE return_visits (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      ticket_id TEXT,
      customer_id TEXT NOT NULL,
      engineer_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('level1', 'level2', 'recheck', 'key_account')),
      period TEXT NOT NULL DEFAULT '',
      due_on TEXT NOT NULL,
      due_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('due', 'done')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_attempt_at TEXT,
      note TEXT NOT NULL DEFAULT '',
      done_at TEXT,
      -- the station-local day it was made, which the reports group by
      done_on TEXT,
      visitor_id TEXT,
      overall INTEGER CHECK (overall BETWEEN 1 AND 5),
      timeliness INTEGER CHECK (timeliness BETWEEN 1 AND 5),
      attitude INTEGER CHECK (attitude BETWEEN 1 AND 5),
      quality INTEGER CHECK (quality BETWEEN 1 AND 5),
      comment TEXT NOT NULL DEFAULT '',
      complaint_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX return_visits_due ON return_visits(station_id, status, due_at);
    CREATE INDEX return_visits_ticket ON return_visits(ticket_id) WHERE ticket_id IS NOT NULL;
    CREATE INDEX return_visits_station_due_on ON return_visits(station_id, due_on);
    CREATE INDEX return_visits_done ON return_visits(station_id, done_on, overall) WHERE status = 'done';

    CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      customer_id TEXT NOT NULL,
      ticket_id TEXT,
      engineer_id TEXT,
      visit_id TEXT,
      complainant_name TEXT NOT NULL,
      complainant_phone TEXT NOT NULL,
      channel TEXT NOT NULL,
      received_at TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('timeliness', 'attitude', 'quality', 'charges', 'product')),
      severity TEXT NOT NULL CHECK (severity IN ('serious', 'major', 'general')),
      description TEXT NOT NULL CHECK (length(description) > 0),
      status TEXT NOT NULL CHECK (status IN ('registered', 'investigated', 'handled', 'replied', 'rectified', 'closed')),
      due_on TEXT NOT NULL,
      due_at TEXT NOT NULL,
      hq_at TEXT NOT NULL,
      findings TEXT NOT NULL DEFAULT '',
      resolution TEXT NOT NULL DEFAULT '',
      replied_on TEXT,
      reaction TEXT,
      reply_note TEXT NOT NULL DEFAULT '',
      corrective TEXT NOT NULL DEFAULT '',
      preventive TEXT NOT NULL DEFAULT '',
      closed_at TEXT,
      closed_by TEXT,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- the record's promise: no complaint is closed without both actions written down
      CHECK (status <> 'closed' OR (length(corrective) > 0 AND length(preventive) > 0))
    ) STRICT;
    CREATE INDEX complaints_station_received ON complaints(station_id, received_at);
    CREATE INDEX complaints_ticket ON complaints(ticket_id) WHERE ticket_id IS NOT NULL;

    CREATE TABLE complaint_events (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL,
      station_id TEXT NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data))
    ) STRICT;
    CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, at);

    -- what was still open at the end of a report's period: the tickets resolved since
    CREATE INDEX tickets_station_resolved ON tickets(station_id, resolved_at) WHERE resolved_at IS NOT NULL;
  `,
}
