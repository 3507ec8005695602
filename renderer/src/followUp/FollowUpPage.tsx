// 回访: the return visits owed (late first) and made, the station's or HQ's level-2 ones, and the
// contracts' inspection plans; 立即生成 runs the schedule (inspection tickets, key-customer calls) now.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanView, VisitView } from '../../../shared/api/followUpSchemas'
import { VISIT_KINDS, visitBy, type VisitKind } from '../../../shared/domain/followUp'
import { desk } from '../api/client'
import { DeskRead } from '../api/DeskRead'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { PlansTab } from './PlansTab'
import { SurveyDialog } from './SurveyDialog'
import { DoneTable, DueTable } from './VisitTables'
import { useCanVisitForHq, useVisitList } from './visits'
import './followUp.css'

const TABS = ['due', 'done', 'plans'] as const
type Tab = (typeof TABS)[number]
type Scope = 'station' | 'hq'
const SEARCH_DELAY_MS = 250

export function FollowUpPage(): React.JSX.Element {
  const { t } = useTranslation()
  const showToast = useApp((s) => s.showToast)
  const hqDesk = useApp((s) => s.desk?.user.role === 'hq')
  const canHq = useCanVisitForHq()
  const [tab, setTab] = useState<Tab>('due')
  // an HQ account opens on its own calls
  const [scope, setScope] = useState<Scope>(hqDesk ? 'hq' : 'station')
  const [kind, setKind] = useState<VisitKind | ''>('')
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [visiting, setVisiting] = useState<VisitView | null>(null)
  const [editing, setEditing] = useState<PlanView | 'new' | null>(null)
  const { data: open } = useVisitList({ scope, state: 'open' })

  useEffect(() => {
    const h = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(h)
  }, [typed])

  const kinds = VISIT_KINDS.filter((k) => visitBy(k) === scope)
  const visitTab = tab !== 'plans'

  return (
    <div className="follow-up-page">
      <div className="toolbar">
        <div className="fu-tabs" role="tablist" aria-label={t('nav.followUp')}>
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`fu-tab-${k}`}>
              {t(`followUp.tab.${k}`)}
              {k === 'due' && open && <DueCounts counts={open.counts} />}
            </button>
          ))}
        </div>
        {visitTab && (
          <>
            <div className="fu-segmented" role="radiogroup" aria-label={t('followUp.scope.label')}>
              {(['station', 'hq'] as const).map((s) => (
                <label key={s} className={scope === s ? 'on' : ''}>
                  <input
                    type="radio"
                    name="fu-scope"
                    checked={scope === s}
                    onChange={() => {
                      setScope(s)
                      setKind('')
                    }}
                    data-testid={`fu-scope-${s}`}
                  />
                  {t(`followUp.scope.${s}`)}
                </label>
              ))}
            </div>
            {kinds.length > 1 && (
              <label className="inline-group">
                <span>{t('followUp.kindFilter')}</span>
                <select value={kind} onChange={(e) => setKind(e.target.value as VisitKind | '')} aria-label={t('followUp.kindFilter')} data-testid="fu-kind">
                  <option value="">{t('common.all')}</option>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`enums.visitKind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <input type="search" className="fu-search" value={typed} maxLength={50} onChange={(e) => setTyped(e.target.value)} placeholder={t('followUp.search')} aria-label={t('followUp.search')} data-testid="fu-search" />
          </>
        )}
        {tab === 'plans' && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="fu-plan-new">
            {t('followUp.plan.new')}
          </button>
        )}
        <span className="spacer" />
        <ScheduleButton />
      </div>
      {visitTab && scope === 'hq' && !canHq && (
        <p className="fu-hq-note" data-testid="fu-hq-note">
          {t('followUp.hqOnly')}
        </p>
      )}
      {visitTab ? (
        // a list of its own per tab: the rows owed are never drawn as rows made while the other loads
        <VisitList key={tab} query={{ scope, state: tab === 'due' ? 'open' : 'done', ...(kind ? { kind } : {}), ...(search ? { search } : {}) }} filtered={Boolean(kind || search)} onVisit={setVisiting} />
      ) : (
        <PlansTab editing={editing} setEditing={setEditing} onDone={showToast} />
      )}
      {visiting && (
        <SurveyDialog
          key={visiting.id}
          visit={visiting}
          onClose={() => setVisiting(null)}
          onDone={(message) => {
            setVisiting(null)
            showToast(message)
          }}
        />
      )}
    </div>
  )
}

/** 逾期 in red, today in amber, the rest grey; none shown when nothing is owed. */
function DueCounts({ counts }: { counts: { late: number; today: number; upcoming: number } }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <span className="fu-tab-counts" title={t('followUp.tabCounts', counts)} data-testid="fu-due-counts">
      {counts.late > 0 && <span className="count-badge">{counts.late}</span>}
      {counts.today > 0 && <span className="count-badge fu-badge-today">{counts.today}</span>}
      {counts.upcoming > 0 && <span className="count-badge fu-badge-upcoming">{counts.upcoming}</span>}
    </span>
  )
}

function VisitList({ query, filtered, onVisit }: { query: { scope: Scope; state: 'open' | 'done'; kind?: VisitKind; search?: string }; filtered: boolean; onVisit(v: VisitView): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { data, error } = useVisitList(query)
  const hq = query.scope === 'hq'
  return (
    <div className="fu-list">
      <DeskRead data={data} error={error}>
        {({ rows }) =>
          rows.length === 0 ? (
            <p className="empty" data-testid="fu-empty">
              {filtered ? t('followUp.emptyFiltered') : query.state === 'open' ? t('followUp.emptyDue') : t('followUp.emptyDone')}
            </p>
          ) : (
            <>
              <p className="fu-list-meta">{t('followUp.count', { count: rows.length })}</p>
              {query.state === 'open' ? <DueTable rows={rows} hq={hq} onVisit={onVisit} /> : <DoneTable rows={rows} hq={hq} />}
            </>
          )
        }
      </DeskRead>
    </div>
  )
}

/** 立即生成: the schedule the desk runs hourly, run now; what it made stays said beside the button. */
function ScheduleButton(): React.JSX.Element {
  const { t } = useTranslation()
  const { formError, busy, submit } = useFormSubmit()
  const [made, setMade] = useState<string | null>(null)
  return (
    <span className="fu-schedule">
      {(made || formError) && (
        <span className={formError ? 'fu-schedule-error' : 'fu-schedule-done'} role="status" data-testid="fu-schedule-result">
          {formError ?? made}
        </span>
      )}
      <button
        type="button"
        disabled={busy}
        title={t('followUp.schedule.hint')}
        onClick={() =>
          void submit(async () => {
            const r = await desk.call('followUp.schedule', {})
            setMade(t('followUp.schedule.done', { tickets: r.tickets, visits: r.visits }))
          })
        }
        data-testid="fu-schedule"
      >
        {t('followUp.schedule.run')}
      </button>
    </span>
  )
}
