// 送修: a device the customer brings to the counter (seed 002 §十一 送修服务 / 取机服务). The take-in
// receipt (取机凭证) lists what came with it against the standard configuration; a repair that will
// miss its promised date is told to the customer before that date and every 2 days after.
import { addDays, format, parseISO } from 'date-fns'
import type { Category } from './enums'

export const CARRY_IN_STATUSES = ['received', 'repairing', 'waiting_parts', 'ready', 'picked_up'] as const
export type CarryInStatus = (typeof CARRY_IN_STATUSES)[number]

/** The steps a repair at the bench may take (修复 is the close-out; 取机 the pick-up). */
export const CARRY_IN_STEPS: Record<CarryInStatus, readonly CarryInStatus[]> = {
  received: ['repairing', 'waiting_parts'],
  repairing: ['waiting_parts'],
  waiting_parts: ['repairing'],
  ready: [],
  picked_up: [],
}

/** 标配: what a device of each kind normally comes in with; the clerk ticks what is there and adds extras. */
export const STANDARD_KITS: Record<Category, readonly string[]> = {
  desktop: ['主机', '键盘', '鼠标', '电源线'],
  laptop: ['笔记本电脑', '电源适配器', '电池'],
  server: ['服务器', '电源线', '导轨'],
  monitor: ['显示器', '电源线', '信号线', '底座'],
  printer: ['打印机', '电源线', '数据线', '硒鼓/墨盒'],
  network: ['设备', '电源适配器'],
  software: ['安装介质'],
  other: [],
}

export interface Accessory {
  item: string
  /** In the standard configuration. */
  standard: boolean
  present: boolean
}

/** 部件比标配少 / 比标配多: both go on the receipt. */
export function accessoryDiff(items: readonly Accessory[]): { missing: string[]; extra: string[] } {
  return {
    missing: items.filter((a) => a.standard && !a.present).map((a) => a.item),
    extra: items.filter((a) => !a.standard && a.present).map((a) => a.item),
  }
}

export interface LateRepairNotice {
  /** The day the customer should be told by (yyyy-MM-dd). */
  dueOn: string
  /** First notice before the promised date, or the progress call every 2 days after. */
  kind: 'before_promise' | 'progress'
  overdue: boolean
}

/** yyyy-MM-dd plus n calendar days. */
export const plusDays = (d: string, n: number): string => format(addDays(parseISO(d), n), 'yyyy-MM-dd')

/**
 * The call owed to a customer whose repair is not ready: due the day before the promised date, then 2
 * days after each call; null while nothing is owed yet (or the device is ready). Days are the station's
 * calendar days (the seed counts 每隔两天, not working days).
 */
export function lateRepairNotice(c: { status: CarryInStatus; promisedOn: string; noticeDays: readonly string[] }, today: string): LateRepairNotice | null {
  if (c.status === 'ready' || c.status === 'picked_up') return null
  const firstDue = plusDays(c.promisedOn, -1)
  const last = c.noticeDays.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null)
  const dueOn = last === null || plusDays(last, 2) < firstDue ? firstDue : plusDays(last, 2)
  if (today < dueOn) return null
  return { dueOn, kind: last !== null && last >= firstDue ? 'progress' : 'before_promise', overdue: today > dueOn }
}
