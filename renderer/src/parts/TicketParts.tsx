// A ticket's parts: what was swapped on it (and by whom) and the bad parts still to go back.
import { useTranslation } from 'react-i18next'
import { localDateTime } from '../../../shared/domain/time'
import { useDeskQuery } from '../api/useDeskQuery'
import { openPrint } from '../slips/print'

export function TicketParts({ ticketId }: { ticketId: string }): React.JSX.Element | null {
  const { t } = useTranslation()
  const { data } = useDeskQuery('parts.ofTicket', { ticketId }, ['part_movements', 'return_slips'])
  if (!data || (data.movements.length === 0 && data.slips.length === 0)) return null
  return (
    <>
      <h3>{t('parts.onTicket')}</h3>
      <ul className="ticket-parts" data-testid="ticket-parts">
        {data.movements.map((m) => (
          <li key={m.id}>
            <time>{localDateTime(m.at)}</time> {t(`enums.movementKind.${m.kind}`)} <span className="mono">{m.partNumber}</span> {m.partName} × {Math.abs(m.qty)}
            {m.engineerName && ` · ${m.engineerName}`}
          </li>
        ))}
        {data.slips.map((s) => (
          <li key={s.id} className={s.status === 'open' ? 'warn' : undefined}>
            {t('parts.slipNumber')} <span className="mono">{s.number}</span> · {s.partNumber} · {t(`parts.slipState.${s.status}`)}{' '}
            <button type="button" className="link" onClick={() => openPrint('return-slip', s.id)}>
              {t('parts.printSlip')}
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
