import { useTranslation } from 'react-i18next'
import type { ClockView } from '../../../shared/api/schemas'
import { useDuration } from './format'

/** One clock in a word and a colour: what is left, or how far over. */
export function ClockChip({ clock, withName = false }: { clock: ClockView; withName?: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const duration = useDuration()
  const left = clock.leftMinutes
  const text =
    clock.state === 'met'
      ? t('enums.clockState.met')
      : clock.state === 'paused'
        ? t('sla.frozen', { time: duration(left) })
        : left < 0
          ? t('sla.over', { time: duration(left) })
          : t('sla.left', { time: duration(left) })
  return (
    <span className={`chip clock clock-${clock.state}`} title={t(`enums.clockState.${clock.state}`)}>
      {withName && <b>{t(`enums.clock.${clock.clock}`)} </b>}
      {text}
    </span>
  )
}
