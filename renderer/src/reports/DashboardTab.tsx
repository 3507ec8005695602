// 仪表盘: the station's KPIs over a range of days (SLA by zone, level and engineer, response and arrival
// times, first-visit fixes, parts, satisfaction, complaints, the months), as charts with their figures.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../../../shared/api/followUpSchemas'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { download } from '../parts/format'
import { useDeskToday } from '../store/app'
import { Chart } from './Chart'
import { dashboardCards, type Card } from './charts'
import { CLOCKS, QUICK_RANGES, XLSX_TYPE, percentText, quickRange } from './format'
import { ReportRead } from './ReportRead'

// what a resolution, a visit, a complaint or a swapped part changes (not every dispatch on the board)
const TABLES = ['ticket_outcomes', 'return_visits', 'complaints', 'part_movements']

export function DashboardTab(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useDeskToday()
  const [range, setRange] = useState(() => quickRange('months12', today))
  const valid = range.from <= range.to
  const { data, error, reload } = useDeskQuery('reports.dashboard', valid ? range : null, TABLES)
  const { formError, busy, submit } = useFormSubmit()
  const shown = data && data.from === range.from && data.to === range.to ? data : null

  const exportXlsx = (report: 'dashboard' | 'complaints') =>
    submit(async () => {
      const input = report === 'dashboard' ? { report, ...range } : { report, from: range.from.slice(0, 7), to: range.to.slice(0, 7) }
      const file = await desk.call('reports.exportXlsx', input)
      download(file.fileName, file.base64, XLSX_TYPE)
    })

  return (
    <div className="rp-dashboard">
      <div className="rp-tools">
        <label>
          {t('reports.dashboard.from')} <input type="date" value={range.from} max={today} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} data-testid="rp-dash-from" />
        </label>
        <label>
          {t('reports.dashboard.to')} <input type="date" value={range.to} max={today} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} data-testid="rp-dash-to" />
        </label>
        <div className="rp-quick" role="group">
          {QUICK_RANGES.map((k) => {
            const q = quickRange(k, today)
            const active = q.from === range.from && q.to === range.to
            return (
              <button key={k} type="button" className={active ? 'active' : ''} aria-pressed={active} onClick={() => setRange(q)} data-testid={`rp-dash-quick-${k}`}>
                {t(`reports.dashboard.quick.${k}`)}
              </button>
            )
          })}
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => void exportXlsx('dashboard')} disabled={busy || !shown} data-testid="rp-dash-export">
          {t('reports.exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportXlsx('complaints')} disabled={busy || !valid} data-testid="rp-dash-export-complaints">
          {t('reports.exportComplaints')}
        </button>
      </div>
      {!valid && (
        <p className="form-error" role="alert" data-testid="rp-dash-range-error">
          {t('errors.reports.range')}
        </p>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {valid && (
        <ReportRead report={shown} error={error} reload={reload}>
          {(d) => <DashboardView d={d} />}
        </ReportRead>
      )}
    </div>
  )
}

function DashboardView({ d }: { d: Dashboard }): React.JSX.Element {
  const { t } = useTranslation()
  const cards = useMemo(() => dashboardCards(d, t), [d, t])
  const kpis: [key: string, label: string, value: string, note?: string][] = [
    ['tickets', t('reports.dashboard.tickets'), String(d.tickets)],
    ...CLOCKS.map((k): [string, string, string, string] => [k, t('reports.clockRate', { clock: t(`enums.clock.${k}`) }), percentText(d.sla[k]), `${d.sla[k].met} / ${d.sla[k].total}`]),
    ['firstVisit', t('reports.dashboard.firstVisit'), percentText(d.firstVisit), `${d.firstVisit.met} / ${d.firstVisit.total}`],
    ['satisfaction', t('reports.dashboard.avgSatisfaction'), d.satisfaction.avgOverall === null ? '—' : d.satisfaction.avgOverall.toFixed(2), t('reports.dashboard.surveys', { count: d.satisfaction.surveys })],
    ['complaints', t('reports.dashboard.complaints'), String(d.complaints.total), d.complaints.avgCloseDays === null ? undefined : t('reports.dashboard.avgCloseDays', { days: d.complaints.avgCloseDays.toFixed(1) })],
  ]
  return (
    <>
      <dl className="rp-kpis" data-testid="rp-dash-kpis">
        {kpis.map(([key, label, value, note]) => (
          <div key={key} className="rp-kpi">
            <dt>{label}</dt>
            <dd data-testid={`rp-kpi-${key}`}>{value}</dd>
            {note && <dd className="sub">{note}</dd>}
          </div>
        ))}
      </dl>
      {cards.every((c) => c.empty) ? (
        <p className="empty" data-testid="rp-dash-empty">
          {t('reports.noData')}
        </p>
      ) : (
        <div className="rp-cards">
          {cards.map((c) => (
            <ChartCard key={c.id} card={c} />
          ))}
        </div>
      )}
    </>
  )
}

function ChartCard({ card: c }: { card: Card }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <section className={c.wide ? 'rp-card wide' : 'rp-card'} data-testid={`rp-card-${c.id}`} aria-label={c.title}>
      <h3>{c.title}</h3>
      {c.empty ? (
        <p className="empty" data-testid={`rp-empty-${c.id}`}>
          {t('reports.noData')}
        </p>
      ) : (
        <>
          <Chart option={c.option} height={c.height} testId={`rp-chart-${c.id}`} />
          <details className="rp-figures">
            <summary>{t('reports.figures')}</summary>
            <table className="rp-table">
              <thead>
                <tr>
                  {c.figures.head.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.figures.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j} className={typeof v === 'number' ? 'num' : undefined}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  )
}
