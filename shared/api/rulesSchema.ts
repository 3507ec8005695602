// The service rules document as it crosses a boundary (设置 → desk, desk → server).
import { z } from 'zod'
import { CATEGORIES, FAULT_LEVELS, SERVICE_LEVELS, ZONES } from '../domain/enums'
import { CLOCKS } from '../domain/sla'
import { COMPONENTS } from '../domain/warranty'

const minutes = z.number({ error: 'errors.rules.minutes' }).int({ error: 'errors.rules.minutes' }).min(0, { error: 'errors.rules.minutes' }).max(60 * 24 * 60, { error: 'errors.rules.minutes' })
const Window = z
  .tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)], { error: 'errors.rules.window' })
  .refine(([s, e]) => s < e, { error: 'errors.rules.window' })
const Windows = z.array(Window).max(6)
const Calendar = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(80),
  week: z.array(Windows).length(7),
  observesHolidays: z.boolean(),
  makeUpDay: Windows,
})
const role = z.enum(['manager', 'hq'])
const perFault = <T extends z.ZodType>(t: T) => z.object({ critical: t, major: t, general: t, minor: t })

export const ServiceRulesSchema = z
  .object({
    timezone: z.string().min(1).max(60),
    calendars: z.record(z.string(), Calendar),
    levelCalendar: z.object({ '5x8': z.string(), '7x14': z.string(), '7x24': z.string(), none: z.string() }),
    holidays: z
      .array(z.object({ date: z.iso.date({ error: 'errors.holidays.date' }), kind: z.enum(['off', 'work'], { error: 'errors.holidays.kind' }), name: z.string().max(40) }))
      .max(2000),
    sla: z
      .array(
        z
          .object({
            level: z.enum([...SERVICE_LEVELS, 'none', '*']),
            zone: z.enum([...ZONES, '*']),
            fault: z.enum([...FAULT_LEVELS, '*']),
            clock: z.enum(CLOCKS),
            warn: minutes,
            limit: minutes,
            source: z.string().max(80),
          })
          .refine((r) => r.warn <= r.limit && r.limit > 0, { error: 'errors.rules.warnAfterLimit', path: ['warn'] }),
      )
      .max(500),
    escalation: z.object({ hotlineLimit: perFault(minutes), supervisors: z.object({ onsite: perFault(role), expert: perFault(role) }) }),
    phoneFixRecheckHours: z.number().int().min(1).max(240),
    warranty: z.object({
      rows: z.array(z.object({ productLine: z.string().min(1).max(40), component: z.enum(COMPONENTS), months: z.number().int().min(0).max(240), onsite: z.boolean(), source: z.string().max(80) })).max(1000),
      categories: z.record(z.enum(CATEGORIES), z.object({ main: z.enum(COMPONENTS), parts: z.array(z.enum(COMPONENTS)) })),
      sanbao: z.object({ returnDays: z.number().int().min(0).max(60), exchangeDays: z.number().int().min(0).max(90), source: z.string().max(120), appliesTo: z.array(z.enum(CATEGORIES)) }),
      outOfWarranty: z.object({ onsiteFee: z.number().min(0).max(10000), carryInLabour: z.number().min(0).max(10000), replacedPartMonths: z.number().int().min(0).max(36) }),
    }),
  })
  .refine((r) => Object.values(r.levelCalendar).every((id) => id in r.calendars), { error: 'errors.rules.calendarMissing', path: ['levelCalendar'] })
  .refine((r) => r.warranty.sanbao.returnDays <= r.warranty.sanbao.exchangeDays, { error: 'errors.rules.sanbaoOrder', path: ['warranty', 'sanbao'] })
