// 客服工作报表 (seed 002 §八): due at the branch before 10:00 every Monday (covering Thursday to Sunday) and
// Thursday (Monday to Wednesday). Pick a day, the report due then (or last due before it) is laid out as a
// document that prints on its own (reports.css) and exports to Excel in the same sections.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StationReport } from '../../../shared/api/followUpSchemas'
import { addDays, reportPeriod } from '../../../shared/domain/followUp'
import { localDateTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { download } from '../parts/format'
import { printDocument } from '../slips/printTarget'
import { useDeskToday } from '../store/app'
import { CLOCKS, XLSX_TYPE, percentText } from './format'
import { ReportRead } from './ReportRead'

const TABLES = ['tickets', 'ticket_outcomes', 'return_visits', 'complaints', 'part_movements']

const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1

/** The next report's due day: Monday's is followed by Thursday's, Thursday's by Monday's. */
const nextDue = (dueOn: string) => addDays(dueOn, isMonday(dueOn) ? 3 : 4)

export function StationReportTab(): React.JSX.Element {
  const { t } = useTranslation()
  const today = useDeskToday()
  const [day, setDay] = useState(today)
  const period = reportPeriod(day)
  const latest = reportPeriod(today).dueOn
  const { data, error, reload } = useDeskQuery('reports.station', { day: period.dueOn }, TABLES)
  const { formError, busy, submit } = useFormSubmit()
  const report = data && data.dueOn === period.dueOn ? data : null

  const exportXlsx = () =>
    submit(async () => {
      const file = await desk.call('reports.exportXlsx', { report: 'station', day: period.dueOn })
      download(file.fileName, file.base64, XLSX_TYPE)
    })
  const print = () =>
    submit(async () => {
      await printDocument({ fileName: `${report?.station.name ?? ''} ${t('reports.station.title')} ${period.from}—${period.to}` })
    })

  return (
    <div className="rp-station">
      <div className="rp-tools">
        <button type="button" onClick={() => setDay(addDays(period.dueOn, -1))} data-testid="rp-station-prev">
          ‹ {t('reports.station.prev')}
        </button>
        <label>
          {t('reports.station.day')} <input type="date" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="rp-station-day" />
        </label>
        <button type="button" onClick={() => setDay(nextDue(period.dueOn))} disabled={period.dueOn >= latest} data-testid="rp-station-next">
          {t('reports.station.next')} ›
        </button>
        <span className="rp-kind" data-testid="rp-station-kind">
          <b>{t(isMonday(period.dueOn) ? 'reports.station.monday' : 'reports.station.thursday')}</b>
          <span className="sub">
            {t('reports.station.period', { from: period.from, to: period.to })} · {t('reports.station.due', { day: period.dueOn })}
          </span>
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void exportXlsx()} disabled={busy || !report} data-testid="rp-station-export">
          {t('reports.exportXlsx')}
        </button>
        <button type="button" onClick={() => void print()} disabled={busy || !report} data-testid="rp-station-print">
          {t('reports.print')}
        </button>
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <ReportRead report={report} error={error} reload={reload}>
        {(r) => <ReportDocument report={r} />}
      </ReportRead>
    </div>
  )
}

function Figures({ items }: { items: [key: string, label: string, value: React.ReactNode][] }): React.JSX.Element {
  return (
    <dl className="rp-figs">
      {items.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`rp-fig-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function CountTable({ head, rows, testId }: { head: string; rows: [label: string, count: number][]; testId: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <table className="rp-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{head}</th>
          <th className="num">{t('reports.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="sub">
              {t('common.none')}
            </td>
          </tr>
        ) : (
          rows.map(([label, count]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">{count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

function ReportDocument({ report: r }: { report: StationReport }): React.JSX.Element {
  const { t } = useTranslation()
  const modeLabel = (mode: string) => t(`enums.serviceMode.${mode}`, { defaultValue: mode })
  return (
    <article className="rp-doc" data-testid="rp-station-doc">
      <header>
        <h1>
          {r.station.name} {t('reports.station.title')}
        </h1>
        <p>
          {t(isMonday(r.dueOn) ? 'reports.station.monday' : 'reports.station.thursday')} · {t('reports.station.period', { from: r.from, to: r.to })}
        </p>
        <p className="sub">
          {t('reports.station.due', { day: r.dueOn })} · {t('reports.station.generated', { at: localDateTime(r.generatedAt) })}
        </p>
        {!r.complete && (
          <p className="sub rp-partial" data-testid="rp-station-partial">
            {t('reports.station.partial')}
          </p>
        )}
      </header>

      <section className="wide">
        <h2>{t('reports.station.tickets')}</h2>
        <Figures
          items={[
            ['received', t('reports.station.received'), r.tickets.received],
            ['resolved', t('reports.station.resolved'), r.tickets.resolved],
            ['openAtEnd', t('reports.station.openAtEnd'), r.tickets.openAtEnd],
            ['overdueAtEnd', t('reports.station.overdueAtEnd'), <span className={r.tickets.overdueAtEnd ? 'rp-bad' : ''}>{r.tickets.overdueAtEnd}</span>],
          ]}
        />
        <div className="rp-pair">
          <CountTable head={t('reports.station.byCategory')} rows={r.tickets.byCategory.map((c) => [t(`enums.category.${c.category}`), c.count])} testId="rp-station-by-category" />
          <CountTable head={t('reports.station.byMode')} rows={r.tickets.byMode.map((m) => [modeLabel(m.mode), m.count])} testId="rp-station-by-mode" />
        </div>
      </section>

      <section>
        <h2>{t('reports.station.sla')}</h2>
        <table className="rp-table" data-testid="rp-station-sla">
          <thead>
            <tr>
              <th>{t('reports.station.clock')}</th>
              <th className="num">{t('reports.met')}</th>
              <th className="num">{t('reports.total')}</th>
              <th className="num">{t('reports.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {CLOCKS.map((k) => (
              <tr key={k}>
                <td>{t(`enums.clock.${k}`)}</td>
                <td className="num">{r.sla[k].met}</td>
                <td className="num">{r.sla[k].total}</td>
                <td className="num strong">{percentText(r.sla[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('reports.station.firstVisit')}</h2>
        <p className="rp-big" data-testid="rp-station-first-visit">
          {percentText(r.firstVisit)}
        </p>
        <p className="sub">
          {t('reports.station.firstVisitMet')} {r.firstVisit.met} / {t('reports.station.firstVisitTotal')} {r.firstVisit.total}
        </p>
      </section>

      <section>
        <h2>{t('reports.station.visits')}</h2>
        <Figures
          items={[
            ['visitsOwed', t('reports.station.owed'), r.visits.owed],
            ['visitsDone', t('reports.station.done'), r.visits.done],
            ['visitsLate', t('reports.station.late'), <span className={r.visits.late ? 'rp-bad' : ''}>{r.visits.late}</span>],
            ['dissatisfied', t('reports.station.dissatisfied'), r.visits.dissatisfied],
            ['avgOverall', t('reports.station.avgOverall'), r.visits.avgOverall === null ? '—' : r.visits.avgOverall.toFixed(2)],
          ]}
        />
      </section>

      <section>
        <h2>{t('reports.station.complaints')}</h2>
        <Figures
          items={[
            ['complaintsOpened', t('reports.station.opened'), r.complaints.opened],
            ['complaintsClosed', t('reports.station.closed'), r.complaints.closed],
            ['complaintsOpen', t('reports.station.stillOpen'), r.complaints.openAtEnd],
            ['complaintsEscalated', t('reports.station.escalated'), <span className={r.complaints.escalated ? 'rp-bad' : ''}>{r.complaints.escalated}</span>],
          ]}
        />
        <CountTable head={t('reports.dashboard.complaintsByCategory')} rows={r.complaints.byCategory.map((c) => [t(`enums.complaintCategory.${c.category}`), c.count])} testId="rp-station-complaints" />
      </section>

      <section className="wide">
        <h2>{t('reports.station.parts')}</h2>
        <p>
          {t('reports.station.swapped')} <b data-testid="rp-fig-partsSwapped">{r.parts.swapped}</b>
        </p>
        {r.parts.lines.length === 0 ? (
          <p className="sub">{t('reports.station.noParts')}</p>
        ) : (
          <table className="rp-table" data-testid="rp-station-parts">
            <thead>
              <tr>
                <th>{t('reports.station.partNumber')}</th>
                <th>{t('reports.station.partName')}</th>
                <th className="num">{t('reports.station.qty')}</th>
              </tr>
            </thead>
            <tbody>
              {r.parts.lines.map((l) => (
                <tr key={l.partNumber}>
                  <td className="mono">{l.partNumber}</td>
                  <td>{l.name}</td>
                  <td className="num">{l.qty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="wide">
        <h2>{t('reports.station.engineers')}</h2>
        {r.engineers.length === 0 ? (
          <p className="sub">{t('reports.station.noEngineers')}</p>
        ) : (
          <table className="rp-table" data-testid="rp-station-engineers">
            <thead>
              <tr>
                <th>{t('reports.station.engineer')}</th>
                <th className="num">{t('reports.station.resolved')}</th>
                <th className="num">SLA {t('reports.met')}</th>
                <th className="num">SLA {t('reports.total')}</th>
                <th className="num">SLA {t('reports.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {r.engineers.map((e, i) => (
                <tr key={`${i}|${e.name}`}>
                  <td>{e.name}</td>
                  <td className="num">{e.resolved}</td>
                  <td className="num">{e.sla.met}</td>
                  <td className="num">{e.sla.total}</td>
                  <td className="num strong">{percentText(e.sla)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <footer>
        <span>{t('reports.station.preparedBy')}</span>
        <span>{t('reports.station.approvedBy')}</span>
      </footer>
    </article>
  )
}
