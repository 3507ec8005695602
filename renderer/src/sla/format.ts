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
