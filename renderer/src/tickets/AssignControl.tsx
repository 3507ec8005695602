import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetail } from '../../../shared/api/schemas'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { Field } from './fields'

/** 派工 / 改派: an engineer of the ticket's station, fewest open jobs first. */
export function AssignControl({ ticket }: { ticket: TicketDetail }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const showToast = useApp((s) => s.showToast)
  const stationId = useApp((s) => s.stations.find((st) => st.name === ticket.stationName)?.id)
  const { data: engineers } = useDeskQuery('engineers.list', stationId ? { stationId } : {}, ['tickets'])
  const [engineerId, setEngineerId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const action = ticket.assigneeId ? t('assign.reassign') : t('assign.assign')

  async function assign(e: React.FormEvent) {
    e.preventDefault()
    const engineer = engineers?.find((x) => x.id === engineerId)
    if (!engineer) return
    setBusy(true)
    setError(null)
    try {
      // The assignee this dispatcher saw: if another desk assigned the ticket meanwhile, the server refuses this one.
      await desk.call('ticket.assign', { ticketId: ticket.id, engineerId, expectedAssigneeId: ticket.assigneeId })
      setEngineerId('')
      showToast(t('assign.done', { name: engineer.name }))
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="assign-control" aria-label={t('assign.assign')} onSubmit={assign}>
      <Field inline id="assign-engineer" label={t('assign.engineer')}>
        <select value={engineerId} onChange={(e) => setEngineerId(e.target.value)}>
          <option value="">{t('assign.choose')}</option>
          {engineers?.map((x) => (
            <option key={x.id} value={x.id} disabled={x.id === ticket.assigneeId}>
              {t('assign.option', { name: x.name, count: x.openJobs })}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary" data-testid="assign-ticket" disabled={busy || !engineerId}>
        {action}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
