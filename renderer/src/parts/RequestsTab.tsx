// 申请与鉴定: the station's requests to the branch (申请表) and its damage assessments (物理损坏鉴定表).
// The branch's service center approves them; at a station desk they show where they stand.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../shared/api/partsSchemas'
import { localDateTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { ticketByNumber } from './lookup'

export const REQUEST_TABLES = ['part_requests', 'damage_assessments'] as const

/** Approve / refuse, at a desk of the branch's service center. */
function Decide({ onDecide }: { onDecide(approve: boolean, note: string): Promise<void> }): React.JSX.Element {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  return (
    <span className="row-actions">
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('parts.decisionNote')} aria-label={t('parts.decisionNote')} />
      <button type="button" className="primary" onClick={() => void onDecide(true, note)}>
        {t('parts.approve')}
      </button>
      <button type="button" onClick={() => void onDecide(false, note)}>
        {t('parts.reject')}
      </button>
    </span>
  )
}

export function RequestsTab({ parts, onDone }: { parts: readonly Part[]; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { formError: error, submit } = useFormSubmit()
  const user = useApp((s) => s.desk?.user)
  const branch = user?.role === 'hq' || user?.role === 'admin'
  const { data } = useDeskQuery('parts.requests', {}, REQUEST_TABLES)
  const [lines, setLines] = useState<{ partId: string; qty: string }[]>([{ partId: '', qty: '1' }])
  const [reason, setReason] = useState('')
  const [ticketNumber, setTicketNumber] = useState('')
  const [damagedPart, setDamagedPart] = useState('')
  const [finding, setFinding] = useState('')

  const run = (work: () => Promise<string>) => submit(async () => onDone(await work()))
  const partOptions = (
    <>
      <option value="">{t('parts.choosePart')}</option>
      {parts.map((p) => (
        <option key={p.id} value={p.id}>
          {p.number} · {p.name}
        </option>
      ))}
    </>
  )

  return (
    <div className="requests">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <section className="panel">
        <h3>{t('parts.newRequest')}</h3>
        {lines.map((l, i) => (
          <div key={i} className="request-line">
            <select aria-label={t('parts.part')} value={l.partId} onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, partId: e.target.value } : x)))}>
              {partOptions}
            </select>
            <input aria-label={t('parts.qty')} inputMode="numeric" value={l.qty} onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, qty: e.target.value } : x)))} />
          </div>
        ))}
        <div className="row-actions">
          <button type="button" onClick={() => setLines([...lines, { partId: '', qty: '1' }])}>
            {t('parts.addLine')}
          </button>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('parts.requestReason')} aria-label={t('parts.requestReason')} />
          <button
            type="button"
            className="primary"
            onClick={() =>
              void run(async () => {
                const { number } = await desk.call('parts.request', { lines: lines.filter((l) => l.partId).map((l) => ({ partId: l.partId, qty: Number(l.qty) })), reason })
                setLines([{ partId: '', qty: '1' }])
                setReason('')
                return t('parts.requested', { number })
              })
            }
          >
            {t('parts.sendRequest')}
          </button>
        </div>
      </section>
      <table className="data-table" data-testid="requests">
        <thead>
          <tr>
            <th>{t('parts.requestNumber')}</th>
            <th>{t('parts.requestLines')}</th>
            <th>{t('parts.requestReason')}</th>
            <th>{t('parts.slipStatus')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.requests ?? []).map((r) => (
            <tr key={r.id}>
              <td className="mono">
                {r.number}
                <div className="sub">
                  {r.requestedBy} {localDateTime(r.requestedAt)}
                </div>
              </td>
              <td>{r.lines.map((l) => `${l.partNumber} × ${l.qty}`).join('，')}</td>
              <td>{r.reason}</td>
              <td>
                {t(`parts.requestState.${r.status}`)}
                {r.decidedBy && <div className="sub">{[r.decidedBy, r.decisionNote].filter(Boolean).join('：')}</div>}
              </td>
              <td>
                {branch && r.status === 'requested' && (
                  <Decide onDecide={(approve, note) => run(async () => (await desk.call('parts.decideRequest', { requestId: r.id, approve, approverId: user!.id, note }), t('parts.decided')))} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel">
        <h3>{t('parts.newAssessment')}</h3>
        <div className="row-actions">
          <input value={ticketNumber} onChange={(e) => setTicketNumber(e.target.value)} placeholder={t('parts.ticketNumber')} aria-label={t('parts.ticketNumber')} />
          <select aria-label={t('parts.damagedPart')} value={damagedPart} onChange={(e) => setDamagedPart(e.target.value)}>
            {partOptions}
          </select>
          <input className="wide" value={finding} onChange={(e) => setFinding(e.target.value)} placeholder={t('parts.findingHint')} aria-label={t('parts.finding')} />
          <button
            type="button"
            className="primary"
            onClick={() =>
              void run(async () => {
                const found = await ticketByNumber(ticketNumber)
                if (!found) throw new Error(t('parts.ticketNotFound', { number: ticketNumber }))
                const { number } = await desk.call('parts.assessDamage', { ticketId: found.id, partId: damagedPart, finding })
                setFinding('')
                return t('parts.assessed', { number })
              })
            }
          >
            {t('parts.sendAssessment')}
          </button>
        </div>
      </section>
      <table className="data-table" data-testid="assessments">
        <thead>
          <tr>
            <th>{t('parts.assessmentNumber')}</th>
            <th>{t('parts.ticketNumber')}</th>
            <th>{t('parts.damagedPart')}</th>
            <th>{t('parts.finding')}</th>
            <th>{t('parts.slipStatus')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.assessments ?? []).map((a) => (
            <tr key={a.id}>
              <td className="mono">{a.number}</td>
              <td className="mono">{a.ticketNumber}</td>
              <td>
                <span className="mono">{a.partNumber}</span> {a.partName}
              </td>
              <td>{a.finding}</td>
              <td>
                {t(`parts.assessmentState.${a.status}`)}
                {a.used && ` · ${t('parts.assessmentUsed')}`}
                {a.decidedBy && <div className="sub">{[a.decidedBy, a.decisionNote].filter(Boolean).join('：')}</div>}
              </td>
              <td>
                {branch && a.status === 'pending' && (
                  <Decide onDecide={(approve, note) => run(async () => (await desk.call('parts.decideAssessment', { assessmentId: a.id, approve, approverId: user!.id, note }), t('parts.decided')))} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
