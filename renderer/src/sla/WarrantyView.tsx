import { useTranslation } from 'react-i18next'
import type { WarrantyVerdictOut } from '../../../shared/api/schemas'

/** A warranty verdict in one line: covered or not, until when, from which date, and 三包. */
export function WarrantyLine({ v, onsiteFee }: { v: WarrantyVerdictOut; onsiteFee?: number }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className={`warranty ${v.covered ? 'covered' : 'not-covered'}`}>
      <span className={`chip ${v.covered ? 'warranty-in' : 'warranty-out'}`}>{v.covered ? t('warranty.covered') : t('warranty.notCovered')}</span>{' '}
      <b>{t(`enums.component.${v.component}` as never)}</b> · {t(`enums.warrantyReason.${v.reason}` as never)}
      {v.lastDay && <> · {t('warranty.until', { date: v.lastDay })}</>}
      {v.startDate && <> · {v.basis === 'invoice' ? t('warranty.basisInvoice', { date: v.startDate }) : t('warranty.basisFactory', { date: v.startDate.slice(0, 7) })}</>}
      {v.sanbao.window !== 'not_applicable' && (
        <div className="sanbao">
          <b>{t('warranty.sanbao')}：</b>
          {v.sanbao.day !== null ? t('warranty.sanbaoDay', { day: v.sanbao.day, text: t(`enums.sanbao.${v.sanbao.window}` as never) }) : t(`enums.sanbao.${v.sanbao.window}` as never)}
        </div>
      )}
      {!v.covered && onsiteFee !== undefined && <div className="sub">{t('warranty.charges', { fee: onsiteFee })}</div>}
    </div>
  )
}

export function WarrantyParts({ parts }: { parts: WarrantyVerdictOut[] }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <details className="warranty-parts">
      <summary>{t('warranty.parts')}</summary>
      <ul>
        {parts.map((p) => (
          <li key={p.component}>
            <span className={`chip ${p.covered ? 'warranty-in' : 'warranty-out'}`}>{p.covered ? t('warranty.covered') : t('warranty.notCovered')}</span> {t(`enums.component.${p.component}` as never)}
            {p.lastDay && <span className="sub"> · {t('warranty.until', { date: p.lastDay })}</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}
