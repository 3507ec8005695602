// 库存 (a part's balances by place), 工程师领用 (what each engineer holds) and 目录 (the catalogue, with
// its import from a spreadsheet saved as CSV).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartFields } from '../../../shared/mutators/parts'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { yuan } from './format'

export const STOCK_TABLES = ['part_stock', 'part_movements', 'parts'] as const

const matches = (text: string, ...fields: string[]) => {
  const q = text.trim().toLowerCase()
  return q === '' || fields.some((f) => f.toLowerCase().includes(q))
}

export function StockTab({ search }: { search: string }): React.JSX.Element {
  const { t } = useTranslation()
  const { data } = useDeskQuery('parts.stock', {}, STOCK_TABLES)
  const rows = useMemo(() => (data ?? []).filter((p) => matches(search, p.number, p.name, p.model)), [data, search])
  if (!data) return <p className="loading">{t('common.loading')}</p>
  return (
    <table className="data-table" data-testid="stock-table">
      <thead>
        <tr>
          <th>{t('parts.number')}</th>
          <th>{t('parts.name')}</th>
          <th>{t('parts.category')}</th>
          <th className="num">{t('enums.stockPlace.shelf')}</th>
          <th className="num">{t('enums.stockPlace.engineer')}</th>
          <th className="num">{t('enums.stockPlace.bad')}</th>
          <th className="num">{t('enums.stockPlace.transit')}</th>
          <th className="num">{t('enums.stockPlace.loaned')}</th>
          <th className="num">{t('parts.price')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-part={p.number} className={p.shelf === 0 ? 'empty-shelf' : undefined}>
            <td className="mono">{p.number}</td>
            <td>
              {p.name} <span className="sub">{p.model}</span>
            </td>
            <td>{t(`enums.component.${p.category}`)}</td>
            <td className="num strong">{p.shelf}</td>
            <td className="num">{p.engineer || ''}</td>
            <td className="num">{p.bad || ''}</td>
            <td className="num">{p.transit || ''}</td>
            <td className="num">{p.loaned || ''}</td>
            <td className="num">{yuan(p.price)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function HoldingsTab({ search }: { search: string }): React.JSX.Element {
  const { t } = useTranslation()
  const { data } = useDeskQuery('parts.holdings', {}, STOCK_TABLES)
  const byEngineer = useMemo(() => {
    const out = new Map<string, { name: string; parts: NonNullable<typeof data> }>()
    for (const h of data ?? []) {
      if (!matches(search, h.engineerName, h.partNumber, h.partName)) continue
      const e = out.get(h.engineerId) ?? { name: h.engineerName, parts: [] }
      e.parts.push(h)
      out.set(h.engineerId, e)
    }
    return [...out.values()]
  }, [data, search])
  if (!data) return <p className="loading">{t('common.loading')}</p>
  if (byEngineer.length === 0) return <p className="empty">{t('parts.noHoldings')}</p>
  return (
    <div className="holdings" data-testid="holdings">
      {byEngineer.map((e) => (
        <section key={e.name} className="holding">
          <h3>
            {e.name} <span className="sub">{t('parts.holdsCount', { count: e.parts.reduce((s, p) => s + p.qty, 0) })}</span>
          </h3>
          <ul>
            {e.parts.map((p) => (
              <li key={p.partId}>
                <span className="mono">{p.partNumber}</span> {p.partName} × <b>{p.qty}</b>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

export function CatalogueTab({ search, onDone }: { search: string; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { data } = useDeskQuery('parts.catalogue', {}, ['parts'])
  const [preview, setPreview] = useState<PartFields[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const rows = useMemo(() => (data ?? []).filter((p) => matches(search, p.number, p.name, p.model)), [data, search])

  const read = async (file: File | undefined) => {
    if (!file) return
    setError(null)
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      if (/\.xlsx$/i.test(file.name)) {
        let binary = ''
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        setPreview((await desk.call('parts.parseImport', { xlsxBase64: btoa(binary) })).parts)
        return
      }
      // Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        text = new TextDecoder('gb18030').decode(bytes)
      }
      setPreview((await desk.call('parts.parseImport', { text })).parts)
    } catch (e) {
      setPreview(null)
      setError(errorText(e))
    }
  }
  const save = async () => {
    if (!preview) return
    try {
      const { added, updated } = await desk.call('part.import', { parts: preview })
      setPreview(null)
      onDone(t('parts.imported', { added, updated }))
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="catalogue">
      <div className="toolbar">
        <label className="file-button">
          {t('parts.importFile')}
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="catalogue-file" onChange={(e) => void read(e.target.files?.[0])} />
        </label>
        <span className="sub">{t('parts.importHint')}</span>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="import-preview" role="region" aria-label={t('parts.importPreview')}>
          <p>{t('parts.importReady', { count: preview.length })}</p>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('parts.importConfirm')}
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {!data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('parts.number')}</th>
              <th>{t('parts.name')}</th>
              <th>{t('parts.model')}</th>
              <th>{t('parts.category')}</th>
              <th className="num">{t('parts.grade')}</th>
              <th className="num">{t('parts.cost')}</th>
              <th className="num">{t('parts.price')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="mono">{p.number}</td>
                <td>{p.name}</td>
                <td>{p.model}</td>
                <td>{t(`enums.component.${p.category}`)}</td>
                <td className="num">{p.grade}</td>
                <td className="num">{yuan(p.unitCost)}</td>
                <td className="num">{yuan(p.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
