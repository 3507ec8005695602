// Print preview over the app, and the printed page itself: one template per form, the same on screen,
// on paper and in a PDF. 返修单 on A5 (two copies: the station keeps the first), 装箱单 with its 退库表
// and 月度对帐 on A4; the customer's 维修单 (one, or a day's batch) and 取机凭证 on A4 or A5, one copy or
// two (RepairSlip.tsx, TakeInReceipt.tsx). A print of a customer's form is counted: the next says 补打.
import { Fragment, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localDateTime } from '../../../shared/domain/time'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useDeskQuery } from '../api/useDeskQuery'
import { yuan } from '../parts/format'
import { Barcode } from './Barcode'
import type { Paper, SlipLayout } from './layout'
import { usePrint, type PrintKind } from './print'
import { canSavePdf, printDocument, savePdf } from './printTarget'
import { RepairSlip } from './RepairSlip'
import { TakeInReceipt } from './TakeInReceipt'
import './slips.css'

const COPIES = ['第一联　服务站留存', '第二联　随坏件返回'] as const

/** A form's head: its title, the station's line under it, and the form's number as a barcode. */
function SheetHeader({ title, line, barcode }: { title: string; line: React.ReactNode; barcode?: string }): React.JSX.Element {
  return (
    <header>
      <div>
        <h1>{title}</h1>
        <p>{line}</p>
      </div>
      {barcode && <Barcode text={barcode} />}
    </header>
  )
}

function ReturnSlip({ id }: { id: string }): React.JSX.Element | null {
  const { data } = useDeskQuery('parts.slip', { id })
  if (!data) return null
  return (
    <>
      {COPIES.map((copy) => (
        <article key={copy} className="sheet a5 return-slip" data-testid="printed-slip">
          <SheetHeader title="备品备件返修单" line={data.station.name} barcode={data.number} />
          <table className="form-grid">
            <tbody>
              <tr>
                <th>返修单号</th>
                <td className="mono">{data.number}</td>
                <th>日期</th>
                <td>{localDateTime(data.createdAt)}</td>
              </tr>
              <tr>
                <th>坏件编号</th>
                <td className="mono">{data.partNumber}</td>
                <th>名称</th>
                <td>{data.partName}</td>
              </tr>
              <tr>
                <th>工单号</th>
                <td className="mono">{data.ticketNumber}</td>
                <th>客户</th>
                <td>{data.customerName}</td>
              </tr>
              <tr>
                <th>更换工程师</th>
                <td>{data.engineerName}</td>
                <th>换上备件</th>
                <td className="mono">{data.goodPartNumber}</td>
              </tr>
              <tr>
                <th>故障现象</th>
                <td colSpan={3} className="tall">
                  {data.faultDescription}
                </td>
              </tr>
              <tr>
                <th>备注</th>
                <td colSpan={3}>{data.note}</td>
              </tr>
            </tbody>
          </table>
          <footer>
            <span>工程师签字：</span>
            <span>商务专员签字：</span>
            <span>客服主任签字：</span>
          </footer>
          <p className="copy">{copy}　一件一单，故障现象填写准确</p>
        </article>
      ))}
    </>
  )
}

/** 备品备件退库表: the box's parts by number with their cost, for the branch's accounts (both sign). */
function ReturnForm({ batch }: { batch: NonNullable<ReturnType<typeof useDeskQuery<'parts.batch'>>['data']> }): React.JSX.Element | null {
  const { data: catalogue } = useDeskQuery('parts.catalogue', {})
  if (!catalogue) return null
  const cost = new Map(catalogue.map((p) => [p.number, p.unitCost]))
  const byPart = new Map<string, { name: string; qty: number }>()
  for (const s of batch.slips) byPart.set(s.partNumber, { name: s.partName, qty: (byPart.get(s.partNumber)?.qty ?? 0) + 1 })
  const rows = [...byPart].sort(([a], [b]) => (a < b ? -1 : 1))
  const total = rows.reduce((sum, [number, r]) => sum + (cost.get(number) ?? 0) * r.qty, 0)
  return (
    <article className="sheet a4 return-form" data-testid="printed-return-form">
      <SheetHeader title="备品备件退库表" line={<>{batch.station.name}　装箱单 {batch.number}　{localDateTime(batch.shippedAt)}</>} />
      <table className="lines">
        <thead>
          <tr>
            <th>备件编号</th>
            <th>名称</th>
            <th>数量</th>
            <th>成本单价</th>
            <th>金额</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([number, r]) => (
            <tr key={number}>
              <td className="mono">{number}</td>
              <td>{r.name}</td>
              <td>{r.qty}</td>
              <td>{yuan(cost.get(number) ?? 0)}</td>
              <td>{yuan((cost.get(number) ?? 0) * r.qty)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>合计</td>
            <td>{batch.slips.length}</td>
            <td />
            <td>{yuan(total)}</td>
          </tr>
        </tfoot>
      </table>
      <footer>
        <span>商务专员签字：</span>
        <span>客服主任签字：</span>
      </footer>
    </article>
  )
}

function PackingList({ id }: { id: string }): React.JSX.Element | null {
  const { data } = useDeskQuery('parts.batch', { id })
  if (!data) return null
  return (
    <>
    <article className="sheet a4 packing-list" data-testid="printed-packing">
      <SheetHeader title="坏件返库装箱单" line={<>{data.station.name}　装箱：{data.shippedBy}　{localDateTime(data.shippedAt)}</>} barcode={data.number} />
      <table className="lines">
        <thead>
          <tr>
            <th>序号</th>
            <th>返修单号</th>
            <th>备件编号</th>
            <th>名称</th>
            <th>工单号</th>
            <th>故障现象</th>
          </tr>
        </thead>
        <tbody>
          {data.slips.map((s, i) => (
            <tr key={s.id}>
              <td>{i + 1}</td>
              <td className="mono">{s.number}</td>
              <td className="mono">{s.partNumber}</td>
              <td>{s.partName}</td>
              <td className="mono">{s.ticketNumber}</td>
              <td>{s.faultDescription}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>共 {data.slips.length} 件　装箱单号 {data.number}</td>
          </tr>
        </tfoot>
      </table>
      <footer>
        <span>装箱人签字：</span>
        <span>商务专员签字：</span>
        <span>仓库签收：</span>
      </footer>
    </article>
    <ReturnForm batch={data} />
    </>
  )
}

function ReconciliationSheet({ month }: { month: string }): React.JSX.Element | null {
  const { t } = useTranslation()
  const { data } = useDeskQuery('parts.reconciliation', { month })
  if (!data) return null
  return (
    <article className="sheet a4 recon-sheet" data-testid="printed-recon">
      <SheetHeader title="备品备件月度对帐表" line={<>{data.station.name}　{data.month}　{data.lockedAt ? `已封账 ${localDateTime(data.lockedAt)}` : '未封账'}</>} />
      <table className="lines">
        <thead>
          <tr>
            <th>备件编号</th>
            <th>名称</th>
            <th>位置</th>
            <th>期初</th>
            <th>收入</th>
            <th>发出</th>
            <th>结存</th>
            <th>实盘</th>
            <th>差异</th>
            <th>原因</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((l) => (
            <tr key={`${l.partId}|${l.place}|${l.holderId ?? ''}`}>
              <td className="mono">{l.partNumber}</td>
              <td>{l.partName}</td>
              <td>
                {t(`enums.stockPlace.${l.place}`)}
                {l.holderName ? ` ${l.holderName}` : ''}
              </td>
              <td>{l.opening}</td>
              <td>{l.received}</td>
              <td>{l.sent}</td>
              <td>{l.expected}</td>
              <td>{l.counted ?? ''}</td>
              <td>{l.counted === null ? '' : l.difference}</td>
              <td>{l.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        <span>商务专员：{data.clerk ? `${data.clerk.name} ${localDateTime(data.clerk.at)}` : ''}</span>
        <span>客服主任：{data.manager ? `${data.manager.name} ${localDateTime(data.manager.at)}` : ''}</span>
      </footer>
    </article>
  )
}

/** A kind's preview: how it is named, what its print records, its paper (null: the form's own, fixed). */
interface JobView {
  /** The file name a PDF gets (null while the form loads). */
  fileName: string | null
  /** What 'slips.printed' records after a print (none for the parts forms). */
  printed: { kind: 'repair_slip' | 'take_in'; ids: string[] } | null
  defaults: SlipLayout | null
  /** A line for the toolbar (a batch's count). */
  info?: string
  error: unknown
  empty?: boolean
  /** What two copies come out as, for the toolbar. */
  copiesHint?: 'slips.hintSlipCopies' | 'slips.hintReceiptCopies'
  body(layout: SlipLayout | null): React.ReactNode
}

const FIXED = (fileName: string, body: React.ReactNode): JobView => ({ fileName, printed: null, defaults: null, error: null, body: () => body })

function RepairSlipJob({ ticketId }: { ticketId: string }): React.JSX.Element {
  const { data, error } = useDeskQuery('closeout.slip', { ticketId }, ['job_reports'])
  return (
    <PreviewFrame
      view={{
        fileName: data && `维修单-${data.ticketNumber}`,
        printed: data && { kind: 'repair_slip', ids: [data.reportId] },
        defaults: { paper: 'a4', twoCopies: true },
        copiesHint: 'slips.hintSlipCopies',
        error,
        body: (layout) => data && layout && <RepairSlip doc={data} layout={layout} />,
      }}
    />
  )
}

function RepairSlipsOfDayJob({ day }: { day: string }): React.JSX.Element {
  const { t } = useTranslation()
  const { data, error } = useDeskQuery('closeout.slipsOfDay', { day }, ['job_reports'])
  return (
    <PreviewFrame
      view={{
        fileName: data && data.length > 0 ? `维修单-${day}` : null,
        printed: data && data.length > 0 ? { kind: 'repair_slip', ids: data.map((d) => d.reportId) } : null,
        defaults: { paper: 'a4', twoCopies: true },
        copiesHint: 'slips.hintSlipCopies',
        info: data ? (data.length > 0 ? t('slips.dayCount', { day, count: data.length }) : t('slips.dayEmpty', { day })) : undefined,
        empty: data?.length === 0,
        error,
        body: (layout) => layout && data?.map((doc) => <RepairSlip key={doc.reportId} doc={doc} layout={layout} />),
      }}
    />
  )
}

function TakeInJob({ id }: { id: string }): React.JSX.Element {
  const { data, error } = useDeskQuery('carryIn.receipt', { id }, ['carry_ins'])
  return (
    <PreviewFrame
      view={{
        fileName: data && `取机凭证-${data.number}`,
        printed: data && { kind: 'take_in', ids: [data.id] },
        defaults: { paper: 'a5', twoCopies: true },
        copiesHint: 'slips.hintReceiptCopies',
        error,
        body: (layout) => data && layout && <TakeInReceipt doc={data} layout={layout} />,
      }}
    />
  )
}

const JOBS: Record<PrintKind, (id: string) => React.JSX.Element> = {
  'return-slip': (id) => <PreviewFrame view={FIXED('返修单', <ReturnSlip id={id} />)} />,
  'packing-list': (id) => <PreviewFrame view={FIXED('装箱单', <PackingList id={id} />)} />,
  reconciliation: (month) => <PreviewFrame view={FIXED(`备件对帐表-${month}`, <ReconciliationSheet month={month} />)} />,
  'repair-slip': (ticketId) => <RepairSlipJob ticketId={ticketId} />,
  'repair-slips-day': (day) => <RepairSlipsOfDayJob day={day} />,
  'take-in': (id) => <TakeInJob id={id} />,
}

/** The toolbar over the form: paper and copies where the form offers them, print, PDF, what went wrong. */
function PreviewFrame({ view }: { view: JobView }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const close = usePrint((s) => s.close)
  const [layout, setLayout] = useState(view.defaults)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const ready = view.fileName !== null && !busy

  const send = async (to: 'print' | 'pdf') => {
    if (view.fileName === null) return
    setBusy(true)
    setProblem(null)
    setNote(null)
    try {
      let done: boolean
      if (to === 'pdf') {
        const { saved } = await savePdf(view.fileName)
        done = saved !== null
        if (saved) setNote(t('print.pdfSaved', { path: saved }))
      } else {
        // false: the dialog was cancelled; null (browser mode): the browser does not say, so it counts
        const { printed, printer } = await printDocument({ fileName: view.fileName })
        done = printed !== false
        if (printed && printer) setNote(t('print.sentTo', { name: printer }))
      }
      if (done && view.printed) await desk.call('slips.printed', view.printed)
    } catch (e) {
      setProblem(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const loadError = view.error ? errorText(view.error) : null
  return (
    <>
      <div className="print-tools" role="toolbar" aria-label={t('parts.printPreview')}>
        <b>{t('parts.printPreview')}</b>
        {layout && (
          <>
            <label className="field inline">
              {t('slips.paper')}
              <select value={layout.paper} onChange={(e) => setLayout({ ...layout, paper: e.target.value as Paper })} data-testid="print-paper">
                <option value="a4">A4</option>
                <option value="a5">A5</option>
              </select>
            </label>
            <label className="field inline" title={t('slips.twoCopiesHint')}>
              <input type="checkbox" checked={layout.twoCopies} onChange={(e) => setLayout({ ...layout, twoCopies: e.target.checked })} data-testid="print-two-copies" />
              {t('slips.twoCopies')}
            </label>
          </>
        )}
        {view.info && (
          <span className="print-info" data-testid="print-info">
            {view.info}
          </span>
        )}
        <button type="button" className="primary" disabled={!ready} onClick={() => void send('print')} data-testid="print-now">
          {layout ? t('slips.print') : t('parts.printNow')}
        </button>
        {canSavePdf() && (
          <button type="button" disabled={!ready} onClick={() => void send('pdf')} data-testid="print-pdf">
            {t('print.savePdf')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('common.close')} <kbd>Esc</kbd>
        </button>
        {problem || loadError ? (
          <span className="print-error" role="alert">
            {problem ?? loadError}
          </span>
        ) : note ? (
          <span className="sub" role="status">
            {note}
          </span>
        ) : (
          <span className="sub">{layout ? t(layout.twoCopies ? (view.copiesHint ?? 'slips.hintSlipCopies') : 'slips.hintOneCopy') : t('parts.printHint')}</span>
        )}
      </div>
      <div className="print-root">
        {view.empty ? <p className="print-empty">{view.info}</p> : view.body(layout)}
      </div>
    </>
  )
}

export function PrintPreview(): React.JSX.Element | null {
  const { t } = useTranslation()
  const { job, close } = usePrint()
  useEffect(() => {
    if (!job) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close()
    window.addEventListener('keydown', onKey)
    document.body.classList.add('printing')
    return () => {
      window.removeEventListener('keydown', onKey)
      document.body.classList.remove('printing')
    }
  }, [job, close])
  if (!job) return null
  return (
    <div className="print-preview" role="dialog" aria-modal="true" aria-label={t('parts.printPreview')} data-print-kind={job.kind}>
      <Fragment key={`${job.kind}|${job.id}`}>{JOBS[job.kind](job.id)}</Fragment>
    </div>
  )
}
