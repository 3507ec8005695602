import { z } from 'zod'
import { Instant } from '../api/schemas'
import { ServiceRulesSchema } from '../api/rulesSchema'
import { ruleError } from '../api/errors'
import { failValidation } from '../api/validate'
import { mergeHolidays, parseHolidayCsv } from '../domain/holidayCsv'
import { OPEN_TICKET_STATUSES } from '../domain/enums'
import type { ServiceRules } from '../domain/rules'
import { recomputeClocks } from './clocks'
import type { TicketPauseRow } from './tables'
import type { MutationContext, Tx } from './tx'

export const rulesRowId = (version: number) => `rules-v${version}`
const HEAD = 'head'

/** A rules version, parsed once per store (versions never change). */
export async function rulesVersion(tx: Tx, version: number): Promise<ServiceRules> {
  const key = rulesRowId(version)
  let rules = tx.memo.get(key) as ServiceRules | undefined
  if (!rules) {
    const row = await tx.get('service_rules', key)
    if (!row) throw new Error(`service rules version ${version} is missing`)
    rules = row.data
    tx.memo.set(key, rules)
  }
  return rules
}

export async function rulesInForce(tx: Tx): Promise<{ version: number; rules: ServiceRules }> {
  const head = await tx.get('rules_head', HEAD)
  if (!head) throw new Error('no service rules in force')
  return { version: head.version, rules: await rulesVersion(tx, head.version) }
}

/** Writes a new version and points the head at it; open tickets move to it and their clocks are recomputed. */
export async function publishRules(tx: Tx, rules: ServiceRules, note: string, at: string, userId: string | null): Promise<number> {
  const head = await tx.get('rules_head', HEAD)
  const version = (head?.version ?? 0) + 1
  await tx.put('service_rules', { id: rulesRowId(version), version, data: rules, note, created_by: userId, created_at: at })
  await tx.put('rules_head', { id: HEAD, version })
  if (head) {
    // every pause at once, rather than a query per open ticket
    const pausesOf = new Map<string, TicketPauseRow[]>()
    for (const p of await tx.list('ticket_pauses', {})) pausesOf.set(p.ticket_id, [...(pausesOf.get(p.ticket_id) ?? []), p])
    for (const status of OPEN_TICKET_STATUSES) {
      for (const t of await tx.list('tickets', { status })) await recomputeClocks(tx, t, { repin: true, at, pauses: pausesOf.get(t.id) ?? [] })
    }
  }
  return version
}

export const RulesUpdateArgs = z.object({
  baseVersion: z.number().int().min(1),
  rules: ServiceRulesSchema,
  note: z.string().trim().max(200).default(''),
  at: Instant,
})
export type RulesUpdateArgs = z.output<typeof RulesUpdateArgs>

async function checkBase(tx: Tx, baseVersion: number): Promise<void> {
  const head = await tx.get('rules_head', HEAD)
  if (head && head.version !== baseVersion) throw ruleError('errors.rules.stale', { current: head.version })
}

/** 设置 → 服务规则: a manager edits the rules; edits made on an older version are refused, not merged. */
export async function updateRules(tx: Tx, args: RulesUpdateArgs, ctx: MutationContext): Promise<{ version: number }> {
  await checkBase(tx, args.baseVersion)
  return { version: await publishRules(tx, args.rules as ServiceRules, args.note, args.at, ctx.userId) }
}

export const HolidayImportArgs = z.object({ baseVersion: z.number().int().min(1), csv: z.string().max(100_000, { error: 'errors.field.tooLong' }), at: Instant })
export type HolidayImportArgs = z.output<typeof HolidayImportArgs>

/** Imports a year's holiday notice (CSV); the years in the file replace what the table had for them. */
export async function importHolidays(tx: Tx, args: HolidayImportArgs, ctx: MutationContext): Promise<{ version: number; imported: number }> {
  await checkBase(tx, args.baseVersion)
  const { entries, problems } = parseHolidayCsv(args.csv)
  if (problems.length) failValidation(problems.map((p) => ({ path: `csv.${p.line}`, key: p.key })))
  const { rules } = await rulesInForce(tx)
  const years = [...new Set(entries.map((e) => e.date.slice(0, 4)))].join('、')
  const version = await publishRules(tx, { ...rules, holidays: mergeHolidays(rules.holidays, entries) }, `导入节假日 ${years}`, args.at, ctx.userId)
  return { version, imported: entries.length }
}

