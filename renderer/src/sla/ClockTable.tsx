import { useTranslation } from 'react-i18next'
import type { ClockView } from '../../../shared/api/schemas'
import { useStationTime } from '../tickets/format'
import { ClockChip } from './ClockChip'
import { useDuration } from './format'

/** Each clock with its state, its deadlines as wall-clock times and the target it comes from. */
export function ClockTable({ clocks }: { clocks: ClockView[] }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  const duration = useDuration()
  return (
    <table className="clock-table">
      <tbody>
        {clocks.map((c) => (
          <tr key={c.clock} data-clock={c.clock}>
            <th scope="row">{t(`enums.clock.${c.clock}`)}</th>
            <td>
              <ClockChip clock={c} />
            </td>
            <td className="due" data-testid={`due-${c.clock}`}>
              {c.dueAt ? t('sla.due', { at: time(c.dueAt) }) : t('sla.noDeadline')}
            </td>
            <td className="sub">{t('sla.target', { warn: duration(c.warnMinutes), limit: duration(c.limitMinutes), source: c.source })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
