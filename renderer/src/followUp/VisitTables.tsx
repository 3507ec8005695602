// The visit lists: those owed (late, then due today, then coming up, each under its heading) with the
// call to make and a 回访 button; those done with their scores and the complaint a survey opened.
import { useTranslation } from 'react-i18next'
import type { VisitView } from '../../../shared/api/followUpSchemas'
import { useApp } from '../store/app'
import { useStationTime } from '../tickets/format'
import { ScoreLine, StandingChip, VisitSubject, dueText } from './bits'
import { showTicket } from './visits'

const GROUPS = ['late', 'today', 'upcoming'] as const

export function DueTable({ rows, hq, onVisit }: { rows: VisitView[]; hq: boolean; onVisit(v: VisitView): void }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  return (
    <table className="fu-table" data-testid="fu-due-table">
      <thead>
        <tr>
          <th>{t('followUp.col.due')}</th>
          <th>{t('followUp.col.kind')}</th>
          {hq && <th>{t('followUp.col.station')}</th>}
          <th>{t('followUp.col.customer')}</th>
          <th>{t('followUp.col.contact')}</th>
          <th>{t('followUp.col.ticket')}</th>
          <th>{t('followUp.col.engineer')}</th>
          <th>{t('followUp.col.attempts')}</th>
          <th aria-label={t('followUp.visit')} />
        </tr>
      </thead>
      {GROUPS.map((g) => {
        const group = rows.filter((v) => v.standing === g)
        if (group.length === 0) return null
        return (
          <tbody key={g} data-testid={`fu-group-${g}`}>
            <tr className={`fu-group fu-group-${g}`}>
              <th colSpan={hq ? 9 : 8}>
                {t(`followUp.group.${g}`)} <span className="fu-group-count">{group.length}</span>
              </th>
            </tr>
            {group.map((v) => (
              <tr key={v.id} className={`fu-row-${v.standing}`} data-testid="fu-due-row" data-id={v.id}>
                <td>
                  <span className="fu-due">
                    <StandingChip standing={v.standing} />
                    {dueText(v, time)}
                  </span>
                </td>
                <td>{t(`enums.visitKind.${v.kind}`)}</td>
                {hq && <td>{v.stationCode}</td>}
                <td className="fu-customer" title={v.unitName}>
                  {v.unitName}
                </td>
                <td className="fu-contact">
                  {v.contactName}
                  <span className="mono fu-phone">{v.phone}</span>
                </td>
                <td className="fu-subject">
                  <VisitSubject visit={v} onTicket={showTicket} />
                </td>
                <td>{v.engineerName ?? <span className="placeholder">—</span>}</td>
                <td className="fu-attempts" title={v.note || undefined}>
                  {v.attempts > 0 ? (
                    <>
                      {t('followUp.attempts', { count: v.attempts })}
                      <span className="sub">{t('followUp.lastAttempt', { at: time(v.lastAttemptAt).slice(5) })}</span>
                    </>
                  ) : (
                    <span className="placeholder">{t('followUp.noAttempts')}</span>
                  )}
                </td>
                <td className="fu-action">
                  <button type="button" onClick={() => onVisit(v)} data-testid="fu-visit">
                    {t('followUp.visit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        )
      })}
    </table>
  )
}

export function DoneTable({ rows, hq }: { rows: VisitView[]; hq: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const time = useStationTime()
  const openComplaint = useApp((s) => s.openComplaint)
  return (
    <table className="fu-table" data-testid="fu-done-table">
      <thead>
        <tr>
          <th>{t('followUp.col.doneAt')}</th>
          <th>{t('followUp.col.kind')}</th>
          {hq && <th>{t('followUp.col.station')}</th>}
          <th>{t('followUp.col.customer')}</th>
          <th>{t('followUp.col.ticket')}</th>
          <th>{t('followUp.col.scores')}</th>
          <th>{t('followUp.col.comment')}</th>
          <th>{t('followUp.col.complaint')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id} data-testid="fu-done-row" data-id={v.id} className={v.complaintId ? 'fu-row-complaint' : ''}>
            <td className="fu-done-at">
              {time(v.doneAt).slice(5)}
              <span className="sub">{v.visitorName}</span>
            </td>
            <td>{t(`enums.visitKind.${v.kind}`)}</td>
            {hq && <td>{v.stationCode}</td>}
            <td className="fu-customer" title={v.unitName}>
              {v.unitName}
              <span className="sub">
                {v.contactName} {v.phone}
              </span>
            </td>
            <td className="fu-subject">
              <VisitSubject visit={v} onTicket={showTicket} />
            </td>
            <td>{v.scores ? <ScoreLine scores={v.scores} /> : <span className="placeholder">—</span>}</td>
            <td className="fu-comment" title={[v.comment, v.note].filter(Boolean).join('\n') || undefined}>
              {v.comment || <span className="placeholder">—</span>}
              {v.note && <span className="sub">{v.note}</span>}
            </td>
            <td>
              {v.complaintId ? (
                <button type="button" className="link mono" onClick={() => openComplaint(v.complaintId)} data-testid="fu-done-complaint">
                  {v.complaintNumber}
                </button>
              ) : (
                <span className="placeholder">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
