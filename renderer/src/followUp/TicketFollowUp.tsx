// A ticket's return visits (owed or made, with the scores) and the complaints about it, for its detail
// panel; an owed visit can be made from here, a complaint opens in the register.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VisitView } from '../../../shared/api/followUpSchemas'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { useStationTime } from '../tickets/format'
import { ComplaintStatusChip, ScoreLine, StandingChip, dueText } from './bits'
import { SurveyDialog } from './SurveyDialog'
import { FOLLOW_UP_TABLES, useCanVisitForHq } from './visits'
import './followUp.css'

export function TicketFollowUp({ ticketId }: { ticketId: string }): React.JSX.Element | null {
  const { t } = useTranslation()
  const time = useStationTime()
  const { openComplaint, showToast } = useApp()
  const { data } = useDeskQuery('visits.ofTicket', { ticketId }, FOLLOW_UP_TABLES)
  const [visiting, setVisiting] = useState<VisitView | null>(null)
  const canHq = useCanVisitForHq()
  // nothing owed before the job is resolved, and nothing to say
  if (!data || (data.visits.length === 0 && data.complaints.length === 0)) return null
  return (
    <section className="ticket-follow-up" data-testid="fu-ticket">
      <h3>{t('followUp.ticket.title')}</h3>
      {data.visits.length > 0 && (
        <>
          <h4>{t('followUp.ticket.visits')}</h4>
          <ul className="fu-ticket-visits">
            {data.visits.map((v) => (
              <li key={v.id} data-testid="fu-ticket-visit" data-kind={v.kind}>
                <span className="fu-ticket-kind">{t(`enums.visitKind.${v.kind}`)}</span>
                {v.doneAt ? (
                  <div className="fu-ticket-what">
                    {v.scores ? <ScoreLine scores={v.scores} /> : <StandingChip standing="done" />}
                    <span className="sub">{t('followUp.ticket.doneBy', { at: time(v.doneAt), name: v.visitorName ?? '' })}</span>
                    {v.comment && <span className="fu-ticket-comment">“{v.comment}”</span>}
                  </div>
                ) : (
                  <>
                    <div className="fu-ticket-what">
                      <StandingChip standing={v.standing} />
                      <span className="sub">
                        {t('followUp.ticket.dueBy', { date: dueText(v, time) })}
                        {v.attempts > 0 && ` · ${t('followUp.col.attempts')} ${t('followUp.attempts', { count: v.attempts })}`}
                      </span>
                    </div>
                    {/* HQ makes the level-2 calls; a station desk only sees them owed */}
                    {(v.by === 'station' || canHq) && <button type="button" onClick={() => setVisiting(v)} data-testid="fu-ticket-visit-open">
                      {t('followUp.visit')}
                    </button>}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('followUp.ticket.complaints')}</h4>
      {data.complaints.length === 0 ? (
        <p className="sub">{t('followUp.ticket.noComplaints')}</p>
      ) : (
        <ul className="fu-ticket-complaints">
          {data.complaints.map((c) => (
            <li key={c.id}>
              <button type="button" className="link mono" onClick={() => openComplaint(c.id)} data-testid="fu-ticket-complaint">
                {c.number}
              </button>
              <ComplaintStatusChip status={c.status} />
              <span>{t(`enums.complaintCategory.${c.category}`)}</span>
              <span className="sub fu-fault" title={c.description}>
                {c.description}
              </span>
            </li>
          ))}
        </ul>
      )}
      {visiting && (
        <SurveyDialog
          visit={visiting}
          onClose={() => setVisiting(null)}
          onDone={(message) => {
            setVisiting(null)
            showToast(message)
          }}
        />
      )}
    </section>
  )
}
