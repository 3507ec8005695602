import type { ServerMigration } from '../migrate'

/** 派工看板: a job's helper engineers (JSON array of user ids), and when it was accepted (已接单) and set off (在途). As desk migration 006. */
export const s004: ServerMigration = {
  version: 4,
  name: 'board',
  sql: `
    ALTER TABLE tickets ADD COLUMN helper_ids JSONB NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(helper_ids) = 'array');
    ALTER TABLE tickets ADD COLUMN accepted_at TEXT;
    ALTER TABLE tickets ADD COLUMN departed_at TEXT;
  `,
}
