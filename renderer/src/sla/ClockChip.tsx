import { useTranslation } from 'react-i18next'
import type { ClockView } from '../../../shared/api/schemas'
import { useClockText } from './format'

/** One clock in a word and a colour: what is left, or how far over. */
export function ClockChip({ clock, withName = false }: { clock: ClockView; withName?: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useClockText()(clock.state, clock.leftMinutes)
  return (
    <span className={`chip clock clock-${clock.state}`} title={t(`enums.clockState.${clock.state}`)}>
      {withName && <b>{t(`enums.clock.${clock.clock}`)} </b>}
      {text}
    </span>
  )
}
