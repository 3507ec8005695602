import type { Migration } from '../migrate'

/**
 * 派工看板 (issue 5): a job's helper engineers (协助工程师, a JSON array of user ids) and the times the
 * engineer accepted it (已接单) and set off (在途); arrival was already arrived_at (it stops the arrival clock).
 */
export const m006: Migration = {
  version: 6,
  name: 'board',
  sql: `
    ALTER TABLE tickets ADD COLUMN helper_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(helper_ids) AND json_type(helper_ids) = 'array');
    ALTER TABLE tickets ADD COLUMN accepted_at TEXT;
    ALTER TABLE tickets ADD COLUMN departed_at TEXT;
  `,
}
