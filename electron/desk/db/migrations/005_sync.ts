import type { Migration } from '../migrate'

/**
 * Sync with the shared server: who made a ticket's assignment and where (as on the server), the
 * server state of rows that pending mutations touched (restored before each pull is applied), and
 * the changes the server rejected, kept until the user re-applies or discards them.
 */
export const m005: Migration = {
  version: 5,
  name: 'sync',
  sql: `
    ALTER TABLE tickets ADD COLUMN assigned_by TEXT;
    ALTER TABLE tickets ADD COLUMN assigned_desk TEXT;

    -- row: the row as the server last had it (JSON of the stored columns); NULL: the server has no such row
    CREATE TABLE sync_shadow (
      tbl TEXT NOT NULL,
      id TEXT NOT NULL,
      row TEXT,
      PRIMARY KEY (tbl, id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sync_rejections (
      mutation_id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      user_id TEXT NOT NULL,
      made_at TEXT NOT NULL,
      code TEXT NOT NULL,
      key TEXT NOT NULL,
      params TEXT,
      message TEXT NOT NULL,
      rejected_at TEXT NOT NULL,
      -- NULL while waiting for the user; 'reapplied' or 'discarded' once decided
      decision TEXT CHECK (decision IN ('reapplied', 'discarded')),
      decided_at TEXT
    ) STRICT;
    CREATE INDEX sync_rejections_open ON sync_rejections(mutation_id) WHERE decision IS NULL;
  `,
}
