// What can be done with a carry-in where it stands: 开始检测维修 / 待备件 at the bench, 告知客户,
// 完工 (the close-out form, by whoever shows these), 取机 once repaired, and its take-in receipt.
import { openCloseOut } from '../closeout/CloseOutHost'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import { CARRY_IN_STEPS } from '../../../shared/domain/carryIn'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { openPrint } from '../slips/print'
import { useApp } from '../store/app'
import { NoticeDialog } from './NoticeDialog'
import { PickUpDialog } from './PickUpDialog'

export function CarryInActions({ carryIn: c }: { carryIn: CarryInView }): React.JSX.Element {
  const { t } = useTranslation()
  const showToast = useApp((s) => s.showToast)
  const { formError, busy, submit } = useFormSubmit()
  const [dialog, setDialog] = useState<'notice' | 'pickUp' | null>(null)
  const done = (message: string) => {
    setDialog(null)
    showToast(message)
  }
  const step = (to: 'repairing' | 'waiting_parts') =>
    void submit(async () => {
      await desk.call('carryIn.step', { carryInId: c.id, to })
      showToast(t('carryIn.stepped', { tag: c.tagNumber, status: to }))
    })
  const atBench = c.status === 'received' || c.status === 'repairing' || c.status === 'waiting_parts'

  return (
    <div className="ci-actions" role="group" aria-label={t('carryIn.detail.title')}>
      {CARRY_IN_STEPS[c.status].map((to) => (
        <button key={to} type="button" disabled={busy} onClick={() => step(to as 'repairing' | 'waiting_parts')} data-testid={`ci-step-${to}`}>
          {to === 'repairing' && c.status === 'waiting_parts' ? t('carryIn.action.resume') : t(`carryIn.action.${to as 'repairing' | 'waiting_parts'}`)}
        </button>
      ))}
      {atBench && (
        <button type="button" onClick={() => openCloseOut(c.ticketId)} data-testid="ci-close-out">
          {t('carryIn.action.closeOut')}
        </button>
      )}
      {c.status === 'ready' && (
        <button type="button" className="primary" onClick={() => setDialog('pickUp')} data-testid="ci-pick-up">
          {t('carryIn.action.pickUp')}
        </button>
      )}
      {c.status !== 'picked_up' && (
        <button type="button" className={c.lateNotice ? (c.lateNotice.overdue ? 'danger' : 'warn') : ''} onClick={() => setDialog('notice')} data-testid="ci-notice">
          {c.status === 'ready' ? t('carryIn.action.callPickUp') : t('carryIn.action.notice')}
        </button>
      )}
      <button type="button" onClick={() => openPrint('take-in', c.id)} data-testid="ci-print">
        {c.printCount > 0 ? t('carryIn.action.reprint') : t('carryIn.action.print')}
      </button>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {dialog === 'notice' && <NoticeDialog carryIn={c} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'pickUp' && <PickUpDialog carryIn={c} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  )
}
