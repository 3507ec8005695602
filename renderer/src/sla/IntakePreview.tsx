import { useTranslation } from 'react-i18next'
import type { TicketPreview } from '../../../shared/api/schemas'
import { ClockTable } from './ClockTable'
import { WarrantyLine, WarrantyParts } from './WarrantyView'

/** At intake, before saving: the service level, the deadlines the ticket will have, and the warranty verdict. */
export function IntakePreview({ preview }: { preview: TicketPreview }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <section className="intake-preview" aria-label={t('sla.preview')}>
      <h4>
        {t('sla.preview')}{' '}
        <span className="sub">
          {t(`enums.serviceLevel.${preview.serviceLevel}`)} · {preview.calendarName} · {t(`enums.zone.${preview.zone}`)} · {t('sla.rulesVersion', { version: preview.rulesVersion })}
        </span>
      </h4>
      <ClockTable clocks={preview.clocks} />
      <h4>{t('warranty.title')}</h4>
      {preview.warranty ? (
        <>
          <WarrantyLine v={preview.warranty.main} onsiteFee={preview.onsiteFee} />
          <WarrantyParts parts={preview.warranty.parts} />
        </>
      ) : (
        <p className="sub">{t('warranty.none')}</p>
      )}
    </section>
  )
}
