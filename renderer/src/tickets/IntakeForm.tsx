import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerCard, CustomerMatch } from '../../../shared/api/schemas'
import { CATEGORIES, CHANNELS, FAULT_LEVELS, SERVICE_MODES, type Category, type Channel, type FaultLevel, type ServiceMode } from '../../../shared/domain/enums'
import { isValidPhone, normalizePhone } from '../../../shared/domain/phone'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { useTickets } from '../store/tickets'
import { LevelChip, StatusChip } from './Chips'
import { Field, FormFooter, SelectField } from './fields'
import { NewCustomerForm } from './NewCustomerForm'
import { IntakePreview } from '../sla/IntakePreview'
import { FAULT_CAUSES, type FaultCause } from '../../../shared/domain/warranty'
import { useStationTime } from './format'

interface TicketFields {
  assetId: string
  reporterName: string
  reporterPhone: string
  faultDescription: string
  category: Category
  faultLevel: FaultLevel
  channel: Channel
  serviceMode: ServiceMode
  cause: FaultCause
}

const EMPTY: TicketFields = {
  assetId: '',
  reporterName: '',
  reporterPhone: '',
  faultDescription: '',
  category: 'desktop',
  faultLevel: 'general',
  channel: 'phone',
  serviceMode: 'onsite',
  cause: 'normal',
}

/** 新建工单: find the caller by number (or register them), describe the fault, save. */
export function IntakeForm(): React.JSX.Element {
  const { t } = useTranslation()
  const { closeIntake, showToast } = useApp()
  const titleId = useId()
  const phoneRef = useRef<HTMLInputElement>(null)
  const [phone, setPhone] = useState('')
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null)
  const [customerId, setCustomerId] = useState<string | null>(null)
  const [registering, setRegistering] = useState(false)
  const [fields, setFields] = useState<TicketFields>(EMPTY)
  const { errors, setErrors, formError, busy: saving, submit } = useFormSubmit()
  const { data: card } = useDeskQuery('customers.card', customerId ? { id: customerId } : null)
  const { data: preview } = useDeskQuery(
    'tickets.preview',
    customerId ? { customerId, assetId: fields.assetId || null, faultLevel: fields.faultLevel, serviceMode: fields.serviceMode, cause: fields.cause } : null,
  )

  useEffect(() => phoneRef.current?.focus(), [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeIntake()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [closeIntake])

  // Look the caller up while the number is typed; a full number with one match selects it.
  useEffect(() => {
    const text = phone.trim()
    if (customerId || text.length < 2) return setMatches(null)
    const h = setTimeout(async () => {
      const found = await desk.call('customers.lookup', { text })
      setMatches(found)
      if (found.length === 1 && isValidPhone(text) && found[0]!.phones.includes(normalizePhone(text))) choose(found[0]!.id)
    }, 200)
    return () => clearTimeout(h)
  }, [phone, customerId])

  // When the customer's card arrives, fill who is calling from it.
  useEffect(() => {
    if (!card || card.id !== customerId) return
    const typed = normalizePhone(phone)
    const contact = card.contacts.find((c) => c.phone === typed) ?? card.contacts[0]
    setFields((f) => ({
      ...f,
      reporterName: f.reporterName || contact?.name || '',
      reporterPhone: f.reporterPhone || (isValidPhone(typed) ? typed : (contact?.phone ?? '')),
    }))
  }, [card, customerId, phone])

  function choose(id: string) {
    setCustomerId(id)
    setRegistering(false)
    setErrors((e) => ({ ...e, customerId: '' }))
  }

  function set<K extends keyof TicketFields>(key: K, value: TicketFields[K]) {
    setFields((f) => ({ ...f, [key]: value }))
  }

  function chooseAsset(assetId: string) {
    const asset = card?.assets.find((a) => a.id === assetId)
    setFields((f) => ({ ...f, assetId, category: asset?.category ?? f.category }))
  }

  function save(e: React.FormEvent) {
    e.preventDefault()
    void submit(async () => {
      const created = await desk.call('ticket.create', {
        customerId: customerId ?? '',
        assetId: fields.assetId || null,
        reporterName: fields.reporterName,
        reporterPhone: fields.reporterPhone,
        faultDescription: fields.faultDescription,
        category: fields.category,
        faultLevel: fields.faultLevel,
        channel: fields.channel,
        serviceMode: fields.serviceMode,
        cause: fields.cause,
      })
      const tickets = useTickets.getState()
      tickets.resetFilters(card?.station.id ?? '')
      tickets.select(created.id)
      closeIntake()
      showToast(t('tickets.created', { number: created.number }))
    })
  }

  return (
    <div className="modal-backdrop">
      <form className="modal intake" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={save} noValidate>
        <h2 id={titleId}>{t('intake.title')}</h2>
        <div className="intake-grid">
          <section className="caller">
            {!customerId ? (
              <>
                <Field id="intake-phone" label={t('intake.phone')} error={errors.customerId}>
                  <input ref={phoneRef} value={phone} inputMode="tel" autoComplete="off" placeholder={t('intake.phonePlaceholder')} onChange={(e) => setPhone(e.target.value)} />
                </Field>
                {matches && (
                  <div className="matches" aria-live="polite">
                    <p className="hint">{matches.length ? t('intake.matches', { count: matches.length }) : t('intake.noMatch')}</p>
                    <ul>
                      {matches.map((m) => (
                        <li key={m.id}>
                          <button type="button" className="match" onClick={() => choose(m.id)}>
                            <strong>{m.unitName}</strong>
                            {m.keyAccount && <span className="badge">{t('intake.keyAccount')}</span>}
                            <span>
                              {m.contactName} · <span className="mono">{m.phones.join(' / ')}</span>
                            </span>
                            <span className="sub">
                              {m.address} · {m.stationName}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {registering ? (
                  <NewCustomerForm phone={phone} onCreated={choose} onCancel={() => setRegistering(false)} />
                ) : (
                  <button type="button" onClick={() => setRegistering(true)}>
                    {t('intake.registerCustomer')}
                  </button>
                )}
              </>
            ) : (
              card && <CustomerCardView card={card} onChange={() => setCustomerId(null)} />
            )}
            {customerId && preview && <IntakePreview preview={preview} />}
          </section>
          <section className="ticket-fields">
            <div className="row2">
              <Field id="intake-reporter" label={t('intake.reporterName')} error={errors.reporterName}>
                <input value={fields.reporterName} onChange={(e) => set('reporterName', e.target.value)} />
              </Field>
              <Field id="intake-reporter-phone" label={t('intake.reporterPhone')} error={errors.reporterPhone}>
                <input value={fields.reporterPhone} inputMode="tel" onChange={(e) => set('reporterPhone', e.target.value)} />
              </Field>
            </div>
            {card && card.id === customerId && card.assets.length > 0 && (
              <Field id="intake-asset" label={t('intake.asset')} error={errors.assetId}>
                <select value={fields.assetId} onChange={(e) => chooseAsset(e.target.value)}>
                  <option value="">{t('intake.noAssetChoice')}</option>
                  {card.assets.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t(`enums.category.${a.category}`)} · {a.brand} {a.model} · {a.serial}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field id="intake-fault" label={t('intake.faultDescription')} error={errors.faultDescription}>
              <textarea rows={4} value={fields.faultDescription} placeholder={t('intake.faultPlaceholder')} onChange={(e) => set('faultDescription', e.target.value)} />
            </Field>
            <div className="row2">
              <SelectField id="intake-category" label={t('intake.category')} value={fields.category} options={CATEGORIES} labelOf={(c) => t(`enums.category.${c}`)} onChange={(v) => set('category', v)} error={errors.category} />
              <SelectField id="intake-level" label={t('intake.faultLevel')} value={fields.faultLevel} options={FAULT_LEVELS} labelOf={(c) => t(`enums.faultLevel.${c}`)} onChange={(v) => set('faultLevel', v)} error={errors.faultLevel} />
            </div>
            <div className="row2">
              <SelectField id="intake-cause" label={t('intake.cause')} value={fields.cause} options={FAULT_CAUSES} labelOf={(c) => t(`enums.cause.${c}`)} onChange={(v) => set('cause', v)} error={errors.cause} />
            </div>
            <div className="row2">
              <SelectField id="intake-channel" label={t('intake.channel')} value={fields.channel} options={CHANNELS} labelOf={(c) => t(`enums.channel.${c}`)} onChange={(v) => set('channel', v)} error={errors.channel} />
              <SelectField id="intake-mode" label={t('intake.serviceMode')} value={fields.serviceMode} options={SERVICE_MODES} labelOf={(c) => t(`enums.serviceMode.${c}`)} onChange={(v) => set('serviceMode', v)} error={errors.serviceMode} />
            </div>
          </section>
        </div>
        <FormFooter formError={formError} busy={saving} onCancel={closeIntake} submitLabel={t('common.save')} />
      </form>
    </div>
  )
}

function CustomerCardView({ card, onChange }: { card: CustomerCard; onChange(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  return (
    <div className="customer-card" aria-label={t('intake.selectedCustomer')}>
      <header>
        <h3>{card.unitName}</h3>
        {card.keyAccount && <span className="badge">{t('intake.keyAccount')}</span>}
        <button type="button" className="link" onClick={onChange}>
          {t('intake.changeCustomer')}
        </button>
      </header>
      <p>
        {card.contacts.map((c) => (
          <span key={c.phone} className="contact">
            {c.name} <span className="mono">{c.phone}</span>
          </span>
        ))}
      </p>
      <p className="sub">
        {card.address} · {card.regionName} · {t(`enums.zone.${card.zone}`)} · {card.station.name}
      </p>
      <p>
        <strong>{t('intake.contract')}：</strong>
        {card.contract ? t('intake.contractUntil', { level: t(`enums.serviceLevel.${card.contract.serviceLevel}`), until: card.contract.endsOn }) : t('intake.noContract')}
      </p>
      <h4>{t('intake.assets')}</h4>
      <ul className="assets">
        {card.assets.map((a) => (
          <li key={a.id}>
            {t(`enums.category.${a.category}`)} · {a.brand} {a.model} <span className="mono sub">{a.serial}</span>
          </li>
        ))}
      </ul>
      <h4>{t('intake.recentTickets')}</h4>
      {card.recentTickets.length === 0 ? (
        <p className="sub">{t('intake.noRecentTickets')}</p>
      ) : (
        <ul className="recent">
          {card.recentTickets.slice(0, 5).map((r) => (
            <li key={r.id}>
              <span className="mono">{r.number}</span> {time(r.createdAt).slice(0, 10)} <LevelChip level={r.faultLevel} /> <StatusChip status={r.status} /> {r.faultDescription}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
