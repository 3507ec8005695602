// 告知客户: the call to a customer whose repair runs late (before the promised date, then every 2 days),
// or who can come for the machine; the note says what they were told.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CarryInView } from '../../../shared/api/closeoutSchemas'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { useDeskToday } from '../store/app'
import { Field, FormFooter } from '../tickets/fields'
import { OwedCall } from './bits'
import { expectedReadyDay } from './counter'

export function NoticeDialog({ carryIn: c, onClose, onDone }: { carryIn: CarryInView; onClose(): void; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const today = useDeskToday()
  const { errors, formError, busy, submit } = useFormSubmit()
  const [note, setNote] = useState(() => {
    const date = expectedReadyDay(c, today)
    if (c.status === 'ready') return t('carryIn.notice.suggestReady', { number: c.number })
    if (c.lateNotice?.kind === 'progress') return t('carryIn.notice.suggestProgress', { status: c.status, date })
    return c.status === 'waiting_parts' ? t('carryIn.notice.suggestParts', { date }) : t('carryIn.notice.suggestLate', { date })
  })

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void submit(async () => {
      await desk.call('carryIn.notice', { carryInId: c.id, note })
      onDone(t('carryIn.notice.saved', { tag: c.tagNumber }))
    })
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal small ci-form" role="dialog" aria-modal="true" aria-labelledby="ci-notice-title" onSubmit={save} noValidate>
        <h2 id="ci-notice-title">{t('carryIn.notice.title', { tag: c.tagNumber })}</h2>
        <p className="sub">{t('carryIn.notice.rule')}</p>
        <p className="ci-call">
          <span>{t('carryIn.notice.call', { name: c.customer.contactName || c.customer.unitName, phone: c.customer.phone })}</span>
          <OwedCall notice={c.lateNotice} today={today} />
        </p>
        <Field id="ci-notice-note" label={t('carryIn.notice.note')} error={errors.note}>
          <textarea rows={3} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} autoFocus />
        </Field>
        <FormFooter formError={formError} fieldErrors={errors} busy={busy} onCancel={onClose} submitLabel={t('carryIn.notice.save')} testId="ci-notice-save" />
      </form>
    </div>
  )
}
