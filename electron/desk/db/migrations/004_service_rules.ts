import type { Migration } from '../migrate'

const OPEN_SQL = "'new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated'"

/**
 * Service rules as immutable versions (rules_head points at the one in force); on tickets, the facts
 * their clocks are read from (level, zone, stops, pauses) and the earliest running deadline for sorting.
 */
export const m004: Migration = {
  version: 4,
  name: 'service_rules',
  sql: `
    CREATE TABLE service_rules (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL UNIQUE,
      data TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_by TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE rules_head (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL
    ) STRICT;

    ALTER TABLE tickets ADD COLUMN rules_version INTEGER;
    ALTER TABLE tickets ADD COLUMN service_level TEXT NOT NULL DEFAULT 'none';
    ALTER TABLE tickets ADD COLUMN zone TEXT NOT NULL DEFAULT 'city';
    ALTER TABLE tickets ADD COLUMN escalation_step INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE tickets ADD COLUMN responded_at TEXT;
    ALTER TABLE tickets ADD COLUMN arrived_at TEXT;
    ALTER TABLE tickets ADD COLUMN resolved_at TEXT;
    ALTER TABLE tickets ADD COLUMN recheck_due TEXT;
    ALTER TABLE tickets ADD COLUMN warranty TEXT;
    ALTER TABLE tickets ADD COLUMN next_due TEXT;
    -- 最紧急在前: tickets with a running deadline first, by deadline; the expressions match the list's ORDER BY
    CREATE INDEX tickets_open_urgency ON tickets((next_due IS NULL), next_due, created_at DESC) WHERE status IN (${OPEN_SQL});
    CREATE INDEX tickets_open_station_urgency ON tickets(station_id, (next_due IS NULL), next_due, created_at DESC) WHERE status IN (${OPEN_SQL});

    CREATE TABLE ticket_pauses (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets(id),
      station_id TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('customer', 'parts')),
      note TEXT NOT NULL DEFAULT '',
      from_at TEXT NOT NULL,
      to_at TEXT,
      paused_by TEXT,
      resumed_by TEXT
    ) STRICT;
    CREATE INDEX ticket_pauses_ticket ON ticket_pauses(ticket_id, from_at);
  `,
}
