import type { ServerMigration } from '../migrate'

/** Who made a ticket's assignment and at which desk (named to a desk whose assignment lost), and each client's desk. */
export const s002: ServerMigration = {
  version: 2,
  name: 'assignment',
  sql: `
    ALTER TABLE tickets ADD COLUMN assigned_by TEXT;
    ALTER TABLE tickets ADD COLUMN assigned_desk TEXT;
    ALTER TABLE clients ADD COLUMN desk_code TEXT;
  `,
}
