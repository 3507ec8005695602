// Small pieces the counter page and the ticket's carry-in panel both show.
import { accessoryDiff } from '../../../shared/domain/carryIn'
import { useTranslation } from 'react-i18next'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import type { CarryInStatus } from '../../../shared/domain/carryIn'
import { daysLate } from './counter'

export function CarryInStatusChip({ status }: { status: CarryInStatus }): React.JSX.Element {
  const { t } = useTranslation()
  return <span className={`chip ci-status-${status}`}>{t(`enums.carryInStatus.${status}`)}</span>
}

/** The call owed to the customer: "今天须告知客户", or "已逾期 N 天未告知" in red; with why on a second line. */
export function OwedCall({ notice, today, withKind = true }: { notice: CarryInView['lateNotice']; today: string; withKind?: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  if (!notice) return <span className="placeholder">{t('carryIn.owed.none')}</span>
  return (
    <span className={`owed-call ${notice.overdue ? 'overdue' : 'today'}`} data-testid="owed-call">
      <b>{notice.overdue ? t('carryIn.owed.overdue', { days: daysLate(notice.dueOn, today, true) }) : t('carryIn.owed.today')}</b>
      {withKind && <span className="why">{t(`carryIn.owed.${notice.kind}`)}</span>}
    </span>
  )
}

/** 主机 ✓ · 键盘 ✓ · 鼠标 ✗ …, and the missing and extra items spelt out as the receipt prints them. */
export function AccessoryList({ accessories }: { accessories: CarryInView['accessories'] }): React.JSX.Element {
  const { t } = useTranslation()
  if (accessories.length === 0) return <p className="sub">{t('carryIn.detail.noAccessories')}</p>
  const { missing, extra } = accessoryDiff(accessories)
  return (
    <>
      <ul className="ci-accessories" data-testid="ci-accessories">
        {accessories.map((a) => (
          <li key={a.item} className={a.present ? (a.standard ? 'present' : 'extra') : 'absent'}>
            <span aria-hidden="true">{a.present ? '✓' : '✗'}</span> {a.item}
            <span className="sub"> {a.standard ? (a.present ? t('carryIn.detail.present') : t('carryIn.detail.absent')) : t('carryIn.detail.extraMark')}</span>
          </li>
        ))}
      </ul>
      {missing.length > 0 && <p className="ci-diff missing">{t('carryIn.detail.missing', { items: missing.join('、') })}</p>}
      {extra.length > 0 && <p className="ci-diff extra">{t('carryIn.detail.extra', { items: extra.join('、') })}</p>}
    </>
  )
}
