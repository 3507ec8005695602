import type { ServerMigration } from '../migrate'
import { syncedTable } from './synced'

/** 备品备件: the catalogue, balances, ledger, requests, damage assessments, return slips and boxes, reconciliations. As desk migration 007. */
export const s005: ServerMigration = {
  version: 5,
  name: 'parts',
  sql: `
    ${syncedTable('parts', `id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, model TEXT NOT NULL, category TEXT NOT NULL,
      grade INTEGER NOT NULL CHECK (grade >= 1), unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0), price INTEGER NOT NULL CHECK (price >= 0),
      active INTEGER NOT NULL, created_at TEXT NOT NULL`)}
    ${syncedTable('part_stock', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, part_id TEXT NOT NULL, place TEXT NOT NULL, holder_id TEXT,
      qty INTEGER NOT NULL CHECK (qty >= 0), updated_at TEXT NOT NULL`)}
    CREATE INDEX part_stock_station ON part_stock(station_id);
    ${syncedTable('part_movements', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, month TEXT NOT NULL,
      part_id TEXT NOT NULL, qty INTEGER NOT NULL, engineer_id TEXT, ticket_id TEXT, legs JSONB NOT NULL CHECK (jsonb_typeof(legs) = 'array'),
      actor_id TEXT NOT NULL, clerk_id TEXT, manager_id TEXT, reason TEXT NOT NULL, approved_by TEXT, approval_note TEXT NOT NULL,
      reference TEXT NOT NULL, slip_id TEXT, batch_id TEXT`)}
    CREATE INDEX part_movements_station_month ON part_movements(station_id, month);
    ${syncedTable('return_slips', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, part_id TEXT NOT NULL,
      good_part_id TEXT NOT NULL, ticket_id TEXT NOT NULL, engineer_id TEXT NOT NULL, movement_id TEXT NOT NULL, fault_description TEXT NOT NULL,
      note TEXT NOT NULL, status TEXT NOT NULL, batch_id TEXT, created_at TEXT NOT NULL, received_at TEXT`)}
    CREATE INDEX return_slips_station_status ON return_slips(station_id, status);
    ${syncedTable('return_batches', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
      shipped_at TEXT NOT NULL, shipped_by TEXT NOT NULL, received_at TEXT`)}
    ${syncedTable('part_requests', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, lines JSONB NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
      reason TEXT NOT NULL, status TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT,
      decision_note TEXT NOT NULL, received_at TEXT`)}
    ${syncedTable('damage_assessments', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, number TEXT NOT NULL UNIQUE, ticket_id TEXT NOT NULL, part_id TEXT NOT NULL,
      finding TEXT NOT NULL, status TEXT NOT NULL, assessed_by TEXT NOT NULL, assessed_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT,
      decision_note TEXT NOT NULL, used_by TEXT`)}
    ${syncedTable('reconciliations', `id TEXT PRIMARY KEY, station_id TEXT NOT NULL, month TEXT NOT NULL, counts JSONB NOT NULL CHECK (jsonb_typeof(counts) = 'array'),
      clerk_id TEXT, clerk_signed_at TEXT, manager_id TEXT, manager_signed_at TEXT, locked_at TEXT, updated_at TEXT NOT NULL, UNIQUE (station_id, month)`)}
  `,
}
