import type { ServerMigration } from '../migrate'
import { syncedTable } from './synced'

/** The synced tables (as on the desk, plus row_version: the sync version that last wrote the row) and the server's own. */
export const s001: ServerMigration = {
  version: 1,
  name: 'sync',
  sql: `
    CREATE TABLE sync_version (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);
    INSERT INTO sync_version VALUES (1, 0);
    ${syncedTable('stations', `id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, region_code TEXT NOT NULL,
      address TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lng DOUBLE PRECISION NOT NULL, timezone TEXT NOT NULL, phone TEXT NOT NULL`)}
    ${syncedTable('users', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, phone TEXT NOT NULL, skills JSONB NOT NULL,
      home_lat DOUBLE PRECISION, home_lng DOUBLE PRECISION, status TEXT, active INTEGER NOT NULL`)}
    ${syncedTable('customers', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, unit_name TEXT NOT NULL, contacts JSONB NOT NULL, address TEXT NOT NULL,
      region_code TEXT NOT NULL, zone TEXT NOT NULL, lat DOUBLE PRECISION, lng DOUBLE PRECISION, key_account INTEGER NOT NULL, created_at TEXT NOT NULL`)}
    CREATE INDEX customers_station ON customers(station_id);
    ${syncedTable('customer_phones', `id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, phone TEXT NOT NULL`)}
    ${syncedTable('contracts', `id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, station_id TEXT NOT NULL, number TEXT NOT NULL, service_level TEXT NOT NULL,
      starts_on TEXT NOT NULL, ends_on TEXT NOT NULL`)}
    ${syncedTable('assets', `id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, station_id TEXT NOT NULL, serial TEXT NOT NULL, brand TEXT NOT NULL,
      model TEXT NOT NULL, category TEXT NOT NULL, invoice_date TEXT, factory_month TEXT`)}
    ${syncedTable('tickets', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, asset_id TEXT,
      contract_id TEXT, channel TEXT NOT NULL, reporter_name TEXT NOT NULL, reporter_phone TEXT NOT NULL, fault_description TEXT NOT NULL,
      category TEXT NOT NULL, fault_level TEXT NOT NULL, service_mode TEXT NOT NULL, status TEXT NOT NULL, assignee_id TEXT,
      appointment_start TEXT, appointment_end TEXT, created_by TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT,
      rules_version INTEGER, service_level TEXT NOT NULL, zone TEXT NOT NULL, escalation_step INTEGER NOT NULL, responded_at TEXT,
      arrived_at TEXT, resolved_at TEXT, recheck_due TEXT, warranty JSONB, next_due TEXT`)}
    CREATE INDEX tickets_station_status ON tickets(station_id, status);
    ${syncedTable('ticket_events', `id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, station_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,
      actor_id TEXT, data JSONB NOT NULL`)}
    ${syncedTable('ticket_pauses', `id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, station_id TEXT NOT NULL, reason TEXT NOT NULL, note TEXT NOT NULL,
      from_at TEXT NOT NULL, to_at TEXT, paused_by TEXT, resumed_by TEXT`)}
    CREATE INDEX ticket_pauses_ticket ON ticket_pauses(ticket_id);
    ${syncedTable('service_rules', `id TEXT PRIMARY KEY, version INTEGER NOT NULL UNIQUE, data JSONB NOT NULL, note TEXT NOT NULL, created_by TEXT, created_at TEXT NOT NULL`)}
    ${syncedTable('rules_head', `id TEXT PRIMARY KEY, version INTEGER NOT NULL`)}

    CREATE TABLE clients (
      client_id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      last_mutation_id BIGINT NOT NULL DEFAULT 0,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE rejections (
      client_id TEXT NOT NULL,
      mutation_id BIGINT NOT NULL,
      name TEXT NOT NULL,
      code TEXT NOT NULL,
      key TEXT NOT NULL,
      params JSONB,
      message TEXT NOT NULL,
      at TEXT NOT NULL,
      row_version BIGINT NOT NULL,
      PRIMARY KEY (client_id, mutation_id)
    );
    CREATE TABLE accounts (
      username TEXT PRIMARY KEY,
      user_id TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      disabled BOOLEAN NOT NULL DEFAULT false,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
}
