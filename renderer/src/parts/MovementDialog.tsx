// One form for the movements a clerk books at the counter: 入库, 申领, 退库 (good), 更换 (a swap on a
// ticket, which opens the bad part's return slip) and 调整. Each names the people the seed's forms do.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../shared/api/partsSchemas'
import { STOCK_PLACES, type StockPlace } from '../../../shared/domain/parts'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { Field, FormFooter } from '../tickets/fields'
import { ticketByNumber } from './lookup'

export type MovementMode = 'receive' | 'issue' | 'returnGood' | 'swap' | 'lendLoaner' | 'takeBackLoaner' | 'adjust'

export interface Person {
  id: string
  name: string
  role: 'engineer' | 'clerk' | 'manager'
}

/** A part of the catalogue, by number and name. */
function PartPicker({ id, label, none, parts, value, onChange, error }: { id: string; label: string; none: string; parts: readonly Part[]; value: string; onChange(id: string): void; error?: string }): React.JSX.Element {
  return (
    <Field id={id} label={label} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {parts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.number} · {p.name} {p.model}
          </option>
        ))}
      </select>
    </Field>
  )
}

function PersonPicker({ id, label, people, value, onChange, error }: { id: string; label: string; people: readonly Person[]; value: string; onChange(id: string): void; error?: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Field id={id} label={label} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('parts.choosePerson')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function MovementDialog({
  mode,
  parts,
  people,
  onClose,
  onDone,
}: {
  mode: MovementMode
  parts: readonly Part[]
  people: readonly Person[]
  onClose(): void
  onDone(message: string): void
}): React.JSX.Element {
  const { t } = useTranslation()
  const { errors, formError, busy, submit } = useFormSubmit()
  const byRole = useMemo(() => (role: string) => people.filter((p) => p.role === role), [people])
  const [partId, setPartId] = useState('')
  const [badPartId, setBadPartId] = useState('')
  const [qty, setQty] = useState('1')
  const [engineerId, setEngineerId] = useState('')
  const [clerkId, setClerkId] = useState(byRole('clerk')[0]?.id ?? '')
  const [managerId, setManagerId] = useState(byRole('manager')[0]?.id ?? '')
  const [reference, setReference] = useState('')
  const [ticketNumber, setTicketNumber] = useState('')
  const [fault, setFault] = useState('')
  const [approvalNote, setApprovalNote] = useState('')
  const [place, setPlace] = useState<StockPlace>('shelf')
  const [reason, setReason] = useState('')
  const substitute = mode === 'swap' && badPartId !== '' && badPartId !== partId
  const loan = mode === 'lendLoaner' || mode === 'takeBackLoaner'
  const [damaged, setDamaged] = useState(false)
  const [assessmentId, setAssessmentId] = useState('')
  const { data: papers } = useDeskQuery('parts.requests', mode === 'swap' ? {} : null)
  const approved = (papers?.assessments ?? []).filter((a) => a.status === 'approved' && !a.used)

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void submit(async () => {
      const n = Number(qty)
      if (mode === 'receive') await desk.call('parts.receive', { partId, qty: n, reference })
      else if (mode === 'issue') await desk.call('parts.issue', { partId, qty: n, engineerId, clerkId, managerId })
      else if (mode === 'returnGood') await desk.call('parts.returnGood', { partId, qty: n, engineerId, clerkId, managerId })
      else if (mode === 'adjust') await desk.call('parts.adjust', { partId, place, holderId: null, delta: n, reason, managerId })
      else {
        const found = await ticketByNumber(ticketNumber)
        if (!found) throw new Error(t('parts.ticketNotFound', { number: ticketNumber }))
        if (mode !== 'swap') {
          await desk.call(mode === 'lendLoaner' ? 'parts.lendLoaner' : 'parts.takeBackLoaner', { partId, ticketId: found.id })
          return onDone(t(`parts.done.${mode}`))
        }
        const { slipNumber } = await desk.call('parts.swap', {
          ticketId: found.id,
          engineerId,
          partId,
          badPartId: badPartId || undefined,
          faultDescription: fault,
          approvedBy: substitute ? managerId : undefined,
          approvalNote: substitute ? approvalNote : '',
          physicalDamage: damaged,
          assessmentId: damaged && assessmentId ? assessmentId : undefined,
        })
        return onDone(t('parts.swapped', { slip: slipNumber }))
      }
      onDone(t(`parts.done.${mode}`))
    })
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal small parts-form" role="dialog" aria-modal="true" aria-labelledby="movement-title" onSubmit={save} noValidate>
        <h2 id="movement-title">{t(`parts.mode.${mode}`)}</h2>
        <p className="sub">{t(`parts.modeHint.${mode}`)}</p>
        {(mode === 'swap' || loan) && (
          <Field id="mv-ticket" label={t('parts.ticketNumber')} error={errors.ticketId}>
            <input value={ticketNumber} onChange={(e) => setTicketNumber(e.target.value)} placeholder="WH1-261124-001" autoFocus />
          </Field>
        )}
        <PartPicker id="mv-part" label={t('parts.part')} none={t('parts.choosePart')} parts={parts} value={partId} onChange={setPartId} error={errors.partId} />
        {mode === 'swap' && <PartPicker id="mv-bad" label={t('parts.badPart')} none={t('parts.samePart')} parts={parts} value={badPartId} onChange={setBadPartId} error={errors.badPartId} />}
        {mode !== 'swap' && !loan && (
          <Field id="mv-qty" label={mode === 'adjust' ? t('parts.delta') : t('parts.qty')} error={errors.qty ?? errors.delta}>
            <input inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} />
          </Field>
        )}
        {mode === 'adjust' && (
          <Field id="mv-place" label={t('parts.place')}>
            <select value={place} onChange={(e) => setPlace(e.target.value as StockPlace)}>
              {STOCK_PLACES.filter((p) => p !== 'engineer' && p !== 'loaned').map((p) => (
                <option key={p} value={p}>
                  {t(`enums.stockPlace.${p}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {(mode === 'issue' || mode === 'returnGood' || mode === 'swap') && (
          <PersonPicker id="mv-engineer" label={t('parts.engineer')} people={byRole('engineer')} value={engineerId} onChange={setEngineerId} error={errors.engineerId} />
        )}
        {mode === 'receive' && (
          <Field id="mv-ref" label={t('parts.reference')} error={errors.reference}>
            <input value={reference} onChange={(e) => setReference(e.target.value)} placeholder="FH-…" />
          </Field>
        )}
        {mode === 'swap' && (
          <Field id="mv-fault" label={t('parts.faultDescription')} error={errors.faultDescription}>
            <textarea rows={2} value={fault} onChange={(e) => setFault(e.target.value)} placeholder={t('parts.faultHint')} />
          </Field>
        )}
        {mode === 'swap' && (
          <div className="field">
            <label>
              <input type="checkbox" checked={damaged} onChange={(e) => setDamaged(e.target.checked)} /> {t('parts.physicalDamage')}
            </label>
            {damaged && (
              <select aria-label={t('parts.assessment')} value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)}>
                <option value="">{t('parts.chooseAssessment', { count: approved.length })}</option>
                {approved.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.number} · {a.ticketNumber} · {a.partNumber}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
        {(mode === 'issue' || mode === 'returnGood') && (
          <div className="signers">
            <PersonPicker id="mv-clerk" label={t('parts.clerkSigns')} people={byRole('clerk')} value={clerkId} onChange={setClerkId} error={errors.clerkId} />
            <PersonPicker id="mv-manager" label={t('parts.managerSigns')} people={byRole('manager')} value={managerId} onChange={setManagerId} error={errors.managerId} />
          </div>
        )}
        {(mode === 'adjust' || substitute) && (
          <PersonPicker id="mv-approver" label={t(substitute ? 'parts.approvedBy' : 'parts.managerSigns')} people={byRole('manager')} value={managerId} onChange={setManagerId} error={errors.managerId ?? errors.approvedBy} />
        )}
        {substitute && (
          <Field id="mv-approval" label={t('parts.approvalNote')} error={errors.approvalNote}>
            <input value={approvalNote} onChange={(e) => setApprovalNote(e.target.value)} placeholder={t('parts.approvalHint')} />
          </Field>
        )}
        {mode === 'adjust' && (
          <Field id="mv-reason" label={t('parts.reason')} error={errors.reason}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        )}
        <FormFooter formError={formError} busy={busy} onCancel={onClose} submitLabel={t('parts.book')} testId="movement-save" />
      </form>
    </div>
  )
}
