// A ticket's carry-in, for its detail panel: the receipt, the tag, where the repair stands, the day
// promised, the call owed and the same actions as at the counter; 收机登记 while it is not taken in.
import type { CloseOutForm } from '../../../shared/api/closeoutSchemas'
import { useTranslation } from 'react-i18next'
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/enums'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp, useDeskToday } from '../store/app'
import { CarryInStatusChip, OwedCall } from './bits'
import { CarryInActions } from './CarryInActions'
import { TakeInButton } from './IntakeHost'
import { useCarryIn } from './store'
import './carryIn.css'

/** `form`: the ticket's close-out facts (whether it is a carry-in, still open, taken in), read once by the detail panel. */
export function TicketCarryIn({ form }: { form: CloseOutForm }): React.JSX.Element | null {
  const ticketId = form.ticketId
  const { t } = useTranslation()
  const today = useDeskToday()
  const setView = useApp((s) => s.setView)
  const select = useCarryIn((s) => s.select)
  const { data: c } = useDeskQuery('carryIn.ofTicket', form?.carryIn ? { ticketId } : null, ['carry_ins', 'tickets'])
  if (!form.carryIn) {
    if (form.serviceMode !== 'carry_in' || !OPEN_TICKET_STATUSES.includes(form.status)) return null
    return (
      <section className="ticket-carry-in" data-testid="ticket-carry-in">
        <h3>{t('nav.carryIn')}</h3>
        <p className="sub">{t('carryIn.intake.ticketHint')}</p>
        <TakeInButton ticketId={ticketId} />
      </section>
    )
  }
  if (!c) return null
  if (c.ticketId !== ticketId) return null
  return (
    <section className="ticket-carry-in" data-testid="ticket-carry-in">
      <h3>
        {t('nav.carryIn')}
        <button
          type="button"
          className="link"
          onClick={() => {
            select(c.id)
            setView('carryIn')
          }}
        >
          {t('carryIn.toCounter')} →
        </button>
      </h3>
      <div className="ci-ticket-line">
        <span className="ci-tag">{c.tagNumber}</span>
        <span className="mono">{c.number}</span>
        <CarryInStatusChip status={c.status} />
        <span>
          {t('carryIn.detail.promisedOn')} {c.promisedOn}
        </span>
      </div>
      {c.lateNotice && <OwedCall notice={c.lateNotice} today={today} />}
      <CarryInActions carryIn={c} />
    </section>
  )
}
