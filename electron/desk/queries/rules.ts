import type { ServiceRules } from '../../../shared/domain/rules'
import { rulesRowId } from '../../../shared/mutators'
import type { Db } from '../db/open'

/** Service rules for the desk's reads: the same parsed object per version as the mutators use (shared memo). */
export function rulesReader(db: Db, memo: Map<string, unknown>) {
  const byVersion = db.prepare('SELECT data FROM service_rules WHERE version = ?').pluck()
  const head = db.prepare("SELECT version FROM rules_head WHERE id = 'head'").pluck()
  const row = db.prepare("SELECT r.version, r.data, r.note, r.created_at AS createdAt, u.name AS createdByName FROM service_rules r LEFT JOIN users u ON u.id = r.created_by WHERE r.version = ?")
  function version(v: number): ServiceRules {
    const key = rulesRowId(v)
    let rules = memo.get(key) as ServiceRules | undefined
    if (!rules) {
      const data = byVersion.get(v) as string | undefined
      if (!data) throw new Error(`service rules version ${v} is missing`)
      rules = JSON.parse(data) as ServiceRules
      memo.set(key, rules)
    }
    return rules
  }
  return {
    version,
    headVersion: () => head.get() as number,
    inForce: () => {
      const v = head.get() as number
      return { version: v, rules: version(v) }
    },
    current() {
      const r = row.get(head.get()) as { version: number; data: string; note: string; createdAt: string; createdByName: string | null }
      return { version: r.version, rules: version(r.version), note: r.note, createdAt: r.createdAt, createdByName: r.createdByName }
    },
  }
}
export type RulesReader = ReturnType<typeof rulesReader>
