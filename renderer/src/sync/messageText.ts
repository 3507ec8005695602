import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

export interface ServerMessage {
  key: string
  params?: Record<string, unknown> | null
  message: string
}

/** A message from the desk core or the server in the current language; its own Chinese text when the catalogs lack the key (a newer server). */
export function useMessageText(): (m: ServerMessage) => string {
  const { t, i18n } = useTranslation()
  return useCallback((m: ServerMessage) => (i18n.exists(m.key) ? String(t(m.key as never, (m.params ?? {}) as never)) : m.message), [t, i18n])
}

/** What a mutation did, in words (同步记录); the mutation's name when the catalogs do not know it. */
export function useMutationLabel(): (name: string) => string {
  const { t, i18n } = useTranslation()
  return useCallback((name: string) => (i18n.exists(`sync.mutation.${name}`) ? String(t(`sync.mutation.${name}` as never)) : name), [t, i18n])
}
