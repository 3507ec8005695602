// 工程师: every engineer of the station with status, place and load, and the day as a strip of
// booked windows (08:00–20:00). A row takes a dropped ticket; a job on a strip can be dragged to
// another engineer to reassign it. When a ticket is selected, the suggested engineers come first.
import { useDraggable, useDroppable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_TIMEZONE, fixedClock, utcOffsetMinutes } from '../../../shared/domain/time'
import type { Suggestion } from '../../../shared/domain/dispatch'
import { useApp } from '../store/app'
import { useBoard, type BoardEngineer } from '../store/board'

const ROW_HEIGHT = 64
export const DAY_START = 8 * 60
export const DAY_END = 20 * 60
const HOURS = Array.from({ length: (DAY_END - DAY_START) / 60 + 1 }, (_, i) => DAY_START / 60 + i)

type Job = BoardEngineer['jobs'][number]

type Clock = ReturnType<typeof fixedClock>

/** One booked job; its text comes from the row (a translation hook in each of hundreds of jobs cost tens of ms). */
function StripJob({ job, engineerId, clock, noWindow }: { job: Job; engineerId: string; clock: Clock; noWindow: string }): React.JSX.Element {
  const select = useBoard((s) => s.select)
  const { setNodeRef, listeners, attributes } = useDraggable({ id: `job:${engineerId}:${job.ticketId}`, data: { ticketId: job.ticketId, fromEngineerId: engineerId }, disabled: job.helper })
  const placed = job.appointmentStart && job.appointmentEnd
  const style = placed
    ? (() => {
        const from = Math.max(DAY_START, clock.minuteOfDay(job.appointmentStart!))
        const to = Math.min(DAY_END, Math.max(from + 15, clock.minuteOfDay(job.appointmentEnd!)))
        return { left: `${((from - DAY_START) / (DAY_END - DAY_START)) * 100}%`, width: `${((to - from) / (DAY_END - DAY_START)) * 100}%` }
      })()
    : undefined
  const title = placed ? `${job.number} ${clock.hhmm(job.appointmentStart!)}–${clock.hhmm(job.appointmentEnd!)}` : `${job.number} ${noWindow}`
  return (
    <span
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      className={`strip-job job-${job.status}${job.helper ? ' helper' : ''}${placed ? '' : ' unplaced'}`}
      style={style}
      title={title}
      data-testid="strip-job"
      data-ticket-number={job.number}
      onClick={() => select(job.ticketId)}
    >
      {job.number.slice(-3)}
    </span>
  )
}

const RosterRow = memo(function RosterRow({ engineer, suggestion, top, clock }: { engineer: BoardEngineer; suggestion: Suggestion | undefined; top: number; clock: Clock }): React.JSX.Element {
  const { t } = useTranslation()
  const { setNodeRef, isOver } = useDroppable({ id: `roster:${engineer.id}`, data: { engineerId: engineer.id } })
  const placed = engineer.jobs.filter((j) => j.appointmentStart && j.appointmentEnd)
  const unplaced = engineer.jobs.filter((j) => !(j.appointmentStart && j.appointmentEnd))
  return (
    <div
      ref={setNodeRef}
      className={`roster-row eng-${engineer.status}${isOver ? ' over' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      data-testid="roster-row"
      data-engineer-id={engineer.id}
      aria-label={engineer.name}
    >
      <div className="who">
        {suggestion && <span className={`rank rank-${Math.min(suggestion.rank, 4)}`}>{suggestion.rank}</span>}
        <b>{engineer.name}</b>
        <span className={`chip engineer-status eng-${engineer.status}`}>{t(`board.engineerStatus.${engineer.status}`)}</span>
        <span className="sub">{t('board.loadToday', { count: engineer.load })}</span>
        {suggestion && <span className="sub score">{t('board.score', { score: suggestion.score })}</span>}
      </div>
      <div className="strip" aria-label={t('board.strip', { name: engineer.name })}>
        {HOURS.slice(0, -1).map((h) => (
          <span key={h} className="hour" style={{ left: `${((h * 60 - DAY_START) / (DAY_END - DAY_START)) * 100}%` }} />
        ))}
        {placed.map((j) => (
          <StripJob key={j.ticketId} job={j} engineerId={engineer.id} clock={clock} noWindow={t('board.noWindow')} />
        ))}
      </div>
      <div className="unplaced">
        {unplaced.map((j) => (
          <StripJob key={j.ticketId} job={j} engineerId={engineer.id} clock={clock} noWindow={t('board.noWindow')} />
        ))}
      </div>
    </div>
  )
})

export function Roster({ engineers, suggestions, now }: { engineers: readonly BoardEngineer[]; suggestions: ReadonlyMap<string, Suggestion>; now: number }): React.JSX.Element {
  const { t } = useTranslation()
  const timezone = useApp((s) => s.desk?.station.timezone) ?? DEFAULT_TIMEZONE
  // the day's offset, worked out once (the strips show today)
  const offset = utcOffsetMinutes(timezone, now)
  const clock = useMemo(() => fixedClock(offset), [offset])
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useVirtualizer({ count: engineers.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 })
  const onDuty = engineers.filter((e) => e.status !== 'off').length
  return (
    <section className="board-roster" aria-label={t('board.roster')}>
      <header className="panel-head">
        <h2>{t('board.roster')}</h2>
        <span className="sub">{t('board.rosterCount', { count: engineers.length, onDuty })}</span>
      </header>
      <div className="strip-scale" aria-hidden="true">
        {HOURS.filter((h) => h % 2 === 0).map((h) => (
          <span key={h} style={{ left: `${((h * 60 - DAY_START) / (DAY_END - DAY_START)) * 100}%` }}>
            {h}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="roster-scroll">
        {engineers.length === 0 ? (
          <p className="empty">{t('board.rosterEmpty')}</p>
        ) : (
          <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
            {rows.getVirtualItems().map((v) => {
              const e = engineers[v.index]!
              return <RosterRow key={e.id} engineer={e} suggestion={suggestions.get(e.id)} top={v.start} clock={clock} />
            })}
          </div>
        )}
      </div>
    </section>
  )
}
