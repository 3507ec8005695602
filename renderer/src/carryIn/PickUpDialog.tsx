// 取机 (seed 002 取机服务): the machine fetched by its tag, the customer's take-in receipt read off or
// scanned, the repair checked twice in front of them, and their signature for it.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { SignatureField, type SignatureValue } from '../closeout/SignatureField'
import { Field, FormFooter } from '../tickets/fields'
import { onField } from './ruleField'

export function PickUpDialog({ carryIn: c, onClose, onDone }: { carryIn: CarryInView; onClose(): void; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { errors, formError, busy, submit } = useFormSubmit()
  const [receipt, setReceipt] = useState('')
  const [check1, setCheck1] = useState(false)
  const [check2, setCheck2] = useState(false)
  const [pickedUpBy, setPickedUpBy] = useState(c.customer.contactName)
  const [signature, setSignature] = useState<SignatureValue>(undefined)
  const firstCheck = useRef<HTMLInputElement>(null)
  // what this screen can tell before the desk does (it still decides): the wrong receipt, one check only
  const [known, setKnown] = useState<Record<string, string>>({})
  const mismatch = (typed: string) => (typed.trim() !== '' && typed.trim().toUpperCase() !== c.number.toUpperCase() ? t('errors.carryIn.receiptMismatch', { typed: typed.trim() }) : undefined)
  const shown: Record<string, string | undefined> = { ...known, ...errors }
  useEffect(() => {
    if (check1 && check2) setKnown(({ checks: _, ...rest }) => rest)
  }, [check1, check2])

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    setKnown({
      ...(mismatch(receipt) ? { receiptNumber: mismatch(receipt)! } : {}),
      ...(check1 && check2 ? {} : { checks: t('errors.carryIn.doubleCheck') }),
    })
    void submit(async () => {
      try {
        await desk.call('carryIn.pickUp', {
          carryInId: c.id,
          receiptNumber: receipt,
          checks: (check1 ? 1 : 0) + (check2 ? 1 : 0),
          pickedUpBy,
          // the one collecting signs: their name when the pad's own was left blank; the desk says what is missing when nothing was signed
          signature: (signature?.kind === 'drawn' && !signature.signer.trim() ? { ...signature, signer: pickedUpBy } : signature) as NonNullable<SignatureValue>,
        })
      } catch (err) {
        throw onField(err, { 'errors.carryIn.receiptMismatch': 'receiptNumber', 'errors.carryIn.doubleCheck': 'checks' })
      }
      onDone(t('carryIn.pickUp.saved', { tag: c.tagNumber, number: c.number }))
    })
  }
  const fieldError = (...paths: string[]) => paths.map((p) => shown[p]).find(Boolean)

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal small ci-form" role="dialog" aria-modal="true" aria-labelledby="ci-pickup-title" onSubmit={save} noValidate>
        <h2 id="ci-pickup-title">{t('carryIn.pickUp.title', { tag: c.tagNumber })}</h2>
        <p className="ci-find-by-tag">
          <span className="ci-tag big">{c.tagNumber}</span>
          <span>{t('carryIn.pickUp.findByTag', { tag: c.tagNumber })}</span>
        </p>
        <Field id="ci-pickup-receipt" label={t('carryIn.pickUp.receipt')} error={shown.receiptNumber}>
          <input
            className="mono"
            value={receipt}
            maxLength={40}
            autoFocus
            autoComplete="off"
            placeholder="QJ…"
            onChange={(e) => {
              setReceipt(e.target.value)
              setKnown(({ receiptNumber: _, ...rest }) => rest)
            }}
            // a scanner ends with Enter: on to the checks (if it is this machine's receipt), not the hand-over
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              if (mismatch(receipt)) setKnown((k) => ({ ...k, receiptNumber: mismatch(receipt)! }))
              else firstCheck.current?.focus()
            }}
          />
        </Field>
        <fieldset className={`ci-checks ${shown.checks ? 'invalid' : ''}`}>
          <legend>{t('carryIn.pickUp.checks')}</legend>
          <label>
            <input ref={firstCheck} type="checkbox" checked={check1} onChange={(e) => setCheck1(e.target.checked)} data-testid="ci-check-1" /> {t('carryIn.pickUp.check1')}
          </label>
          <label>
            <input type="checkbox" checked={check2} onChange={(e) => setCheck2(e.target.checked)} data-testid="ci-check-2" /> {t('carryIn.pickUp.check2')}
          </label>
          <p className="sub">{t('carryIn.pickUp.explain')}</p>
          {shown.checks && <span className="field-error">{shown.checks}</span>}
        </fieldset>
        <Field id="ci-pickup-by" label={t('carryIn.pickUp.pickedUpBy')} error={shown.pickedUpBy}>
          <input value={pickedUpBy} maxLength={40} onChange={(e) => setPickedUpBy(e.target.value)} />
        </Field>
        <SignatureField value={signature} onChange={setSignature} error={fieldError('signature', 'signature.signer', 'signature.image')} idPrefix="ci-pickup-signature" />
        <FormFooter formError={formError} fieldErrors={shown} busy={busy} onCancel={onClose} submitLabel={t('carryIn.pickUp.save')} testId="ci-pickup-save" />
      </form>
    </div>
  )
}
