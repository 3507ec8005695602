// 完工: what the engineer phones in when the job is done (seed 002 §十一, seed 004 §二): arrival and
// departure, cause, fix and advice, the parts he swapped (only from what he holds; each bad part gets
// its return slip), the charges as the warranty rules give them, and the customer's signature.
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { amountInCapitals, yuanFigures } from '../../../shared/domain/money'
import { FAULT_CAUSES, type FaultCause } from '../../../shared/domain/warranty'
import { instantOfLocalInput, localInputValue } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { Field, FormFooter } from '../tickets/fields'
import { SignatureField, type SignatureValue } from './SignatureField'
import './closeout.css'

interface PartLine {
  key: number
  partId: string
  faultDescription: string
}

/** Yuan as typed ("380", "380.5", "380.50") → fen, or null. */
export function fenOfYuan(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text)
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null
}

let nextKey = 1

export function CloseOutDialog({ ticketId, onClose, onDone }: { ticketId: string; onClose(): void; onDone?(result: { ticketId: string; number: string }): void }): React.JSX.Element | null {
  const { t } = useTranslation()
  const timezone = useApp((s) => s.desk?.station.timezone)
  const showToast = useApp((s) => s.showToast)
  const { errors, setErrors, formError, busy, submit } = useFormSubmit()
  const { data: form } = useDeskQuery('closeout.form', { ticketId }, ['tickets', 'carry_ins'])
  const { data: info } = useDeskQuery('desk.info', {})
  const { data: holdings } = useDeskQuery('parts.holdings', {}, ['part_stock'])
  const { data: people } = useDeskQuery('parts.people', {})
  const { data: rules } = useDeskQuery('rules.get', {})

  const carryIn = form?.serviceMode === 'carry_in'
  const candidates = useMemo(() => (form ? form.engineers.filter((e) => carryIn || e.onJob !== null) : []), [form, carryIn])
  const [engineerId, setEngineerId] = useState('')
  const [arrivedAt, setArrivedAt] = useState('')
  const [departedAt, setDepartedAt] = useState('')
  const [cause, setCause] = useState('')
  const [fix, setFix] = useState('')
  const [advice, setAdvice] = useState('')
  const [dataBackedUp, setDataBackedUp] = useState(false)
  const [damage, setDamage] = useState<FaultCause>('normal')
  const [onsiteRequested, setOnsiteRequested] = useState(false)
  const [lines, setLines] = useState<PartLine[]>([])
  const [adjusting, setAdjusting] = useState(false)
  const [adjustTotal, setAdjustTotal] = useState('')
  const [adjustReason, setAdjustReason] = useState('')
  const [managerId, setManagerId] = useState('')
  const [signature, setSignature] = useState<SignatureValue>(undefined)

  // defaults once the form's facts are in: the assignee, his arrival as phoned in (none made up), and now
  useEffect(() => {
    if (!form || !info) return
    setEngineerId((id) => id || (form.engineers.find((e) => e.onJob === 'assignee') ?? candidates[0])?.id || '')
    if (form.arrivedAt) setArrivedAt((v) => v || localInputValue(form.arrivedAt!, timezone))
    setDepartedAt((v) => v || localInputValue(info.now, timezone))
  }, [form, info, candidates, timezone])
  useEffect(() => {
    if (people && !managerId) setManagerId(people.find((p) => p.role === 'manager')?.id ?? '')
  }, [people, managerId])

  const held = useMemo(() => (holdings ?? []).filter((h) => h.engineerId === engineerId), [holdings, engineerId])
  const partIds = lines.map((l) => l.partId).filter(Boolean)
  const { data: quote } = useDeskQuery('closeout.quote', form ? { ticketId, partIds, damage, onsiteRequested: !carryIn && onsiteRequested } : null, ['part_stock', 'job_reports'])

  if (!form) return null
  const engineerName = candidates.find((e) => e.id === engineerId)?.name ?? ''
  const onsiteFee = rules?.rules.warranty.outOfWarranty.onsiteFee ?? 50
  const adjustedFen = adjusting ? fenOfYuan(adjustTotal) : null
  const total = adjustedFen ?? quote?.total ?? 0

  function save(e: React.FormEvent) {
    e.preventDefault()
    if (adjusting && adjustedFen === null) return setErrors({ 'adjustment.total': t('closeout.adjustInvalid') })
    void submit(async () => {
      const at = (v: string) => instantOfLocalInput(v, timezone) ?? undefined
      const result = await desk.call('ticket.closeOut', {
        ticketId,
        engineerId,
        ...(carryIn ? {} : { arrivedAt: at(arrivedAt), departedAt: at(departedAt) }),
        cause,
        fix,
        advice,
        dataBackedUp,
        damage,
        onsiteRequested: !carryIn && onsiteRequested,
        parts: lines.map((l) => ({ partId: l.partId, faultDescription: l.faultDescription })),
        ...(adjusting && adjustedFen !== null ? { adjustment: { total: adjustedFen, reason: adjustReason, managerId } } : {}),
        signature: signature as never,
      })
      showToast(t('closeout.saved', { number: form!.number, total: yuanFigures(result.total) }))
      onDone?.({ ticketId, number: form!.number })
      onClose()
    })
  }

  const setLine = (key: number, patch: Partial<PartLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)))

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal closeout" role="dialog" aria-modal="true" aria-labelledby="closeout-title" onSubmit={save} noValidate>
        <h2 id="closeout-title">{t(carryIn ? 'closeout.carryInTitle' : 'closeout.title', { number: form.number })}</h2>
        <div className="closeout-grid">
          <section>
            <Field id="closeout-engineer" label={t('closeout.engineer')} error={errors.engineerId}>
              <select value={engineerId} onChange={(e) => { setEngineerId(e.target.value); setLines([]) }}>
                {candidates.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                    {e.onJob === 'helper' ? `（${t('closeout.helperTag')}）` : ''}
                  </option>
                ))}
              </select>
            </Field>
            {!carryIn && (
              <div className="row2">
                <Field id="closeout-arrived" label={t('closeout.arrivedAt')} error={errors.arrivedAt}>
                  <input type="datetime-local" value={arrivedAt} onChange={(e) => setArrivedAt(e.target.value)} />
                </Field>
                <Field id="closeout-departed" label={t('closeout.departedAt')} error={errors.departedAt}>
                  <input type="datetime-local" value={departedAt} onChange={(e) => setDepartedAt(e.target.value)} />
                </Field>
              </div>
            )}
            <p className="sub">{t('closeout.causeHint')}</p>
            <Field id="closeout-cause" label={t('closeout.cause')} error={errors.cause}>
              <textarea rows={2} maxLength={500} value={cause} onChange={(e) => setCause(e.target.value)} />
            </Field>
            <Field id="closeout-fix" label={t('closeout.fix')} error={errors.fix}>
              <textarea rows={2} maxLength={500} value={fix} onChange={(e) => setFix(e.target.value)} />
            </Field>
            <Field id="closeout-advice" label={t('closeout.advice')} error={errors.advice}>
              <textarea rows={2} maxLength={500} value={advice} onChange={(e) => setAdvice(e.target.value)} />
            </Field>
            <label className="check">
              <input type="checkbox" checked={dataBackedUp} onChange={(e) => setDataBackedUp(e.target.checked)} /> {t('closeout.dataBackedUp')}
            </label>
            <div className="row2">
              <Field id="closeout-damage" label={t('closeout.damage')} error={errors.damage}>
                <select value={damage} onChange={(e) => setDamage(e.target.value as FaultCause)}>
                  {FAULT_CAUSES.map((c) => (
                    <option key={c} value={c}>
                      {t(`enums.cause.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {!carryIn && (
                <label className="check">
                  <input type="checkbox" checked={onsiteRequested} onChange={(e) => setOnsiteRequested(e.target.checked)} /> {t('closeout.onsiteRequested', { fee: onsiteFee })}
                </label>
              )}
            </div>
          </section>

          <section>
            <h3>{t('closeout.parts')}</h3>
            <p className="sub">{held.length ? t('closeout.partsHint', { name: engineerName }) : t('closeout.noHoldings', { name: engineerName })}</p>
            {lines.map((l, i) => {
              const q = quote?.lines.find((x) => x.partId === l.partId)
              return (
                <div className="part-line" key={l.key} data-testid="closeout-part">
                  <select aria-label={t('closeout.parts')} value={l.partId} onChange={(e) => setLine(l.key, { partId: e.target.value })}>
                    <option value="">{t('closeout.addPart')}</option>
                    {held.map((h) => (
                      <option key={h.partId} value={h.partId}>
                        {h.partNumber} · {h.partName}（{t('closeout.holds', { qty: h.qty })}）
                      </option>
                    ))}
                  </select>
                  <input aria-label={t('closeout.partFault')} placeholder={t('closeout.partFault')} maxLength={300} value={l.faultDescription} onChange={(e) => setLine(l.key, { faultDescription: e.target.value })} />
                  {q && <span className={`chip ${q.covered ? 'covered' : 'charged'}`}>{q.covered ? t('closeout.line.covered') : `${t('closeout.line.charged')} ¥${yuanFigures(q.charged)}`}</span>}
                  <button type="button" className="link" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                    {t('closeout.removePart')}
                  </button>
                  {(errors[`parts.${i}.faultDescription`] || errors[`parts.${i}.partId`]) && <span className="field-error">{errors[`parts.${i}.faultDescription`] ?? errors[`parts.${i}.partId`]}</span>}
                </div>
              )
            })}
            {held.length > 0 && lines.length < 10 && (
              <button type="button" onClick={() => setLines((ls) => [...ls, { key: nextKey++, partId: held[0]!.partId, faultDescription: '' }])}>
                + {t('closeout.addPart')}
              </button>
            )}

            <h3>{t('closeout.charges')}</h3>
            <p className="sub">
              {quote ? (quote.deviceCovered ? t('closeout.deviceCovered') : t('closeout.deviceNotCovered')) : ''} · {t('closeout.chargesHint')}
            </p>
            <table className="charges" data-testid="closeout-charges">
              <tbody>
                <tr>
                  <th>{t('closeout.materials')}</th>
                  <td>¥{yuanFigures(quote?.materials ?? 0)}</td>
                </tr>
                <tr>
                  <th>{t('closeout.labour')}</th>
                  <td>¥{yuanFigures(quote?.labour ?? 0)}</td>
                </tr>
                <tr>
                  <th>{t('closeout.onsiteFee')}</th>
                  <td>¥{yuanFigures(quote?.onsiteFee ?? 0)}</td>
                </tr>
                <tr className="total">
                  <th>{t('closeout.total')}</th>
                  <td data-testid="closeout-total">
                    ¥{yuanFigures(total)}
                    {adjustedFen !== null && quote && adjustedFen !== quote.total && <s className="sub"> ¥{yuanFigures(quote.total)}</s>}
                  </td>
                </tr>
                <tr>
                  <th>{t('closeout.capitals')}</th>
                  <td>{amountInCapitals(total)}</td>
                </tr>
              </tbody>
            </table>
            <label className="check">
              <input type="checkbox" checked={adjusting} onChange={(e) => setAdjusting(e.target.checked)} /> {t('closeout.adjust')}
            </label>
            {adjusting && (
              <div className="row3">
                <Field id="closeout-adjust-total" label={t('closeout.adjustTotal')} error={errors['adjustment.total']}>
                  <input inputMode="decimal" value={adjustTotal} onChange={(e) => setAdjustTotal(e.target.value)} />
                </Field>
                <Field id="closeout-adjust-reason" label={t('closeout.adjustReason')} error={errors['adjustment.reason']}>
                  <input maxLength={200} value={adjustReason} onChange={(e) => setAdjustReason(e.target.value)} />
                </Field>
                <Field id="closeout-adjust-manager" label={t('closeout.adjustManager')} error={errors['adjustment.managerId']}>
                  <select value={managerId} onChange={(e) => setManagerId(e.target.value)}>
                    {(people ?? [])
                      .filter((p) => p.role === 'manager')
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                  </select>
                </Field>
              </div>
            )}
            <SignatureField value={signature} onChange={setSignature} error={errors.signature ?? errors['signature.image'] ?? errors['signature.signer']} idPrefix="closeout-signature" />
          </section>
        </div>
        <FormFooter formError={formError} busy={busy} onCancel={onClose} submitLabel={t('closeout.save')} testId="closeout-save" />
      </form>
    </div>
  )
}
