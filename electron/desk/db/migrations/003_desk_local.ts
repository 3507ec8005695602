import type { Migration } from '../migrate'

/**
 * What belongs to this desk alone and never syncs as rows: its identity, its counters
 * (the daily ticket sequence) and the outbox of mutations waiting for the server.
 */
export const m003: Migration = {
  version: 3,
  name: 'desk_local',
  sql: `
    CREATE TABLE desk_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE desk_counters (
      name TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;

    -- mutation_id goes up by exactly 1 per mutation of this desk (the sync protocol's order)
    CREATE TABLE outbox (
      mutation_id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      user_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
}
