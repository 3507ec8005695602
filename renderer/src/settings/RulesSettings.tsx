import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../shared/api/contract'
import { formatWindows, parseWindows, type CalendarDef, type Window } from '../../../shared/domain/calendar'
import type { ServiceRules } from '../../../shared/domain/rules'
import { SANBAO_PRESETS } from '../../../shared/domain/warranty'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
type Rules = MethodOutput<'rules.get'>

/** 设置 → 服务规则: every change is saved as a new version of the rules. */
export function RulesSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const showToast = useApp((s) => s.showToast)
  const { data, reload } = useDeskQuery('rules.get', {}, ['rules'])
  const [draft, setDraft] = useState<ServiceRules | null>(null)
  const [hoursText, setHoursText] = useState<Record<string, string[]>>({})
  const [note, setNote] = useState('')
  const [csv, setCsv] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [importError, setImportError] = useState<string | null>(null)

  useEffect(() => {
    if (!data) return
    const rules = structuredClone(data.rules) as ServiceRules
    setDraft(rules)
    setHoursText(Object.fromEntries(Object.values(rules.calendars).map((c) => [c.id, c.week.map(formatWindows)])))
  }, [data])

  if (!data || !draft) return <p>{t('common.loading')}</p>
  const edit = (fn: (r: ServiceRules) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!) as ServiceRules
      fn(next)
      return next
    })

  async function save() {
    setError(null)
    const calendars: Record<string, CalendarDef> = {}
    for (const cal of Object.values(draft!.calendars)) {
      const week = (hoursText[cal.id] ?? []).map(parseWindows)
      if (week.some((w) => w === null)) return setError(`${cal.name}：${t('errors.rules.window')}`)
      calendars[cal.id] = { ...cal, week: week as Window[][], makeUpDay: (week[1] as Window[]) ?? cal.makeUpDay }
    }
    try {
      const { version } = await desk.call('rules.update', { baseVersion: (data as Rules).version, rules: { ...draft!, calendars } as never, note })
      setNote('')
      showToast(t('settings.saved', { version }))
      void reload()
    } catch (e) {
      setError(errorText(e))
    }
  }

  async function importCsv() {
    setImportError(null)
    try {
      const r = await desk.call('rules.importHolidays', { baseVersion: data!.version, csv })
      setCsv('')
      showToast(t('settings.imported', { count: r.imported, version: r.version }))
    } catch (e) {
      const body = (e as { body?: { issues?: { path: string; key: string }[] } }).body
      const detail = body?.issues?.map((i) => `第 ${i.path.replace('csv.', '')} 行：${t(i.key as never)}`).join('；')
      setImportError(detail ? t('errors.holidays.problems', { count: body!.issues!.length, detail }) : errorText(e))
    }
  }

  const years = [...new Set(draft.holidays.map((h) => h.date.slice(0, 4)))].sort()
  return (
    <section className="rules-settings" aria-label={t('settings.rules')}>
      <h2>{t('settings.rules')}</h2>
      <p className="sub">{t('settings.rulesVersion', { version: data.version, date: data.createdAt.slice(0, 10), who: data.createdByName ?? data.note })}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <h3>{t('settings.slaTable')}</h3>
      <table className="rules-table">
        <thead>
          <tr>
            {(['colClock', 'colLevel', 'colZone', 'colFault', 'colWarn', 'colLimit', 'colSource'] as const).map((c) => (
              <th key={c}>{t(`settings.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {draft.sla.map((row, i) => (
            <tr key={i}>
              <td>{t(`enums.clock.${row.clock}`)}</td>
              <td>{row.level === '*' ? t('settings.any') : t(`enums.serviceLevel.${row.level}`)}</td>
              <td>{row.zone === '*' ? t('settings.any') : t(`enums.zone.${row.zone}`)}</td>
              <td>{row.fault === '*' ? t('settings.any') : t(`enums.faultLevel.${row.fault}`)}</td>
              {(['warn', 'limit'] as const).map((k) => (
                <td key={k}>
                  <input
                    type="number"
                    min={0}
                    step={1}
                    aria-label={`${t(`enums.clock.${row.clock}`)} ${row.zone === '*' ? '' : t(`enums.zone.${row.zone}`)} ${row.fault === '*' ? '' : t(`enums.faultLevel.${row.fault}`)} ${t(k === 'warn' ? 'settings.colWarn' : 'settings.colLimit')}`}
                    value={row[k]}
                    onChange={(e) => edit((r) => void (r.sla[i]![k] = Math.round(Number(e.target.value))))}
                  />
                </td>
              ))}
              <td className="sub">{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('settings.calendars')}</h3>
      {Object.values(draft.calendars).map((cal) => (
        <fieldset key={cal.id} className="calendar-edit">
          <legend>{cal.name}</legend>
          {WEEKDAYS.map((d, i) => (
            <label key={d} className="inline-group">
              周{d}
              <input
                value={hoursText[cal.id]?.[i] ?? ''}
                placeholder={t('settings.closed')}
                onChange={(e) => setHoursText((h) => ({ ...h, [cal.id]: (h[cal.id] ?? []).map((x, j) => (j === i ? e.target.value : x)) }))}
              />
            </label>
          ))}
        </fieldset>
      ))}

      <h3>{t('settings.holidays')}</h3>
      <ul className="holiday-years">
        {years.map((y) => (
          <li key={y}>
            {t('settings.holidaysYear', {
              year: y,
              off: draft.holidays.filter((h) => h.date.startsWith(y) && h.kind === 'off').length,
              work: draft.holidays.filter((h) => h.date.startsWith(y) && h.kind === 'work').length,
            })}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="holiday-csv">{t('settings.importCsv')}</label>
        <textarea id="holiday-csv" rows={4} value={csv} placeholder="2027-01-01,休,元旦" onChange={(e) => setCsv(e.target.value)} />
        <span className="sub">{t('settings.importHint')}</span>
        <input type="file" accept=".csv,text/csv" aria-label={t('settings.chooseCsv')} onChange={async (e) => setCsv(await (e.target.files?.[0]?.text() ?? Promise.resolve('')))} />
      </div>
      <button type="button" onClick={importCsv} disabled={!csv.trim()}>
        {t('settings.importCsv')}
      </button>
      {importError && (
        <p className="form-error" role="alert">
          {importError}
        </p>
      )}

      <h3>{t('settings.sanbao')}</h3>
      <div className="field">
        <select
          aria-label={t('settings.sanbao')}
          value={draft.warranty.sanbao.exchangeDays === SANBAO_PRESETS.national.exchangeDays ? 'national' : 'seed002'}
          onChange={(e) => edit((r) => void Object.assign(r.warranty.sanbao, SANBAO_PRESETS[e.target.value as keyof typeof SANBAO_PRESETS]))}
        >
          <option value="seed002">{t('settings.sanbaoSeed')}</option>
          <option value="national">{t('settings.sanbaoNational')}</option>
        </select>
      </div>

      <h3>{t('settings.warrantyTable')}</h3>
      <div className="warranty-grid">
        {draft.warranty.rows.map((row, i) => (
          <label key={`${row.productLine}:${row.component}`} className="inline-group">
            {t(`enums.component.${row.component}` as never)}
            <input type="number" min={0} max={240} value={row.months} onChange={(e) => edit((r) => void (r.warranty.rows[i]!.months = Math.round(Number(e.target.value))))} />
          </label>
        ))}
      </div>

      <div className="field">
        <label htmlFor="rules-note">{t('settings.rulesNote')}</label>
        <input id="rules-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="primary" onClick={save}>
        {t('settings.saveRules')}
      </button>
    </section>
  )
}
