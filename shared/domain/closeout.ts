// 完工: what a finished job costs the customer (seed 002 §九), and the rules of the close-out itself
// (seed 002 §十一, seed 004 §二). Amounts are in fen; the rules keep their fees in yuan, as typed in 设置.
import type { Category } from './enums'
import { localDate } from './time'
import { warrantyVerdict, type Component, type FaultCause, type WarrantyReason, type WarrantyRules } from './warranty'

/** The device the job was on, as the warranty engine reads it (null: not registered). */
export interface JobDevice {
  category: Category
  brand: string
  invoiceDate: string | null
  factoryMonth: string | null
}

export interface ChargeableLine {
  component: Component
  /** 保外价, fen. */
  price: number
  /** When a part of this kind was last put into this device out of warranty (its own 3-month warranty). */
  replacedOutOfWarrantyOn: string | null
  /** This part was damaged by the user (an approved 物理损坏 exchange): out of warranty whatever the job's cause. */
  userDamaged?: boolean
}

export interface ChargedLine {
  covered: boolean
  reason: WarrantyReason
  /** What the customer pays for it, fen. */
  charged: number
}

export interface JobCharges {
  lines: ChargedLine[]
  /** Whether the device itself (its main component) is in warranty: it decides the visit fee. */
  deviceCovered: boolean
  materials: number
  labour: number
  onsiteFee: number
  total: number
}

export interface JobChargeInput {
  device: JobDevice | null
  /** The job's day in the station's time zone, yyyy-MM-dd. */
  on: string
  cause: FaultCause
  /** 上门 at the customer's request (保外原则上不上门; 50 元/次 when asked for). */
  onsiteRequested: boolean
  lines: readonly ChargeableLine[]
}

const fen = (yuan: number) => Math.round(yuan * 100)

/**
 * Nothing in warranty; out of it, each part at the price list unless that part is still in its own
 * warranty (in period, or within 3 months of an out-of-warranty replacement), carry-in labour as the
 * rules say (free), and the visit fee when the customer asked for a visit to a device out of warranty.
 */
export function jobCharges(rules: WarrantyRules, input: JobChargeInput): JobCharges {
  const verdictOf = (component: Component, replacedOutOfWarrantyOn: string | null, cause: FaultCause) =>
    input.device
      ? warrantyVerdict(rules, { ...input.device, component, on: input.on, cause, replacedOutOfWarrantyOn })
      : { covered: false, reason: 'no_date' as const }
  const device = input.device ? verdictOf(rules.categories[input.device.category].main, null, input.cause) : { covered: false }
  const lines = input.lines.map((l): ChargedLine => {
    const v = verdictOf(l.component, l.replacedOutOfWarrantyOn, l.userDamaged ? 'user_damage' : input.cause)
    return { covered: v.covered, reason: v.reason, charged: v.covered ? 0 : l.price }
  })
  const materials = lines.reduce((sum, l) => sum + l.charged, 0)
  const outOfWarranty = !device.covered
  const labour = outOfWarranty ? fen(rules.outOfWarranty.carryInLabour) : 0
  const onsiteFee = outOfWarranty && input.onsiteRequested ? fen(rules.outOfWarranty.onsiteFee) : 0
  return { lines, deviceCovered: device.covered, materials, labour, onsiteFee, total: materials + labour + onsiteFee }
}

/** An earlier close-out of the same device: what it charged for, and what the customer paid in the end. */
export interface EarlierJob {
  closedAt: string
  lines: readonly { component: Component; charged: number }[]
  total: number
}

/** When a part of this kind last went into the device at the customer's cost (the close-out instant); a job let off free does not count. */
export function lastPaidReplacement(reports: readonly EarlierJob[], component: Component): string | null {
  let last: string | null = null
  for (const r of reports) if (r.total > 0 && r.lines.some((l) => l.component === component && l.charged > 0) && (last === null || r.closedAt > last)) last = r.closedAt
  return last
}

/**
 * The charges of a job from its facts, as the close-out stores them and its form shows them: judged on
 * the day the fault was reported (as the ticket's warranty verdict is), each part against its own
 * warranty and its own last paid replacement.
 */
export function chargesOfJob(
  rules: WarrantyRules,
  job: {
    device: JobDevice | null
    reportedAt: string
    timezone: string | undefined
    cause: FaultCause
    onsiteRequested: boolean
    parts: readonly { component: Component; price: number; userDamaged: boolean }[]
    earlier: readonly EarlierJob[]
  },
): JobCharges {
  const day = (instant: string) => localDate(new Date(instant), job.timezone)
  return jobCharges(rules, {
    device: job.device,
    on: day(job.reportedAt),
    cause: job.cause,
    onsiteRequested: job.onsiteRequested,
    lines: job.parts.map((p) => {
      const paid = lastPaidReplacement(job.earlier, p.component)
      return { component: p.component, price: p.price, replacedOutOfWarrantyOn: paid === null ? null : day(paid), userDamaged: p.userDamaged }
    }),
  })
}

/** The seed's wait at an empty door: 20 minutes, then a note, then leave. */
export const MISSED_VISIT_WAIT_MINUTES = 20

/** Minutes waited between arriving and leaving, or null when leaving is before arriving. */
export function minutesWaited(arrivedAt: string, leftAt: string): number | null {
  const ms = Date.parse(leftAt) - Date.parse(arrivedAt)
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 60_000) : null
}
