// A contract's inspection plan, new or changed: the customer found by phone or name (its contract in
// force comes with it), how often, from when until when (by default the contract's end), what to inspect.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerMatch } from '../../../shared/api/schemas'
import type { PlanView } from '../../../shared/api/followUpSchemas'
import { INSPECTION_FREQUENCIES, type InspectionFrequency } from '../../../shared/domain/followUp'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { onField } from '../carryIn/ruleField'
import { useDeskToday } from '../store/app'
import { Field, FormFooter, SelectField } from '../tickets/fields'
import { matchContact } from '../tickets/format'
import { useEscape } from './visits'

export function PlanDialog({ plan, onClose, onDone }: { plan: PlanView | null; onClose(): void; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useDeskToday()
  const { errors, formError, busy, submit } = useFormSubmit()
  const [text, setText] = useState('')
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [customerId, setCustomerId] = useState<string | null>(plan?.customerId ?? null)
  const [frequency, setFrequency] = useState<InspectionFrequency>(plan?.frequency ?? 'quarterly')
  const [startsOn, setStartsOn] = useState(plan?.startsOn ?? today)
  const [endsOn, setEndsOn] = useState(plan?.endsOn ?? '')
  const [note, setNote] = useState(plan?.note ?? '')
  const [active, setActive] = useState(plan?.active ?? true)
  // a new plan takes the contract in force of the customer chosen; a plan kept keeps its own
  useEscape(onClose)
  const { data: card } = useDeskQuery('customers.card', !plan && customerId ? { id: customerId } : null)
  const contractId = plan ? plan.contractId : card?.id === customerId ? (card?.contract?.id ?? null) : null
  const contractText = plan
    ? (plan.contractNumber ?? t('followUp.plan.noContract'))
    : card?.id !== customerId
      ? '…'
      : card?.contract
        ? t('followUp.plan.contractInForce', { number: card.contract.number, endsOn: card.contract.endsOn })
        : t('followUp.plan.noContractInForce')

  useEffect(() => {
    const typed = text.trim()
    if (customerId || typed.length < 2) return setMatches(null)
    const h = setTimeout(() => {
      desk.call('customers.lookup', { text: typed }).then(
        (found) => {
          setMatches(found)
          setLookupError(null)
        },
        (e: unknown) => setLookupError(errorText(e)),
      )
    }, 200)
    return () => clearTimeout(h)
  }, [text, customerId, errorText])

  // the plan runs until the contract ends unless told otherwise
  useEffect(() => {
    if (!plan && card?.contract) setEndsOn(card.contract.endsOn)
  }, [plan, card])

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void submit(async () => {
      try {
        const saved = await desk.call('plan.save', {
          ...(plan ? { planId: plan.id } : {}),
          customerId: customerId ?? '',
          contractId,
          frequency,
          startsOn,
          endsOn: endsOn || null,
          note,
          active,
        })
        onDone(t('followUp.plan.saved', { number: saved.number }))
      } catch (err) {
        throw onField(err, { 'errors.followUp.planDates': 'endsOn', 'errors.rule.customerNotFound': 'customerId', 'errors.followUp.contractNotOfCustomer': 'customerId' })
      }
    })
  }

  return (
    <div className="modal-backdrop">
      <form className="modal small fu-plan-form" role="dialog" aria-modal="true" aria-labelledby="fu-plan-title" onSubmit={save} noValidate data-testid="fu-plan-dialog">
        <h2 id="fu-plan-title">{plan ? t('followUp.plan.titleEdit', { number: plan.number }) : t('followUp.plan.titleNew')}</h2>
        {customerId ? (
          <div className="fu-plan-customer" data-testid="fu-plan-customer">
            <div>
              <b>{plan?.unitName ?? card?.unitName ?? t('common.loading')}</b>
              <span className="sub">
                {t('followUp.plan.contract')}：{contractText}
              </span>
            </div>
            {!plan && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  setCustomerId(null)
                  setEndsOn('')
                }}
              >
                {t('followUp.plan.change')}
              </button>
            )}
            {errors.customerId && <span className="field-error">{errors.customerId}</span>}
          </div>
        ) : (
          <div className="fu-plan-lookup">
            <Field id="fu-plan-lookup" label={t('followUp.plan.customer')} error={errors.customerId ?? lookupError ?? undefined}>
              <input value={text} autoFocus autoComplete="off" maxLength={50} placeholder={t('followUp.plan.lookupHint')} onChange={(e) => setText(e.target.value)} data-testid="fu-plan-lookup" />
            </Field>
            {matches &&
              (matches.length === 0 ? (
                <p className="sub">{t('followUp.plan.noMatches')}</p>
              ) : (
                <ul className="fu-matches">
                  {matches.map((m) => (
                    <li key={m.id}>
                      <button type="button" className="match" onClick={() => setCustomerId(m.id)} data-testid="fu-plan-match">
                        <b>
                          {m.unitName}
                          {m.keyAccount && <span className="badge">{t('intake.keyAccount')}</span>}
                        </b>
                        <span className="sub">{matchContact(m)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ))}
          </div>
        )}
        <SelectField<InspectionFrequency> id="fu-plan-frequency" label={t('followUp.plan.frequency')} value={frequency} options={INSPECTION_FREQUENCIES} labelOf={(f) => t(`enums.frequency.${f}`)} onChange={setFrequency} error={errors.frequency} />
        <div className="row2">
          <Field id="fu-plan-starts" label={t('followUp.plan.startsOn')} error={errors.startsOn}>
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="fu-plan-starts" />
          </Field>
          <Field id="fu-plan-ends" label={t('followUp.plan.endsOn')} error={errors.endsOn}>
            <input type="date" value={endsOn} min={startsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="fu-plan-ends" />
          </Field>
        </div>
        <p className="sub fu-ends-hint">{t('followUp.plan.endsOnHint')}</p>
        <Field id="fu-plan-note" label={t('followUp.plan.note')} error={errors.note}>
          <textarea rows={2} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <label className="fu-check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="fu-plan-active" /> {t('followUp.plan.activeLabel')}
        </label>
        <FormFooter formError={formError} fieldErrors={errors} busy={busy} onCancel={onClose} submitLabel={t('followUp.plan.save')} testId="fu-plan-save" />
      </form>
    </div>
  )
}
