import type { ServerMigration } from '../migrate'
import { syncedTable } from './synced'

/** 投诉与回访: inspection plans, ticket outcomes, return visits, complaints and their history, all scoped by station. As desk migration 009. */
export const s007: ServerMigration = {
  version: 7,
  name: 'follow_up',
  sql: `
    ${syncedTable('inspection_plans', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, contract_id TEXT,
      frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly')), starts_on TEXT NOT NULL, ends_on TEXT, note TEXT NOT NULL,
      active INTEGER NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL`)}
    ${syncedTable('ticket_outcomes', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, ticket_id TEXT NOT NULL UNIQUE, resolved_at TEXT NOT NULL, day TEXT NOT NULL,
      zone TEXT NOT NULL, fault_level TEXT NOT NULL, service_mode TEXT NOT NULL, method TEXT NOT NULL, engineer_id TEXT, respond_minutes INTEGER,
      arrive_minutes INTEGER, resolve_minutes INTEGER, respond_met INTEGER, arrive_met INTEGER, resolve_met INTEGER, first_visit INTEGER`)}
    CREATE INDEX ticket_outcomes_station_day ON ticket_outcomes(station_id, day);
    ${syncedTable('return_visits', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, ticket_id TEXT, customer_id TEXT NOT NULL, engineer_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('level1', 'level2', 'recheck', 'key_account')), period TEXT NOT NULL, due_on TEXT NOT NULL, due_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('due', 'done')), attempts INTEGER NOT NULL, last_attempt_at TEXT, note TEXT NOT NULL, done_at TEXT, done_on TEXT, visitor_id TEXT,
      overall INTEGER, timeliness INTEGER, attitude INTEGER, quality INTEGER, comment TEXT NOT NULL, complaint_id TEXT, created_at TEXT NOT NULL`)}
    CREATE INDEX return_visits_due ON return_visits(station_id, status, due_at);
    CREATE INDEX return_visits_ticket ON return_visits(ticket_id) WHERE ticket_id IS NOT NULL;
    ${syncedTable('complaints', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, ticket_id TEXT, engineer_id TEXT,
      visit_id TEXT, complainant_name TEXT NOT NULL, complainant_phone TEXT NOT NULL, channel TEXT NOT NULL, received_at TEXT NOT NULL, category TEXT NOT NULL,
      severity TEXT NOT NULL, description TEXT NOT NULL CHECK (length(description) > 0), status TEXT NOT NULL, due_on TEXT NOT NULL, due_at TEXT NOT NULL, hq_at TEXT NOT NULL,
      findings TEXT NOT NULL, resolution TEXT NOT NULL, replied_on TEXT, reaction TEXT, reply_note TEXT NOT NULL, corrective TEXT NOT NULL, preventive TEXT NOT NULL,
      closed_at TEXT, closed_by TEXT, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
      CHECK (status <> 'closed' OR (length(corrective) > 0 AND length(preventive) > 0))`)}
    CREATE INDEX complaints_station_received ON complaints(station_id, received_at);
    ${syncedTable('complaint_events', `id TEXT PRIMARY KEY, complaint_id TEXT NOT NULL, station_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,
      actor_id TEXT NOT NULL, data JSONB NOT NULL`)}
    CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, at);
  `,
}
