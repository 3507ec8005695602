import type { Migration } from '../migrate'

/** Stations, their users and engineers, customers with contracts and assets. */
export const m001: Migration = {
  version: 1,
  name: 'reference',
  sql: `
    CREATE TABLE stations (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('hq', 'station')),
      region_code TEXT NOT NULL,
      address TEXT NOT NULL DEFAULT '',
      lat REAL NOT NULL,
      lng REAL NOT NULL,
      timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
      phone TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      skills TEXT NOT NULL DEFAULT '[]',
      home_lat REAL,
      home_lng REAL,
      status TEXT,
      active INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX users_station_role ON users(station_id, role);

    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      unit_name TEXT NOT NULL,
      contacts TEXT NOT NULL DEFAULT '[]',
      address TEXT NOT NULL,
      region_code TEXT NOT NULL,
      zone TEXT NOT NULL CHECK (zone IN ('city', 'suburb', 'county')),
      lat REAL,
      lng REAL,
      key_account INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customers_station ON customers(station_id);

    CREATE TABLE customer_phones (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      phone TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customer_phones_phone ON customer_phones(phone);
    CREATE INDEX customer_phones_customer ON customer_phones(customer_id);

    CREATE TABLE contracts (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL,
      service_level TEXT NOT NULL CHECK (service_level IN ('5x8', '7x14', '7x24')),
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contracts_customer ON contracts(customer_id);

    CREATE TABLE assets (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      station_id TEXT NOT NULL REFERENCES stations(id),
      serial TEXT NOT NULL,
      brand TEXT NOT NULL,
      model TEXT NOT NULL,
      category TEXT NOT NULL,
      invoice_date TEXT,
      factory_month TEXT
    ) STRICT;
    CREATE INDEX assets_customer ON assets(customer_id);
    CREATE INDEX assets_serial ON assets(serial);
  `,
}
