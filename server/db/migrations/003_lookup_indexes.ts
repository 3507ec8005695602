import type { ServerMigration } from '../migrate'

/** The lookups the mutators make on every push (contracts of a customer at intake, tickets of a customer on a zone change). */
export const s003: ServerMigration = {
  version: 3,
  name: 'lookup_indexes',
  sql: `
    CREATE INDEX contracts_customer ON contracts(customer_id);
    CREATE INDEX tickets_customer ON tickets(customer_id);
    CREATE INDEX assets_customer ON assets(customer_id);
  `,
}
