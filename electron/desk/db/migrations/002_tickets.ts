import type { Migration } from '../migrate'

// Frozen here: a later change to the open statuses is a new migration, not an edit of this one.
const OPEN_SQL = "'new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated'"

/** Fault tickets (申告/工单) and their timeline. */
export const m002: Migration = {
  version: 2,
  name: 'tickets',
  sql: `
    CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      asset_id TEXT REFERENCES assets(id),
      contract_id TEXT REFERENCES contracts(id),
      channel TEXT NOT NULL,
      reporter_name TEXT NOT NULL,
      reporter_phone TEXT NOT NULL,
      fault_description TEXT NOT NULL,
      category TEXT NOT NULL,
      fault_level TEXT NOT NULL CHECK (fault_level IN ('critical', 'major', 'general', 'minor')),
      service_mode TEXT NOT NULL,
      status TEXT NOT NULL,
      assignee_id TEXT REFERENCES users(id),
      appointment_start TEXT,
      appointment_end TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT,
      -- sort key for "most severe first"; derived, never written
      fault_rank INTEGER GENERATED ALWAYS AS
        (CASE fault_level WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'general' THEN 2 ELSE 3 END) VIRTUAL
    ) STRICT;
    CREATE INDEX tickets_created ON tickets(created_at);
    CREATE INDEX tickets_station_created ON tickets(station_id, created_at);
    CREATE INDEX tickets_status_created ON tickets(status, created_at);
    CREATE INDEX tickets_station_status_created ON tickets(station_id, status, created_at);
    CREATE INDEX tickets_customer_created ON tickets(customer_id, created_at);
    CREATE INDEX tickets_reporter_phone ON tickets(reporter_phone);
    CREATE INDEX tickets_assignee ON tickets(assignee_id);
    -- Open tickets are what a dispatcher looks at all day: small partial indexes keep those lists
    -- fast however much history the desk holds. Queries name the statuses as literals to use them.
    CREATE INDEX tickets_open_created ON tickets(created_at) WHERE status IN (${OPEN_SQL});
    CREATE INDEX tickets_open_station_created ON tickets(station_id, created_at) WHERE status IN (${OPEN_SQL});
    CREATE INDEX tickets_open_rank_created ON tickets(fault_rank, created_at) WHERE status IN (${OPEN_SQL});
    CREATE INDEX tickets_open_level_created ON tickets(fault_level, created_at) WHERE status IN (${OPEN_SQL});

    CREATE TABLE ticket_events (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets(id),
      station_id TEXT NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      actor_id TEXT,
      data TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at);
  `,
}
