import type { Migration } from '../migrate'

/**
 * 备品备件 (issue 6): the parts catalogue (branch-wide), each station's balances per part, place and
 * holder (kept by the same mutators that append the ledger, never below zero), the ledger (台帐, append
 * only), the requests to the branch (申请表), damage assessments (物理损坏鉴定表), one return slip (返修单)
 * per bad part, the weekly return boxes (装箱单), and the monthly
 * reconciliation (月度对帐) with its counts and both signatures.
 */
export const m007: Migration = {
  version: 7,
  name: 'parts',
  sql: `
    CREATE TABLE parts (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      model TEXT NOT NULL,
      category TEXT NOT NULL,
      -- a higher grade may stand in for a lower one of the same category, with approval
      grade INTEGER NOT NULL CHECK (grade >= 1),
      -- fen (分): 成本 and the out-of-warranty price list (保外价)
      unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0),
      price INTEGER NOT NULL CHECK (price >= 0),
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE part_stock (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      part_id TEXT NOT NULL REFERENCES parts(id),
      place TEXT NOT NULL CHECK (place IN ('shelf', 'engineer', 'bad', 'transit', 'loaned')),
      holder_id TEXT,
      qty INTEGER NOT NULL CHECK (qty >= 0),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX part_stock_station ON part_stock(station_id, part_id);

    CREATE TABLE part_movements (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      -- the station's calendar month of at, "2026-04": the reconciliation's and the lock's unit
      month TEXT NOT NULL,
      part_id TEXT NOT NULL REFERENCES parts(id),
      qty INTEGER NOT NULL,
      engineer_id TEXT,
      ticket_id TEXT,
      -- JSON array of {partId, place, holderId, delta}: what the movement did to the balances
      legs TEXT NOT NULL CHECK (json_valid(legs) AND json_type(legs) = 'array'),
      actor_id TEXT NOT NULL,
      -- the two signatures of the seed's forms (申领单 / 退库补领单): the clerk who keeps the parts, the manager who keeps the accounts
      clerk_id TEXT,
      manager_id TEXT,
      reason TEXT NOT NULL DEFAULT '',
      -- a higher-grade substitute: who at the branch approved it, and the note for the return
      approved_by TEXT,
      approval_note TEXT NOT NULL DEFAULT '',
      -- the branch's request or shipment number (入库), the return box (坏件返库), the return slip (更换)
      reference TEXT NOT NULL DEFAULT '',
      slip_id TEXT,
      batch_id TEXT
    ) STRICT;
    CREATE INDEX part_movements_station_at ON part_movements(station_id, at);
    CREATE INDEX part_movements_station_month ON part_movements(station_id, month);
    CREATE INDEX part_movements_ticket ON part_movements(ticket_id) WHERE ticket_id IS NOT NULL;

    CREATE TABLE return_slips (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      part_id TEXT NOT NULL REFERENCES parts(id),
      -- the good part put in its place (another number only for an approved substitute)
      good_part_id TEXT NOT NULL REFERENCES parts(id),
      ticket_id TEXT NOT NULL,
      engineer_id TEXT NOT NULL,
      movement_id TEXT NOT NULL,
      fault_description TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('open', 'boxed', 'received')),
      batch_id TEXT,
      created_at TEXT NOT NULL,
      received_at TEXT
    ) STRICT;
    CREATE INDEX return_slips_station_status ON return_slips(station_id, status);
    CREATE INDEX return_slips_ticket ON return_slips(ticket_id);

    CREATE TABLE return_batches (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('shipped', 'received')),
      shipped_at TEXT NOT NULL,
      shipped_by TEXT NOT NULL,
      received_at TEXT
    ) STRICT;

    -- 备品备件申请表: what the station asks the branch for; the branch approves (or not) the same day
    CREATE TABLE part_requests (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      -- JSON array of {partId, qty}
      lines TEXT NOT NULL CHECK (json_valid(lines) AND json_type(lines) = 'array'),
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'received')),
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      decided_by TEXT,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      received_at TEXT
    ) STRICT;

    -- 部件物理损坏鉴定表: a part damaged by the user is exchanged only once the branch approves the assessment
    CREATE TABLE damage_assessments (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      number TEXT NOT NULL UNIQUE,
      ticket_id TEXT NOT NULL,
      part_id TEXT NOT NULL REFERENCES parts(id),
      finding TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      assessed_by TEXT NOT NULL,
      assessed_at TEXT NOT NULL,
      decided_by TEXT,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      -- the swap that used it (an approval is good for one exchange)
      used_by TEXT
    ) STRICT;

    CREATE TABLE reconciliations (
      id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES stations(id),
      month TEXT NOT NULL,
      -- JSON array of {partId, place, holderId, counted, reason}
      counts TEXT NOT NULL CHECK (json_valid(counts) AND json_type(counts) = 'array'),
      clerk_id TEXT,
      clerk_signed_at TEXT,
      manager_id TEXT,
      manager_signed_at TEXT,
      -- set when both have signed: from then on nothing may change the month
      locked_at TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (station_id, month)
    ) STRICT;
  `,
}
