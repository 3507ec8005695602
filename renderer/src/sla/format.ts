import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** Service minutes as the desk says them: 2小时05分, 45分钟. */
export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation()
  return useCallback(
    (minutes: number) => {
      const m = Math.abs(Math.round(minutes))
      return m >= 60 ? t('sla.hours', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') }) : t('sla.minutes', { m })
    },
    [t],
  )
}

/**
 * A clock in words: met, frozen at what it had left, over by, or left. `leftMinutes` null: a paused
 * clock whose time left the caller does not have (the board's), named by its state alone.
 */
export function useClockText(): (state: 'running' | 'warning' | 'paused' | 'breached' | 'met', leftMinutes: number | null) => string {
  const { t } = useTranslation()
  const duration = useDuration()
  return useCallback(
    (state, left) =>
      state === 'met'
        ? t('enums.clockState.met')
        : left === null
          ? t(`enums.clockState.${state}`)
          : state === 'paused'
            ? t('sla.frozen', { time: duration(left) })
            : left < 0
              ? t('sla.over', { time: duration(left) })
              : t('sla.left', { time: duration(left) }),
    [t, duration],
  )
}
