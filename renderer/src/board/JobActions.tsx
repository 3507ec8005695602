// The job's next steps as the engineer phones them in: 已派工 → 已接单 → 在途 → 到达现场 →
// 完工 (the close-out form) / 待备件, 上门未遇 at an empty door, and a helper engineer (协助) on the job.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketStatus } from '../../../shared/domain/enums'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useApp } from '../store/app'
import type { BoardEngineer } from '../store/board'
import { openCloseOut } from '../closeout/CloseOutHost'
import { MissedVisitDialog } from '../closeout/MissedVisitDialog'

/** What the steps need of a ticket: the board's and the 工单 detail's both have it. */
export interface JobTicket {
  id: string
  number: string
  status: TicketStatus
  assigneeId: string | null
  helperIds?: readonly string[]
}

type Dialog = 'closeOut' | 'missed'
type Step = { key: string; call: () => Promise<unknown> } | { key: string; dialog: Dialog }

function stepsOf(ticket: JobTicket): Step[] {
  const id = { ticketId: ticket.id }
  const accept = { key: 'accept', call: () => desk.call('ticket.accept', id) }
  const depart = { key: 'depart', call: () => desk.call('ticket.depart', id) }
  const arrive = { key: 'arrive', call: () => desk.call('ticket.arrive', id) }
  const finish = { key: 'finish', dialog: 'closeOut' } as const
  const missed = { key: 'missed', dialog: 'missed' } as const
  const parts = { key: 'parts', call: () => desk.call('ticket.pause', { ticketId: ticket.id, reason: 'parts' }) }
  const resume = { key: 'resume', call: () => desk.call('ticket.resume', id) }
  const byStatus: Partial<Record<TicketStatus, Step[]>> = {
    assigned: [accept, depart, arrive],
    accepted: [depart, arrive],
    en_route: [arrive, missed],
    on_site: [finish, parts, missed],
    waiting_parts: [resume],
  }
  return byStatus[ticket.status] ?? []
}

/** The steps, and on the board (where the engineers are at hand) the helpers. */
export function JobActions({ ticket, engineers }: { ticket: JobTicket; engineers?: readonly BoardEngineer[] }): React.JSX.Element | null {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const showToast = useApp((s) => s.showToast)
  const [helperId, setHelperId] = useState('')
  const [busy, setBusy] = useState(false)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      showToast(done)
    } catch (e) {
      showToast(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  if (!ticket.assigneeId) return null
  const helperIds = ticket.helperIds ?? []
  const helpers = helperIds.map((id) => engineers?.find((e) => e.id === id)).filter((e): e is BoardEngineer => Boolean(e))
  const candidates = (engineers ?? []).filter((e) => e.id !== ticket.assigneeId && !helperIds.includes(e.id) && e.status !== 'off')
  const helperCall = (name: 'ticket.addHelper' | 'ticket.removeHelper', engineerId: string) => desk.call(name, { ticketId: ticket.id, engineerId })
  return (
    <div className="job-actions" role="group" aria-label={t('board.jobSteps')}>
      <span className={`chip status status-${ticket.status}`}>{t(`enums.status.${ticket.status}`)}</span>
      {stepsOf(ticket).map((s) => (
        <button
          key={s.key}
          type="button"
          disabled={busy}
          data-testid={`job-step-${s.key}`}
          onClick={() => ('dialog' in s ? (s.dialog === 'closeOut' ? openCloseOut(ticket.id) : setDialog(s.dialog)) : void run(s.call, t('board.stepDone', { number: ticket.number, step: t(`board.step.${s.key}` as never) })))}
        >
          {t(`board.step.${s.key}` as never)}
        </button>
      ))}
      {dialog === 'missed' && <MissedVisitDialog ticketId={ticket.id} onClose={() => setDialog(null)} />}
      {engineers && (
      <span className="helpers">
        {helpers.map((h) => (
          <span key={h.id} className="chip helper">
            {t('board.helper', { name: h.name })}
            <button type="button" className="link" aria-label={t('board.removeHelper', { name: h.name })} onClick={() => void run(() => helperCall('ticket.removeHelper', h.id), t('board.helperRemoved', { name: h.name }))}>
              ×
            </button>
          </span>
        ))}
        <select aria-label={t('board.addHelper')} value={helperId} onChange={(e) => setHelperId(e.target.value)}>
          <option value="">{t('board.addHelper')}</option>
          {candidates.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!helperId || busy}
          onClick={() => {
            const name = engineers.find((e) => e.id === helperId)?.name ?? ''
            void run(() => helperCall('ticket.addHelper', helperId), t('board.helperAdded', { name })).then(() => setHelperId(''))
          }}
        >
          {t('board.add')}
        </button>
      </span>
      )}
    </div>
  )
}
