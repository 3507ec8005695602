// Print preview over the app, and the printed page itself: one template per form, the same on screen,
// on paper and in a PDF. 返修单 on A5 (two copies: the station keeps the first), 装箱单 with its 退库表
// and 月度对帐 on A4.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { localDateTime } from '../../../shared/domain/time'
import { useDeskQuery } from '../api/useDeskQuery'
import { yuan } from '../parts/format'
import { Barcode } from './Barcode'
import { usePrint, type PrintKind } from './print'
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

const TEMPLATE: Record<PrintKind, (id: string) => React.JSX.Element> = {
  'return-slip': (id) => <ReturnSlip id={id} />,
  'packing-list': (id) => <PackingList id={id} />,
  reconciliation: (month) => <ReconciliationSheet month={month} />,
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
    <div className="print-preview" role="dialog" aria-modal="true" aria-label={t('parts.printPreview')}>
      <div className="print-tools">
        <b>{t('parts.printPreview')}</b>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="print-now">
          {t('parts.printNow')}
        </button>
        <button type="button" onClick={close}>
          {t('common.close')} <kbd>Esc</kbd>
        </button>
        <span className="sub">{t('parts.printHint')}</span>
      </div>
      <div className="print-root">{TEMPLATE[job.kind](job.id)}</div>
    </div>
  )
}
