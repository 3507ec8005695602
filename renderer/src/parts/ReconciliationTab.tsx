// 月度对帐: the books' closing balance per part, place and holder next to what is counted (typed, or one
// scan of the part number per unit), each difference with its reason; the clerk and the manager sign and
// the month is closed. Exported to Excel for the branch and printed.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReconciliationView } from '../../../shared/api/partsSchemas'
import { localDateTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { openPrint } from '../slips/print'
import { download } from './format'
import type { Person } from './MovementDialog'

type Line = ReconciliationView['lines'][number]
const keyOf = (l: Pick<Line, 'partId' | 'place' | 'holderId'>) => `${l.partId}|${l.place}|${l.holderId ?? ''}`

interface Entry {
  counted: string
  reason: string
}

export function ReconciliationTab({ month, setMonth, people, onDone }: { month: string; setMonth(m: string): void; people: readonly Person[]; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { formError, submit } = useFormSubmit()
  const { data } = useDeskQuery('parts.reconciliation', { month }, ['part_movements', 'reconciliations', 'parts'])
  const [entries, setEntries] = useState<Record<string, Entry>>({})
  const [scanError, setScanError] = useState<string | null>(null)
  const error = scanError ?? formError
  const [scan, setScan] = useState('')
  const [flash, setFlash] = useState<string | null>(null)
  const signers = people.filter((p) => p.role === 'clerk' || p.role === 'manager')
  const [signerId, setSignerId] = useState('')
  const scanRef = useRef<HTMLInputElement>(null)

  // the saved counts, whenever the month or the saved state changes
  useEffect(() => {
    if (!data) return
    setEntries(Object.fromEntries(data.lines.map((l) => [keyOf(l), { counted: l.counted === null ? '' : String(l.counted), reason: l.reason }])))
  }, [data])

  const lines = data?.lines ?? []
  const locked = Boolean(data?.lockedAt)
  const diffOf = (l: Line) => {
    const e = entries[keyOf(l)]
    return e && e.counted !== '' ? Number(e.counted) - l.expected : null
  }
  const totals = useMemo(() => ({ differences: lines.filter((l) => (diffOf(l) ?? 0) !== 0).length, uncounted: lines.filter((l) => diffOf(l) === null).length }), [lines, entries])

  const set = (l: Line, patch: Partial<Entry>) => setEntries((all) => ({ ...all, [keyOf(l)]: { ...(all[keyOf(l)] ?? { counted: '', reason: '' }), ...patch } }))

  /** A scanner types the part number and Enter: one unit of that part on the shelf counted. */
  const onScan = (e: React.FormEvent) => {
    e.preventDefault()
    const number = scan.trim().toUpperCase()
    setScan('')
    const line = lines.find((l) => l.partNumber.toUpperCase() === number && l.place === 'shelf') ?? lines.find((l) => l.partNumber.toUpperCase() === number)
    if (!line) return setScanError(t('parts.scanUnknown', { number }))
    setScanError(null)
    set(line, { counted: String(Number(entries[keyOf(line)]?.counted || 0) + 1) })
    setFlash(keyOf(line))
  }

  const run = (work: () => Promise<string | void>) =>
    submit(async () => {
      setScanError(null)
      const message = await work()
      if (message) onDone(message)
    })
  const counts = () =>
    lines
      .filter((l) => entries[keyOf(l)] !== undefined && entries[keyOf(l)]!.counted !== '')
      .map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: Number(entries[keyOf(l)]!.counted), reason: diffOf(l) ? entries[keyOf(l)]!.reason.trim() : '' }))
  /** Saves the counts if they differ from what the desk has (a signature on unchanged counts writes nothing else). */
  const saveCounts = async () => {
    const saved = lines.filter((l) => l.counted !== null).map((l) => ({ partId: l.partId, place: l.place, holderId: l.holderId, counted: l.counted, reason: l.reason }))
    const now = counts()
    if (JSON.stringify(now) !== JSON.stringify(saved)) await desk.call('recon.count', { month, counts: now })
  }

  return (
    <div className="reconciliation">
      <div className="toolbar">
        <label>
          {t('parts.month')} <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} data-testid="recon-month" />
        </label>
        {!locked && (
          <form onSubmit={onScan} className="scan">
            <input ref={scanRef} value={scan} onChange={(e) => setScan(e.target.value)} placeholder={t('parts.scanHint')} aria-label={t('parts.scan')} data-testid="recon-scan" />
          </form>
        )}
        {!locked && (
          <button type="button" onClick={() => lines.forEach((l) => entries[keyOf(l)]?.counted === '' && set(l, { counted: String(l.expected) }))}>
            {t('parts.fillBooks')}
          </button>
        )}
        <span className="sub" data-testid="recon-summary">
          {t('parts.reconSummary', { lines: lines.length, differences: totals.differences, uncounted: totals.uncounted })}
        </span>
      </div>
      {locked && (
        <p className="lock-banner" role="status" data-testid="recon-locked">
          {t('parts.locked', { at: localDateTime(data!.lockedAt!) })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : lines.length === 0 ? (
        <p className="empty">{t('parts.reconEmpty', { month })}</p>
      ) : (
        <table className="data-table recon-table" data-testid="recon-table">
          <thead>
            <tr>
              <th>{t('parts.number')}</th>
              <th>{t('parts.name')}</th>
              <th>{t('parts.place')}</th>
              <th className="num">{t('parts.opening')}</th>
              <th className="num">{t('parts.received')}</th>
              <th className="num">{t('parts.sent')}</th>
              <th className="num">{t('parts.expected')}</th>
              <th className="num">{t('parts.counted')}</th>
              <th className="num">{t('parts.difference')}</th>
              <th>{t('parts.differenceReason')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const k = keyOf(l)
              const d = diffOf(l)
              return (
                <tr key={k} data-line={`${l.partNumber}|${l.place}|${l.holderName ?? ''}`} className={`${d ? 'differs' : ''} ${flash === k ? 'flash' : ''}`}>
                  <td className="mono">{l.partNumber}</td>
                  <td>{l.partName}</td>
                  <td>
                    {t(`enums.stockPlace.${l.place}`)}
                    {l.holderName && <span className="sub"> {l.holderName}</span>}
                  </td>
                  <td className="num">{l.opening}</td>
                  <td className="num">{l.received}</td>
                  <td className="num">{l.sent}</td>
                  <td className="num strong">{l.expected}</td>
                  <td className="num">
                    <input className="count" inputMode="numeric" value={entries[k]?.counted ?? ''} disabled={locked} aria-label={t('parts.countedOf', { part: l.partNumber })} onChange={(e) => set(l, { counted: e.target.value.replace(/\D/g, '') })} />
                  </td>
                  <td className={`num ${d ? 'strong' : ''}`}>{d === null ? '' : d > 0 ? `+${d}` : d}</td>
                  <td>
                    {d ? <input className="reason" value={entries[k]?.reason ?? ''} disabled={locked} aria-label={t('parts.reasonOf', { part: l.partNumber })} onChange={(e) => set(l, { reason: e.target.value })} /> : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <div className="recon-foot">
        <div className="signatures" data-testid="signatures">
          <span>
            {t('enums.role.clerk')}：{data?.clerk ? `${data.clerk.name} ${localDateTime(data.clerk.at)}` : t('parts.notSigned')}
          </span>
          <span>
            {t('enums.role.manager')}：{data?.manager ? `${data.manager.name} ${localDateTime(data.manager.at)}` : t('parts.notSigned')}
          </span>
        </div>
        {!locked && (
          <>
            <button type="button" onClick={() => void run(async () => (await saveCounts(), t('parts.countsSaved')))} data-testid="recon-save">
              {t('parts.saveCounts')}
            </button>
            <select aria-label={t('parts.signer')} value={signerId} onChange={(e) => setSignerId(e.target.value)} data-testid="recon-signer">
              <option value="">{t('parts.chooseSigner')}</option>
              {signers.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(`enums.role.${p.role}`)} {p.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              disabled={!signerId}
              data-testid="recon-sign"
              onClick={() =>
                void run(async () => {
                  await saveCounts()
                  const { locked: closed } = await desk.call('recon.sign', { month, signerId })
                  setSignerId('')
                  return closed ? t('parts.monthClosed', { month }) : t('parts.signed')
                })
              }
            >
              {t('parts.sign')}
            </button>
          </>
        )}
        <button
          type="button"
          data-testid="recon-export"
          onClick={() =>
            void run(async () => {
              const file = await desk.call('recon.exportXlsx', { month })
              download(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            })
          }
        >
          {t('parts.exportXlsx')}
        </button>
        <button type="button" onClick={() => openPrint('reconciliation', month)}>
          {t('parts.print')}
        </button>
      </div>
    </div>
  )
}
