// 收机登记 (seed 002 送修服务): the device a customer brings to the counter, checked in front of them.
// The ticket is found by its number (typed or scanned) or given; the device comes from the ticket's
// asset, the standard kit of its kind is ticked off, extras added, its condition written down, a tag
// stuck on it and a day promised; the desk gives the take-in receipt (取机凭证) to print.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetail } from '../../../shared/api/schemas'
import { STANDARD_KITS, type Accessory } from '../../../shared/domain/carryIn'
import { CATEGORIES, type Category } from '../../../shared/domain/enums'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { ticketByNumber } from '../parts/lookup'
import { useApp, useDeskToday } from '../store/app'
import { Field, FormFooter, TicketNumberLookup } from '../tickets/fields'
import { plusDays } from '../../../shared/domain/carryIn'
import { nextTag } from './counter'
import { onField } from './ruleField'

/** The standard kit of a kind, all ticked; the extras already listed stay. */
const withKit = (category: Category, items: readonly Accessory[]): Accessory[] => [
  ...STANDARD_KITS[category].map((item) => ({ item, standard: true, present: true })),
  ...items.filter((a) => !a.standard),
]

export function IntakeDialog({ ticketId, onClose, onDone }: { ticketId: string | null; onClose(): void; onDone(result: { id: string; number: string; tag: string }): void }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useDeskToday()
  const stationCode = useApp((s) => s.desk?.station.code ?? 'WH')
  const { errors, formError, busy, submit } = useFormSubmit()
  const { data: atCounter } = useDeskQuery('carryIn.list', {}, ['carry_ins'])

  const [numberText, setNumberText] = useState('')
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [looking, setLooking] = useState(false)
  const [tag, setTag] = useState('')
  const [tagTouched, setTagTouched] = useState(false)
  const [category, setCategory] = useState<Category>('desktop')
  const [brand, setBrand] = useState('')
  const [model, setModel] = useState('')
  const [serial, setSerial] = useState('')
  const [accessories, setAccessories] = useState<Accessory[]>(() => withKit('desktop', []))
  const [newItem, setNewItem] = useState('')
  const [newItemError, setNewItemError] = useState<string | null>(null)
  const [condition, setCondition] = useState('')
  const [promisedOn, setPromisedOn] = useState(() => plusDays(today, 3))
  const brandInput = useRef<HTMLInputElement>(null)
  const tagInput = useRef<HTMLInputElement>(null)

  const suggested = atCounter ? nextTag(stationCode, atCounter) : null
  // the next free tag, until the clerk writes their own
  useEffect(() => {
    if (suggested && !tagTouched) setTag(suggested)
  }, [suggested, tagTouched])

  const take = useCallback(
    async (id: string) => {
      setLooking(true)
      setLookupError(null)
      try {
        const [found, taken] = await Promise.all([desk.call('tickets.get', { id }), desk.call('carryIn.ofTicket', { ticketId: id })])
        if (found.serviceMode !== 'carry_in') return setLookupError(t('errors.carryIn.notCarryIn', { number: found.number }))
        if (taken) return setLookupError(t('carryIn.intake.takenIn', { number: found.number, receipt: taken.number }))
        setTicket(found)
        setCategory(found.category)
        setAccessories((items) => withKit(found.category, items))
        setBrand(found.asset?.brand ?? '')
        setModel(found.asset?.model ?? '')
        setSerial(found.asset?.serial ?? '')
        setTimeout(() => tagInput.current?.focus())
      } catch (e) {
        setLookupError(errorText(e))
      } finally {
        setLooking(false)
      }
    },
    [t, errorText],
  )

  useEffect(() => {
    if (ticketId) void take(ticketId)
  }, [ticketId, take])

  const lookUp = async () => {
    const wanted = numberText.trim()
    if (!wanted) return
    setTicket(null)
    setLooking(true)
    try {
      const found = await ticketByNumber(wanted)
      if (!found) {
        setLooking(false)
        return setLookupError(t('carryIn.intake.notFound', { number: wanted }))
      }
      await take(found.id)
    } catch (e) {
      setLooking(false)
      setLookupError(errorText(e))
    }
  }

  const addItem = () => {
    const item = newItem.trim()
    if (!item) return
    if (accessories.some((a) => a.item === item)) return setNewItemError(t('errors.carryIn.accessoryTwice'))
    setAccessories([...accessories, { item, standard: false, present: true }])
    setNewItem('')
    setNewItemError(null)
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    if (!ticket) return
    void submit(async () => {
      let result: { id: string; number: string }
      try {
        result = await desk.call('carryIn.intake', {
          ticketId: ticket.id,
          tagNumber: tag,
          device: { category, brand, model, serial },
          accessories,
          conditionNote: condition,
          promisedOn,
        })
      } catch (err) {
        throw onField(err, { 'errors.carryIn.tagInUse': 'tagNumber', 'errors.carryIn.promiseInPast': 'promisedOn', 'errors.carryIn.accessoryTwice': 'accessories' })
      }
      onDone({ ...result, tag: tag.trim() })
    })
  }
  const accessoryError = errors.accessories ?? Object.entries(errors).find(([k]) => k.startsWith('accessories.'))?.[1]
  const enterMovesTo = (next: React.RefObject<HTMLInputElement | null>) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      next.current?.focus()
    }
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal ci-form ci-intake" role="dialog" aria-modal="true" aria-labelledby="ci-intake-title" onSubmit={save} noValidate>
        <h2 id="ci-intake-title">{ticket ? t('carryIn.intake.titleFor', { number: ticket.number }) : t('carryIn.intake.title')}</h2>
        {!ticketId && (
          <TicketNumberLookup
            id="ci-intake-ticket"
            className="ci-lookup"
            label={t('carryIn.intake.ticket')}
            value={numberText}
            onChange={setNumberText}
            error={lookupError ?? undefined}
            looking={looking}
            onFind={() => void lookUp()}
            findLabel={t('carryIn.intake.find')}
            findTestId="ci-intake-find"
          />
        )}
        {ticketId && lookupError && (
          <p className="form-error" role="alert">
            {lookupError}
          </p>
        )}
        {looking && <p className="sub">{t('common.loading')}</p>}
        {ticket && (
          <>
            <div className="ci-ticket-card" data-testid="ci-intake-ticket-card">
              <b>{ticket.customer.unitName}</b>
              <span>
                {ticket.reporterName} <span className="mono">{ticket.reporterPhone}</span>
              </span>
              <span className="fault">{ticket.faultDescription}</span>
            </div>
            <div className="ci-intake-grid">
              <div>
                <Field id="ci-intake-tag" label={t('carryIn.intake.tag')} error={errors.tagNumber}>
                  <input
                    ref={tagInput}
                    className="ci-tag-input"
                    value={tag}
                    maxLength={40}
                    autoComplete="off"
                    onChange={(e) => {
                      setTag(e.target.value)
                      setTagTouched(true)
                    }}
                    onKeyDown={enterMovesTo(brandInput)}
                  />
                </Field>
                <p className="sub ci-tag-hint">
                  {t('carryIn.intake.tagHint')}
                  {suggested && tag !== suggested && (
                    <button type="button" className="link" onClick={() => setTag(suggested)}>
                      {t('carryIn.intake.suggestTag', { tag: suggested })}
                    </button>
                  )}
                </p>
                <Field id="ci-intake-category" label={t('carryIn.intake.category')} error={errors['device.category']}>
                  <select
                    value={category}
                    onChange={(e) => {
                      const next = e.target.value as Category
                      setCategory(next)
                      setAccessories((items) => withKit(next, items))
                    }}
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {t(`enums.category.${c}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="row2">
                  <Field id="ci-intake-brand" label={t('carryIn.intake.brand')} error={errors['device.brand']}>
                    <input ref={brandInput} value={brand} maxLength={40} onChange={(e) => setBrand(e.target.value)} />
                  </Field>
                  <Field id="ci-intake-model" label={t('carryIn.intake.model')} error={errors['device.model']}>
                    <input value={model} maxLength={60} onChange={(e) => setModel(e.target.value)} />
                  </Field>
                </div>
                <Field id="ci-intake-serial" label={t('carryIn.intake.serial')} error={errors['device.serial']}>
                  <input className="mono" value={serial} maxLength={60} onChange={(e) => setSerial(e.target.value)} />
                </Field>
                <Field id="ci-intake-promised" label={t('carryIn.intake.promisedOn')} error={errors.promisedOn}>
                  <input type="date" value={promisedOn} min={today} onChange={(e) => setPromisedOn(e.target.value)} />
                </Field>
                <p className="sub ci-promised-hint">{t('carryIn.intake.promisedHint', { today })}</p>
              </div>
              <div>
                <fieldset className={`ci-kit ${accessoryError ? 'invalid' : ''}`}>
                  <legend>{t('carryIn.intake.kit')}</legend>
                  <p className="sub">{t('carryIn.intake.kitHint')}</p>
                  <ul>
                    {accessories.map((a, i) => (
                      <li key={a.item}>
                        {a.standard ? (
                          <label>
                            <input type="checkbox" checked={a.present} onChange={(e) => setAccessories(accessories.map((x, j) => (j === i ? { ...x, present: e.target.checked } : x)))} /> {a.item}
                          </label>
                        ) : (
                          <span className="ci-extra-item">
                            <span aria-hidden="true">＋</span> {a.item}
                          </span>
                        )}
                        <span className={`ci-kit-mark ${a.standard ? '' : 'extra'}`}>{a.standard ? t('carryIn.intake.standard') : t('carryIn.intake.extraMark')}</span>
                        {!a.standard && (
                          <button type="button" className="link" aria-label={t('carryIn.intake.removeAccessory', { item: a.item })} onClick={() => setAccessories(accessories.filter((_, j) => j !== i))}>
                            ×
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  <div className="ci-add">
                    <input
                      aria-label={t('carryIn.intake.newAccessory')}
                      placeholder={t('carryIn.intake.newAccessory')}
                      value={newItem}
                      maxLength={30}
                      onChange={(e) => {
                        setNewItem(e.target.value)
                        setNewItemError(null)
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault()
                          addItem()
                        }
                      }}
                    />
                    <button type="button" onClick={addItem} disabled={!newItem.trim()}>
                      {t('carryIn.intake.addAccessory')}
                    </button>
                  </div>
                  {(newItemError ?? accessoryError) && <span className="field-error">{newItemError ?? accessoryError}</span>}
                  <p className="sub">{t('carryIn.intake.extraAdvice')}</p>
                </fieldset>
                <Field id="ci-intake-condition" label={t('carryIn.intake.condition')} error={errors.conditionNote}>
                  <textarea rows={3} value={condition} maxLength={300} placeholder={t('carryIn.intake.conditionHint')} onChange={(e) => setCondition(e.target.value)} />
                </Field>
              </div>
            </div>
          </>
        )}
        <FormFooter formError={formError} fieldErrors={errors} busy={busy} onCancel={onClose} submitLabel={t('carryIn.intake.save')} testId="ci-intake-save" disabled={!ticket} />
      </form>
    </div>
  )
}
