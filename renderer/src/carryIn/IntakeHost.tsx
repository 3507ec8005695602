// The 收机登记 dialog over whichever view opened it (the 送修 page, a ticket's detail): on success the
// receipt number in a toast and the take-in receipt's print preview.
import { useTranslation } from 'react-i18next'
import { useApp } from '../store/app'
import { IntakeDialog } from './IntakeDialog'
import { openPrint } from '../slips/print'
import { useCarryIn } from './store'
import './carryIn.css'

export function IntakeHost(): React.JSX.Element | null {
  const { t } = useTranslation()
  const intakeFor = useCarryIn((s) => s.intakeFor)
  const close = useCarryIn((s) => s.closeIntake)
  const select = useCarryIn((s) => s.select)
  const showToast = useApp((s) => s.showToast)
  if (intakeFor === null) return null
  return (
    <IntakeDialog
      key={intakeFor}
      ticketId={intakeFor || null}
      onClose={close}
      onDone={({ id, number, tag }) => {
        close()
        select(id)
        showToast(t('carryIn.intake.saved', { number, tag }))
        openPrint('take-in', id)
      }}
    />
  )
}

/** 收机登记 for a ticket, for its detail panel. */
export function TakeInButton({ ticketId }: { ticketId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const open = useCarryIn((s) => s.openIntake)
  return (
    <button type="button" className="primary" onClick={() => open(ticketId)} data-testid="ci-take-in">
      {t('carryIn.intakeOpen')}
    </button>
  )
}
