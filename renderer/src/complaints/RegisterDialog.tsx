// 投诉登记 (客户投诉处理记录表, seed 000): who complains, about which customer's service (a ticket's, whose
// customer and engineer come with it, or a customer found by name or phone), how and when it came in,
// what about and how serious; the severity sets the working days it has to be closed in.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerMatch, TicketDetail } from '../../../shared/api/schemas'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_WORKING_DAYS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
} from '../../../shared/domain/followUp'
import { instantOfLocalInput, localInputValue } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { onField } from '../carryIn/ruleField'
import { ticketByNumber } from '../parts/lookup'
import { deskNow, useApp } from '../store/app'
import { Field, FormFooter, SelectField, TicketNumberLookup } from '../tickets/fields'
import { matchContact } from '../tickets/format'

/** The customer the complaint is about: the ticket's, or one picked. */
interface Party {
  id: string
  unitName: string
}

const LOOKUP_PAUSE_MS = 250

export function RegisterDialog({ onClose, onDone }: { onClose(): void; onDone(result: { id: string; number: string }): void }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const { errors, setErrors, formError, busy, submit } = useFormSubmit()
  const { data: engineers } = useDeskQuery('engineers.list', {}, ['users'])

  const [numberText, setNumberText] = useState('')
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [customerError, setCustomerError] = useState<string | null>(null)
  const [looking, setLooking] = useState(false)
  const [customerText, setCustomerText] = useState('')
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null)
  const [customer, setCustomer] = useState<Party | null>(null)
  const [engineerId, setEngineerId] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [channel, setChannel] = useState<ComplaintChannel>('hotline')
  const [received, setReceived] = useState(() => localInputValue(deskNow().toISOString(), timezone))
  const [category, setCategory] = useState<ComplaintCategory | ''>('')
  const [severity, setSeverity] = useState<ComplaintSeverity>('general')
  const [description, setDescription] = useState('')

  // customers by name or phone as the clerk types, unless the complaint is about a ticket
  useEffect(() => {
    const text = customerText.trim()
    setCustomerError(null)
    if (ticket || customer || text.length < 2) return setMatches(null)
    let stale = false
    const timer = setTimeout(() => {
      desk.call('customers.lookup', { text }).then(
        (found) => !stale && setMatches(found),
        (e: unknown) => !stale && setCustomerError(errorText(e)),
      )
    }, LOOKUP_PAUSE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [customerText, ticket, customer, errorText])

  const findTicket = async () => {
    const wanted = numberText.trim()
    if (!wanted) return
    setLooking(true)
    setLookupError(null)
    try {
      const found = await ticketByNumber(wanted)
      if (!found) return setLookupError(t('complaints.register.ticketNotFound', { number: wanted }))
      const detail = await desk.call('tickets.get', { id: found.id })
      setTicket(detail)
      setCustomer({ id: detail.customer.id, unitName: detail.customer.unitName })
      setEngineerId(detail.assigneeId ?? '')
      if (!name.trim()) setName(detail.reporterName)
      if (!phone.trim()) setPhone(detail.reporterPhone)
    } catch (e) {
      setLookupError(errorText(e))
    } finally {
      setLooking(false)
    }
  }

  const pickCustomer = (m: CustomerMatch) => {
    setCustomer({ id: m.id, unitName: m.unitName })
    setMatches(null)
    if (!name.trim()) setName(m.contactName)
    if (!phone.trim()) setPhone(m.phones[0] ?? '')
  }

  const clearParty = () => {
    setTicket(null)
    setCustomer(null)
    setEngineerId('')
    setNumberText('')
    setCustomerText('')
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    const receivedAt = instantOfLocalInput(received, timezone)
    // a half-typed date and time reads as no value at all
    if (!receivedAt) return setErrors({ receivedAt: t('errors.field.invalid') })
    void submit(async () => {
      let result: { id: string; number: string }
      try {
        result = await desk.call('complaint.register', {
          ticketId: ticket?.id ?? null,
          customerId: customer?.id ?? null,
          engineerId: engineerId || null,
          complainantName: name,
          complainantPhone: phone,
          channel,
          receivedAt,
          // left unchosen, the desk names the field
          category: category as ComplaintCategory,
          severity,
          description,
        })
      } catch (err) {
        throw onField(err, {
          'errors.complaint.receivedInFuture': 'receivedAt',
          'errors.complaint.customerRequired': 'customer',
          'errors.rule.customerNotFound': 'customer',
          'errors.complaint.customerNotOfTicket': 'ticket',
          'errors.rule.ticketNotFound': 'ticket',
          'errors.parts.engineerRequired': 'engineerId',
        })
      }
      onDone(result)
    })
  }

  const days = COMPLAINT_WORKING_DAYS[severity]
  const ticketError = lookupError ?? errors.ticket
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal cp-form cp-register-dialog" role="dialog" aria-modal="true" aria-labelledby="cp-register-title" onSubmit={save} noValidate data-testid="cp-register-dialog">
        <h2 id="cp-register-title">{t('complaints.register.title')}</h2>
        <div className="cp-register-grid">
          <fieldset>
            <legend>{t('complaints.register.about')}</legend>
            {customer ? (
              <div className="cp-party" data-testid="cp-register-party">
                <div>
                  <b>{customer.unitName}</b>
                  {ticket && (
                    <span className="sub">
                      {t('complaints.register.ofTicket', { number: ticket.number })} · {ticket.faultDescription}
                    </span>
                  )}
                </div>
                <button type="button" className="link" onClick={clearParty}>
                  {t('complaints.register.change')}
                </button>
              </div>
            ) : (
              <>
                <TicketNumberLookup
                  id="cp-register-ticket"
                  className="cp-lookup"
                  label={t('complaints.register.ticket')}
                  value={numberText}
                  onChange={setNumberText}
                  error={ticketError ?? undefined}
                  looking={looking}
                  onFind={() => void findTicket()}
                  findLabel={looking ? t('common.loading') : t('complaints.register.find')}
                  testId="cp-register-ticket"
                  findTestId="cp-register-find"
                />
                <Field id="cp-register-customer" label={t('complaints.register.customer')} error={customerError ?? errors.customer}>
                  <input value={customerText} autoComplete="off" placeholder={t('complaints.register.customerHint')} onChange={(e) => setCustomerText(e.target.value)} data-testid="cp-register-customer" />
                </Field>
                {matches && (
                  <ul className="cp-matches" data-testid="cp-register-matches">
                    {matches.length === 0 && <li className="sub">{t('complaints.register.noMatch')}</li>}
                    {matches.map((m) => (
                      <li key={m.id}>
                        <button type="button" className="cp-match" onClick={() => pickCustomer(m)}>
                          <b>{m.unitName}</b>
                          <span className="sub">{matchContact(m)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <Field id="cp-register-engineer" label={t('complaints.register.engineer')} error={errors.engineerId}>
              <select value={engineerId} onChange={(e) => setEngineerId(e.target.value)} data-testid="cp-register-engineer">
                <option value="">{t('complaints.register.noEngineer')}</option>
                {/* the ticket's engineer may be another station's helper, not in the list */}
                {ticket?.assigneeId && !engineers?.some((x) => x.id === ticket.assigneeId) && <option value={ticket.assigneeId}>{ticket.assigneeName}</option>}
                {(engineers ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </Field>
            <div className="row2">
              <Field id="cp-register-name" label={t('complaints.register.complainantName')} error={errors.complainantName}>
                <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="cp-register-name" />
              </Field>
              <Field id="cp-register-phone" label={t('complaints.register.complainantPhone')} error={errors.complainantPhone}>
                <input className="mono" value={phone} maxLength={30} onChange={(e) => setPhone(e.target.value)} data-testid="cp-register-phone" />
              </Field>
            </div>
            <div className="row2">
              <SelectField<ComplaintChannel> id="cp-register-channel" label={t('complaints.register.channel')} value={channel} options={COMPLAINT_CHANNELS} labelOf={(c) => t(`enums.complaintChannel.${c}`)} onChange={setChannel} error={errors.channel} />
              <Field id="cp-register-received" label={t('complaints.register.receivedAt')} error={errors.receivedAt}>
                <input type="datetime-local" value={received} max={localInputValue(deskNow().toISOString(), timezone)} onChange={(e) => setReceived(e.target.value)} data-testid="cp-register-received" />
              </Field>
            </div>
          </fieldset>
          <div>
            <div className="row2">
              <Field id="cp-register-category" label={t('complaints.register.category')} error={errors.category}>
                <select value={category} onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')} data-testid="cp-register-category">
                  <option value="">{t('complaints.register.choose')}</option>
                  {COMPLAINT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`enums.complaintCategory.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <SelectField<ComplaintSeverity> id="cp-register-severity" label={t('complaints.register.severity')} value={severity} options={COMPLAINT_SEVERITIES} labelOf={(s) => t(`enums.complaintSeverity.${s}`)} onChange={setSeverity} error={errors.severity} />
            </div>
            <p className="cp-rule" data-testid="cp-register-deadline">
              <b>{t('complaints.register.deadline', { days })}</b>
              <span className="sub">{t('complaints.register.deadlineRule', { serious: COMPLAINT_WORKING_DAYS.serious, major: COMPLAINT_WORKING_DAYS.major, general: COMPLAINT_WORKING_DAYS.general })}</span>
              {category === 'timeliness' && <span className="cp-rule-late">{t('complaints.register.lateResponseRule')}</span>}
            </p>
            <Field id="cp-register-description" label={t('complaints.register.description')} error={errors.description}>
              <textarea rows={7} value={description} maxLength={2000} placeholder={t('complaints.register.descriptionHint')} onChange={(e) => setDescription(e.target.value)} data-testid="cp-register-description" />
            </Field>
          </div>
        </div>
        <FormFooter formError={formError} fieldErrors={errors} busy={busy} onCancel={onClose} submitLabel={t('complaints.register.save')} testId="cp-register-save" />
      </form>
    </div>
  )

}
