import type { z } from 'zod'
import type { MessageKey } from '../i18n'
import { DeskError, type FieldIssue } from './errors'

/**
 * Parses input at a boundary. Schemas carry message keys as their error texts
 * (e.g. 'errors.field.phoneInvalid'); zod's own messages become 'errors.field.invalid'.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    const key = (issue.message.startsWith('errors.') ? issue.message : 'errors.field.invalid') as MessageKey
    const params = issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined
    return { path: issue.path.map(String).join('.'), key, ...(params ? { params } : {}) }
  })
  return failValidation(issues)
}

export function failValidation(issues: FieldIssue[]): never {
  const detail = issues.map((i) => i.path).join(', ')
  throw new DeskError({ code: 'validation', key: 'errors.validation', issues, params: { detail } })
}
