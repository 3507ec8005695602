// The parts catalogue every desk starts with, and a demo station's stock: parts received from the branch
// three weeks ago, some issued to engineers, and one swapped on a ticket whose bad part waits to go back.
// Booked through the same mutators as the screens use, so balances and ledger agree from the start.
import { v7 as uuidv7 } from 'uuid'
import { DEMO_PARTS } from '../../../shared/demo/parts'
import type { MutationContext } from '../../../shared/mutators'
import { issueParts, receiveParts, swapPart } from '../../../shared/mutators/parts'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'

/** A data dir from before 备件 (or a new one): the demo catalogue, the same rows the server seeds. */
export function ensurePartsCatalogue(db: Db, tx: SqliteTx): void {
  if (db.prepare('SELECT 1 FROM parts LIMIT 1').get()) return
  db.transaction(() => DEMO_PARTS.forEach((p) => tx.putSync('parts', p)))()
}

const ON_SHELF: Record<string, number> = { 'part-hdd-500': 6, 'part-hdd-1t': 3, 'part-mem-4g': 10, 'part-mem-8g': 4, 'part-psu-300': 5, 'part-kb-usb': 12, 'part-ms-usb': 12, 'part-lcd-19': 2 }

export async function seedDemoStock(db: Db, tx: SqliteTx, stationId: string, now: Date): Promise<void> {
  const engineers = db.prepare("SELECT id FROM users WHERE station_id = ? AND role = 'engineer' AND active = 1 ORDER BY name LIMIT 3").all(stationId) as { id: string }[]
  const ticket = db.prepare("SELECT id FROM tickets WHERE station_id = ? AND status IN ('on_site', 'en_route', 'accepted', 'assigned') ORDER BY created_at LIMIT 1").get(stationId) as { id: string } | undefined
  const ctx: MutationContext = { clientId: 'demo', userId: `${stationId}-clerk`, role: 'clerk', stationId, deskCode: 'demo' }
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
  const signed = { clerkId: `${stationId}-clerk`, managerId: `${stationId}-manager` }
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const [partId, qty] of Object.entries(ON_SHELF)) await receiveParts(tx, { id: uuidv7(), at: at(21), partId, qty, reference: '分公司发货单 FH-0301' }, ctx)
    for (const e of engineers) {
      await issueParts(tx, { id: uuidv7(), at: at(14), partId: 'part-hdd-500', qty: 1, engineerId: e.id, ...signed }, ctx)
      await issueParts(tx, { id: uuidv7(), at: at(14), partId: 'part-mem-4g', qty: 2, engineerId: e.id, ...signed }, ctx)
    }
    const first = engineers[0]
    if (first && ticket) {
      await swapPart(
        tx,
        { id: uuidv7(), at: at(9), slipId: uuidv7(), slipNumber: 'FX-DEMO-001', ticketId: ticket.id, engineerId: first.id, partId: 'part-mem-4g', faultDescription: '内存条开机不自检，替换后正常', approvalNote: '', physicalDamage: false },
        ctx,
      )
    }
    db.exec('COMMIT')
  } catch (e) {
    db.exec('ROLLBACK')
    throw e
  }
}
