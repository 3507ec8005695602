import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { DeskError, type FieldIssue } from '../../../shared/api/errors'

/** Localizes a desk error (or anything thrown) for the current language. */
export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation()
  return useCallback(
    (e: unknown) =>
      e instanceof DeskError ? String(t(e.body.key as never, e.body.params as never)) : t('errors.internal', { detail: e instanceof Error ? e.message : String(e) }),
    [t],
  )
}

/** Field path → localized message, for marking the fields of a form. */
export function fieldErrors(e: unknown, t: (key: never, params?: never) => unknown): Record<string, string> {
  const issues: FieldIssue[] = e instanceof DeskError ? (e.body.issues ?? []) : []
  return Object.fromEntries(issues.map((i) => [i.path, String(t(i.key as never, i.params as never))]))
}
