// The dashboard's charts from its figures: each card's ECharts option and the same figures as a table
// (read out, copied, and there when a chart cannot be seen).
import type { TFunction } from 'i18next'
import type { Dashboard, Rate } from '../../../shared/api/followUpSchemas'
import { bucketLabel } from '../../../shared/domain/followUp'
import type { ChartOption } from './Chart'
import { CLOCKS, percent, percentText } from './format'

export interface Card {
  id: string
  title: string
  option: ChartOption
  height: number
  /** Spans the grid's width (long category axes). */
  wide?: boolean
  empty: boolean
  figures: { head: string[]; rows: (string | number)[][] }
}

const CLOCK_COLORS = { respond: '#1677ff', arrive: '#e07b00', resolve: '#2e7d32' } as const
const BAR = '#4a7fb5'
const PARTS_SHOWN = 10

const pctAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
const pctTip = (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`)
const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }

/** Grouped bars of % met per clock, one group per zone / level / engineer. */
function slaCard(t: TFunction, id: string, title: string, head: string, rows: { label: string; tickets: number; respond: Rate; arrive: Rate; resolve: Rate }[], wide = false): Card {
  // names turn when they would crowd each other (a full-width card holds about 16 side by side)
  const many = rows.length > (wide ? 16 : 6)
  return {
    id,
    title,
    wide,
    height: many ? 340 : 280,
    empty: rows.every((r) => r.tickets === 0),
    option: {
      tooltip: { trigger: 'axis', valueFormatter: pctTip },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: many ? 45 : 0 } },
      yAxis: pctAxis,
      series: CLOCKS.map((k) => ({ name: t(`enums.clock.${k}`), type: 'bar' as const, data: rows.map((r) => percent(r[k])), itemStyle: { color: CLOCK_COLORS[k] }, barMaxWidth: 28 })),
    },
    figures: {
      head: [head, t('reports.dashboard.tickets'), ...CLOCKS.map((k) => t('reports.clockRate', { clock: t(`enums.clock.${k}`) }))],
      rows: rows.map((r) => [r.label, r.tickets, ...CLOCKS.map((k) => `${percentText(r[k])} (${r[k].met}/${r[k].total})`)]),
    },
  }
}

/** Counts over time buckets (minutes to answer / arrive, days to close). */
function bucketCard(t: TFunction, id: string, title: string, buckets: { upTo: number | null; count: number }[], unit: 'minutes' | 'days', color = BAR): Card {
  const labels = buckets.map((_, i) => bucketLabel(t, buckets, i, unit))
  return {
    id,
    title,
    height: 260,
    empty: buckets.every((b) => b.count === 0),
    option: {
      tooltip: { trigger: 'axis' },
      grid: { ...grid, top: 24 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('reports.count'), type: 'bar', data: buckets.map((b) => b.count), itemStyle: { color }, barMaxWidth: 48, label: { show: true, position: 'top' } }],
    },
    figures: { head: [t('reports.dashboard.span'), t('reports.count')], rows: buckets.map((b, i) => [labels[i]!, b.count]) },
  }
}

export function dashboardCards(d: Dashboard, t: TFunction): Card[] {
  const D = (key: string) => t(`reports.dashboard.${key}` as 'reports.dashboard.tickets')
  const monthSla = d.byMonth.map((m) => percent({ met: m.slaMet, total: m.slaTotal }))
  const parts = [...d.parts].sort((a, b) => b.qty - a.qty).slice(0, PARTS_SHOWN)
  const scores = d.satisfaction.distribution.map((_, i) => t('reports.dashboard.score', { n: i + 1 }))
  const fv = percent(d.firstVisit)
  return [
    {
      id: 'by-month',
      title: D('byMonth'),
      wide: true,
      height: 300,
      empty: d.byMonth.every((m) => m.tickets === 0),
      option: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: d.byMonth.map((m) => m.month) },
        yAxis: [{ type: 'value', minInterval: 1 }, { ...pctAxis, splitLine: { show: false } }],
        series: [
          { name: D('tickets'), type: 'bar', data: d.byMonth.map((m) => m.tickets), itemStyle: { color: '#9db9d8' }, barMaxWidth: 36 },
          { name: D('slaRate'), type: 'line', yAxisIndex: 1, data: monthSla, itemStyle: { color: CLOCK_COLORS.resolve }, tooltip: { valueFormatter: pctTip } },
        ],
      },
      figures: { head: [D('month'), D('tickets'), D('slaRate')], rows: d.byMonth.map((m) => [m.month, m.tickets, `${percentText({ met: m.slaMet, total: m.slaTotal })} (${m.slaMet}/${m.slaTotal})`]) },
    },
    slaCard(t, 'sla-zone', D('slaByZone'), D('zone'), d.byZone.map((r) => ({ ...r, label: t(`enums.zone.${r.key}`) }))),
    slaCard(t, 'sla-level', D('slaByLevel'), D('level'), d.byLevel.map((r) => ({ ...r, label: t(`enums.faultLevel.${r.key}`) }))),
    {
      id: 'first-visit',
      title: D('firstVisit'),
      height: 260,
      empty: d.firstVisit.total === 0,
      option: {
        series: [
          {
            type: 'gauge',
            min: 0,
            max: 100,
            radius: '95%',
            center: ['50%', '58%'],
            progress: { show: true, width: 14 },
            axisLine: { lineStyle: { width: 14 } },
            axisLabel: { distance: 20, fontSize: 11 },
            splitLine: { length: 8 },
            pointer: { show: false },
            itemStyle: { color: CLOCK_COLORS.resolve },
            detail: { valueAnimation: true, formatter: '{value}%', fontSize: 28, offsetCenter: [0, '10%'] },
            title: { offsetCenter: [0, '45%'], fontSize: 13 },
            data: [{ value: fv ?? 0, name: `${d.firstVisit.met} / ${d.firstVisit.total}` }],
          },
        ],
      },
      figures: { head: [t('reports.met'), t('reports.total'), t('reports.rate')], rows: [[d.firstVisit.met, d.firstVisit.total, percentText(d.firstVisit)]] },
    },
    slaCard(t, 'sla-engineer', D('slaByEngineer'), D('engineer'), d.byEngineer.map((r) => ({ ...r, label: r.label || D('unassigned') })), true),
    bucketCard(t, 'response', D('responseTime'), d.responseMinutes, 'minutes', CLOCK_COLORS.respond),
    bucketCard(t, 'arrival', D('arrivalTime'), d.arrivalMinutes, 'minutes', CLOCK_COLORS.arrive),
    {
      id: 'parts',
      title: d.parts.length > PARTS_SHOWN ? t('reports.dashboard.partsTop', { n: PARTS_SHOWN }) : D('parts'),
      height: Math.max(200, 40 + parts.length * 26),
      empty: parts.length === 0,
      option: {
        tooltip: { trigger: 'axis' },
        grid: { ...grid, top: 8 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: parts.map((p) => p.name) },
        series: [{ name: t('reports.station.qty'), type: 'bar', data: parts.map((p) => p.qty), itemStyle: { color: BAR }, barMaxWidth: 18, label: { show: true, position: 'right' } }],
      },
      figures: { head: [t('reports.station.partNumber'), t('reports.station.partName'), t('reports.station.qty')], rows: d.parts.map((p) => [p.partNumber, p.name, p.qty]) },
    },
    {
      id: 'satisfaction',
      title: D('satisfaction'),
      height: 260,
      empty: d.satisfaction.surveys === 0,
      option: {
        tooltip: { trigger: 'axis' },
        grid: { ...grid, top: 24 },
        xAxis: { type: 'category', data: scores },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: D('surveysCount'),
            type: 'bar',
            // 1 and 2 are the dissatisfied answers that open a complaint
            data: d.satisfaction.distribution.map((n, i) => ({ value: n, itemStyle: { color: i < 2 ? '#c62828' : i === 2 ? '#e0a800' : CLOCK_COLORS.resolve } })),
            barMaxWidth: 48,
            label: { show: true, position: 'top' },
          },
        ],
      },
      figures: { head: [D('satisfaction'), D('surveysCount')], rows: d.satisfaction.distribution.map((n, i) => [scores[i]!, n]) },
    },
    {
      id: 'satisfaction-month',
      title: D('satisfactionByMonth'),
      height: 260,
      empty: d.satisfaction.byMonth.length === 0,
      option: {
        tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(2) : '—') },
        grid: { ...grid, top: 24 },
        xAxis: { type: 'category', data: d.satisfaction.byMonth.map((m) => m.month) },
        yAxis: { type: 'value', min: 1, max: 5 },
        series: [{ name: D('average'), type: 'line', data: d.satisfaction.byMonth.map((m) => Math.round(m.avg * 100) / 100), itemStyle: { color: BAR }, label: { show: d.satisfaction.byMonth.length <= 12, position: 'top' } }],
      },
      figures: { head: [D('month'), D('average'), D('surveysCount')], rows: d.satisfaction.byMonth.map((m) => [m.month, m.avg.toFixed(2), m.count]) },
    },
    {
      id: 'complaints',
      title: D('complaintsByCategory'),
      height: 260,
      empty: d.complaints.byCategory.every((c) => c.count === 0),
      option: {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            label: { formatter: '{b}\n{c}' },
            data: d.complaints.byCategory.filter((c) => c.count > 0).map((c) => ({ name: t(`enums.complaintCategory.${c.category}`), value: c.count })),
          },
        ],
      },
      figures: { head: [D('complaintsByCategory'), t('reports.count')], rows: d.complaints.byCategory.map((c) => [t(`enums.complaintCategory.${c.category}`), c.count]) },
    },
    bucketCard(t, 'close-days', D('closeDays'), d.complaints.closeDays, 'days', '#8e5cc2'),
  ]
}
