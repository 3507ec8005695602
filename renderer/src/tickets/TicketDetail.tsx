import { useTranslation } from 'react-i18next'
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/enums'
import { yuanFigures } from '../../../shared/domain/money'
import { TicketParts } from '../parts/TicketParts'
import { useDeskQuery } from '../api/useDeskQuery'
import { useErrorText } from '../api/errorText'
import { useTickets } from '../store/tickets'
import { SlaPanel } from '../sla/SlaPanel'
import { WarrantyLine } from '../sla/WarrantyView'
import { JobActions } from '../board/JobActions'
import { CloseOutSummary } from '../closeout/CloseOutSummary'
import { TicketCarryIn } from '../carryIn/TicketCarryIn'
import { TicketFollowUp } from '../followUp/TicketFollowUp'
import { AssignControl } from './AssignControl'
import { LevelChip, StatusChip } from './Chips'
import { useStationTime } from './format'

export function TicketDetailPanel(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const time = useStationTime()
  const selectedId = useTickets((s) => s.selectedId)
  const { data: ticket, error } = useDeskQuery('tickets.get', selectedId ? { id: selectedId } : null, ['tickets'])
  // the close-out and the carry-in of the ticket (for both panels below)
  const { data: closeOut } = useDeskQuery('closeout.form', selectedId ? { ticketId: selectedId } : null, ['tickets', 'job_reports', 'carry_ins'])

  if (!selectedId) return <aside className="ticket-detail empty-detail">{t('tickets.detail.select')}</aside>
  if (error) return <aside className="ticket-detail error" role="alert">{errorText(error)}</aside>
  if (!ticket || ticket.id !== selectedId) return <aside className="ticket-detail">{t('common.loading')}</aside>

  const eventDetail = (e: (typeof ticket.events)[number]): string => {
    const d = e.data
    if (e.kind === 'status' && typeof d.to === 'string') return ` → ${t(`enums.status.${d.to}` as never)}`
    if (e.kind === 'assigned' && typeof d.engineerName === 'string') return ` → ${d.engineerName}`
    if (e.kind === 'assigned' && d.engineerId === null) return ` → ${t('enums.status.new')}`
    if (e.kind === 'helper' && typeof d.engineerName === 'string') return ` ${d.change === 'removed' ? '−' : '+'} ${d.engineerName}`
    if ((e.kind === 'paused' || e.kind === 'resumed') && typeof d.reason === 'string') return `（${t(`enums.pauseReason.${d.reason}` as never)}）`
    if (e.kind === 'level_changed') return `：${t(`enums.faultLevel.${d.from}` as never)} → ${t(`enums.faultLevel.${d.to}` as never)}`
    if (e.kind === 'escalated') return ` → ${t(`enums.escalationStep.${d.step}` as never)} · ${String(d.supervisorName)}：${String(d.report)}`
    if (e.kind === 'resolved' && typeof d.method === 'string') return `（${t(`enums.resolveMethod.${d.method}` as never)}）`
    if (e.kind === 'closed_out' && typeof d.total === 'number') return `：${String(d.engineerName)} · ¥${yuanFigures(d.total)}${d.parts ? ` · ${t('tickets.detail.partsSwapped', { count: Number(d.parts) })}` : ''}`
    if (e.kind === 'visit_missed') return `：${t('closeout.missed.waited', { minutes: Number(d.waited) })} · ${String(d.note)}`
    if (e.kind === 'carry_in' && typeof d.step === 'string') return ` ${String(d.number)}：${d.step === 'notice' ? `${t('tickets.detail.customerTold')} ${String(d.note)}` : t(`enums.carryInStatus.${d.step}` as never)}`
    return ''
  }
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
  return (
    <aside className="ticket-detail" aria-label={t('tickets.detail.title')}>
      <header>
        <h2 className="mono">{ticket.number}</h2>
        <StatusChip status={ticket.status} />
        <LevelChip level={ticket.faultLevel} />
      </header>
      <p className="fault">{ticket.faultDescription}</p>
      <dl className="facts">
        {row(t('tickets.detail.customer'), <>{ticket.customer.unitName}{ticket.customer.keyAccount && <span className="badge">{t('intake.keyAccount')}</span>}</>)}
        {row(t('tickets.detail.address'), `${ticket.customer.address}（${t(`enums.zone.${ticket.customer.zone}`)}）`)}
        {row(t('tickets.detail.reporter'), ticket.reporterName)}
        {row(t('tickets.detail.phone'), <span className="mono">{ticket.reporterPhone}</span>)}
        {row(t('tickets.detail.contract'), ticket.contract ? `${t(`enums.serviceLevel.${ticket.contract.serviceLevel}`)} · ${ticket.contract.number}` : t('enums.serviceLevel.none'))}
        {row(t('tickets.detail.asset'), ticket.asset ? `${ticket.asset.brand} ${ticket.asset.model}（${ticket.asset.serial}）` : t('tickets.detail.noAsset'))}
        {row(t('intake.category'), t(`enums.category.${ticket.category}`))}
        {row(t('intake.channel'), t(`enums.channel.${ticket.channel}`))}
        {row(t('intake.serviceMode'), t(`enums.serviceMode.${ticket.serviceMode}`))}
        {row(t('tickets.col.assignee'), ticket.assigneeName ?? t('tickets.detail.noAssignee'))}
        {ticket.appointmentStart && row(t('tickets.detail.appointment'), `${time(ticket.appointmentStart)} – ${time(ticket.appointmentEnd).slice(11)}`)}
        {row(t('tickets.col.station'), ticket.stationName)}
        {row(t('tickets.detail.createdBy'), `${ticket.createdByName ?? '—'} · ${time(ticket.createdAt)}`)}
      </dl>
      {OPEN_TICKET_STATUSES.includes(ticket.status) && <AssignControl key={ticket.id} ticket={ticket} />}
      <JobActions ticket={ticket} />
      {closeOut?.ticketId === ticket.id && (
        <>
          <CloseOutSummary form={closeOut} />
          <TicketCarryIn form={closeOut} />
        </>
      )}
      <TicketFollowUp ticketId={ticket.id} />
      <SlaPanel ticket={ticket} />
      <h3>{t('warranty.title')}</h3>
      {ticket.warranty ? <WarrantyLine v={ticket.warranty} /> : <p className="sub">{t('warranty.none')}</p>}
      <TicketParts ticketId={ticket.id} />
      <h3>{t('tickets.detail.timeline')}</h3>
      <ol className="timeline">
        {ticket.events.map((e) => (
          <li key={e.id}>
            <time>{time(e.at)}</time>
            <span className="what">
              {t(`enums.eventKind.${e.kind}` as never)}
              {eventDetail(e)}
            </span>
            {e.actorName && <span className="who">{e.actorName}</span>}
          </li>
        ))}
      </ol>
    </aside>
  )
}
