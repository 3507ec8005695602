// The demo station's follow-up, made by the real mutators with ids from the tickets (the same seed gives the same data): each finished demo job's outcome and visits, the
// closed jobs' visits done with their surveys (a few dissatisfied, so the register has complaints at
// every step), a quarterly inspection plan, and this month's key-customer calls.
import { addDays } from '../../../shared/domain/followUp'
import type { ResolveMethod } from '../../../shared/domain/enums'
import { advanceComplaint, followUpJob, recordVisit, runSchedule, savePlan, type ComplaintStepArgs } from '../../../shared/mutators/followUp'
import type { MutationContext, ReturnVisitRow, TicketPauseRow, TicketRow } from '../../../shared/mutators'
import { HQ_STAFF, dispatcherId } from '../../../shared/demo/network'
import { localDate } from '../../../shared/domain/time'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'

const METHOD: Record<TicketRow['service_mode'], ResolveMethod> = { onsite: 'onsite', carry_in: 'carry_in', phone_support: 'phone', remote: 'remote' }

/** The surveys' scores in turn; about one job in twenty left the customer dissatisfied. */
const HAPPY = [
  [5, 5, 5, 5],
  [4, 4, 5, 4],
  [5, 4, 5, 5],
  [5, 5, 4, 5],
  [4, 5, 4, 4],
  [5, 5, 5, 4],
] as const
const UNHAPPY = { 3: [2, 2, 4, 3], 20: [3, 3, 4, 2] } as Record<number, readonly [number, number, number, number]>
const COMMENTS: Record<number, string> = { 0: '工程师很专业', 2: '来得很快', 3: '等了一下午才到，希望改进', 5: '满意', 20: '换件后问题还在，又来了一次' }

export async function seedDemoFollowUp(db: Db, tx: SqliteTx, stationId: string, now: Date, opts: { inspectionPlan: boolean }): Promise<void> {
  const done = db.prepare("SELECT * FROM tickets WHERE station_id = ? AND resolved_at IS NOT NULL AND status IN ('resolved', 'closed') ORDER BY resolved_at").all(stationId) as (Record<string, unknown> & { id: string })[]
  const pausesOf = db.prepare('SELECT * FROM ticket_pauses WHERE ticket_id = ?')
  const desk: MutationContext = { clientId: 'demo', userId: dispatcherId(stationId), role: 'dispatcher', stationId, deskCode: 'demo' }
  const hq: MutationContext = { ...desk, userId: HQ_STAFF[0]!.id, role: 'hq' }
  const timezone = (db.prepare('SELECT timezone FROM stations WHERE id = ?').pluck().get(stationId) as string | undefined) ?? 'Asia/Shanghai'
  db.exec('BEGIN IMMEDIATE')
  try {
    let complaints = 0
    for (const [i, raw] of done.entries()) {
      const t = (await tx.get('tickets', raw.id))!
      await followUpJob(tx, t, { at: t.resolved_at!, method: METHOD[t.service_mode] }, pausesOf.all(t.id) as TicketPauseRow[])
      // the calls owed before today were made a day or two after the job, but for a few left late
      const recent = Date.parse(t.resolved_at!) > now.getTime() - 20 * 86_400_000
      const owed = [await tx.get('return_visits', `${t.id}:recheck`), await tx.get('return_visits', `${t.id}:level1`)].filter((v): v is ReturnVisitRow => v !== undefined && v.due_at <= now.toISOString())
      if (owed.length === 0 || (recent && i % 5 === 2)) continue
      const [overall, timeliness, attitude, quality] = UNHAPPY[i % 37] ?? HAPPY[i % HAPPY.length]!
      const survey = { overall, timeliness, attitude, quality, comment: COMMENTS[i % 37] ?? '' }
      let visitedAt = t.resolved_at!
      for (const [k, v] of owed.entries()) {
        visitedAt = new Date(Math.min(Date.parse(t.resolved_at!) + (1 + (i % 2)) * 86_400_000, Date.parse(v.due_at) - 3_600_000, now.getTime() - 3_600_000)).toISOString()
        // a phone fix's re-check found it holding; the customer's verdict came at the level-1 visit
        const r = await recordVisit(tx, { visitId: v.id, outcome: 'reached', survey: k < owed.length - 1 ? { overall: 5, timeliness: 5, attitude: 5, quality: 5, comment: '' } : survey, note: '', at: visitedAt, complaintId: `${v.id}:complaint`, complaintNumber: `TS-DEMO-${String(complaints + 1).padStart(3, '0')}` }, desk)
        if (r.complaintId) await walkComplaint(tx, r.complaintId, complaints++, visitedAt, timezone, now, desk)
      }
      const level2 = await tx.get('return_visits', `${t.id}:level2`)
      if (level2 && level2.due_at < now.toISOString() && !(recent && i % 4 === 1)) {
        const calledAt = new Date(Math.min(Date.parse(visitedAt) + 2 * 86_400_000, now.getTime() - 3_600_000)).toISOString()
        await recordVisit(tx, { visitId: level2.id, outcome: 'reached', survey: { overall: 5, timeliness: 4 + (i % 2), attitude: 5, quality: 5, comment: '' }, note: '', at: calledAt, complaintId: `${level2.id}:complaint`, complaintNumber: '-' }, hq)
      }
    }
    const key = db.prepare('SELECT c.id AS customerId, ct.id AS contractId, ct.ends_on AS endsOn FROM customers c JOIN contracts ct ON ct.customer_id = c.id WHERE c.station_id = ? AND c.key_account = 1 ORDER BY c.unit_name LIMIT 1').get(stationId) as
      | { customerId: string; contractId: string; endsOn: string }
      | undefined
    const today = localDate(now, timezone)
    if (opts.inspectionPlan && key && key.endsOn >= today) {
      const manager: MutationContext = { ...desk, userId: `${stationId}-manager`, role: 'manager' }
      await savePlan(tx, { id: `${stationId}-plan-1`, number: 'XJ-DEMO-001', at: now.toISOString(), customerId: key.customerId, contractId: key.contractId, frequency: 'quarterly', startsOn: addDays(today, -120), endsOn: null, note: '服务器与网络设备预防性维护', active: true }, manager)
    }
    await runSchedule(tx, { at: now.toISOString() }, desk)
    db.exec('COMMIT')
  } catch (e) {
    db.exec('ROLLBACK')
    throw e
  }
}

/**
 * The demo's complaints: those of more than a month ago went through every step over a few days; the
 * recent ones stand at different steps (closed, handled, or just opened, in turn).
 */
async function walkComplaint(tx: SqliteTx, complaintId: string, n: number, openedAt: string, timezone: string, now: Date, ctx: MutationContext): Promise<void> {
  const opened = Date.parse(openedAt)
  const old = opened < now.getTime() - 30 * 86_400_000
  const hours = (h: number) => new Date(Math.min(opened + h * 3_600_000, now.getTime() - 60_000)).toISOString()
  // a day or two for the serious ones, up to a week for the rest
  const closeAfter = 20 + (n % 6) * 24
  const steps: ComplaintStepArgs[] = [
    { complaintId, step: 'investigate', findings: '核实：工程师当天任务过多，到场晚于预约时间 2 小时', id: `${complaintId}:investigate`, at: hours(3) },
    { complaintId, step: 'handle', resolution: '客服主任致电道歉，安排工程师次日复查', id: `${complaintId}:handle`, at: hours(8) },
    { complaintId, step: 'reply', repliedOn: localDate(new Date(hours(10)), timezone), reaction: 'accepted', note: '客户接受道歉', id: `${complaintId}:reply`, at: hours(10) },
    { complaintId, step: 'rectify', corrective: '调整该片区派工，每名工程师每天不超过 5 单', preventive: '派工时检查工程师当天已有工单，超过 4 单提醒调度员', id: `${complaintId}:rectify`, at: hours(closeAfter - 2) },
    { complaintId, step: 'close', id: `${complaintId}:close`, at: hours(closeAfter) },
  ]
  const upTo = old || n % 3 === 0 ? steps.length : n % 3 === 1 ? 2 : 0
  for (const s of steps.slice(0, upTo)) await advanceComplaint(tx, s, ctx)
}
