// 取机凭证: a carry-in device as the counter took it in. The customer keeps the first copy and shows it at
// pick-up; the station keeps the second with the machine. What came with it is listed against the
// standard kit, with what is missing and what is extra spelled out (seed 002 §十一 送修服务).
import { memo } from 'react'
import type { TakeInReceiptDoc } from '../../../shared/api/closeoutSchemas'
import { accessoryDiff } from '../../../shared/domain/carryIn'
import { localDateTime } from '../../../shared/domain/time'
import { ContactRow, Copies, FormGrid, SignLine, StationHeader, WideRow, useStationTimezone, zh, type SlipLayout } from './layout'

/** Accessories side by side in two runs once there are more than this many. */
const ONE_RUN = 4

const yesNo = (b: boolean) => (b ? '是' : '否')

function Accessories({ items, narrow }: { items: TakeInReceiptDoc['accessories']; narrow: boolean }): React.JSX.Element {
  const runs = !narrow && items.length > ONE_RUN ? 2 : 1
  const perRun = Math.ceil(items.length / runs)
  const rows = Array.from({ length: perRun }, (_, i) => Array.from({ length: runs }, (_, r) => items[r * perRun + i]))
  return (
    <table className="lines accessories" data-testid="receipt-accessories">
      <caption>随机配件</caption>
      <thead>
        <tr>
          {Array.from({ length: runs }, (_, r) => (
            <Head key={r} />
          ))}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <tr>
            <td colSpan={3} className="none">
              无随机配件
            </td>
          </tr>
        ) : (
          rows.map((row, i) => (
            <tr key={i}>
              {row.map((a, r) =>
                a ? (
                  <Cells key={r} item={a.item} standard={a.standard} present={a.present} />
                ) : (
                  <td key={r} colSpan={3} />
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

function Head(): React.JSX.Element {
  return (
    <>
      <th>配件</th>
      <th className="yn">标配</th>
      <th className="yn">随机</th>
    </>
  )
}

function Cells({ item, standard, present }: { item: string; standard: boolean; present: boolean }): React.JSX.Element {
  return (
    <>
      <td>{item}</td>
      <td className="yn">{yesNo(standard)}</td>
      <td className={standard && !present ? 'yn missing' : 'yn'}>{yesNo(present)}</td>
    </>
  )
}

const ReceiptCopy = memo(function ReceiptCopy({ doc, copy, tz, packed }: { doc: TakeInReceiptDoc; copy: string | null; tz: string; packed: boolean }): React.JSX.Element {
  const { missing, extra } = accessoryDiff(doc.accessories)
  const d = doc.device
  return (
    <>
      <StationHeader
        station={doc.station}
        title="取机凭证"
        code={doc.number}
        codeLabel="凭证号"
        printCount={doc.printCount}
        copy={copy}
        extra={
          <span>
            工单号：<b className="mono">{doc.ticketNumber}</b>
          </span>
        }
      />
      <div className={packed ? 'receipt-body two-col' : 'receipt-body'}>
        <div className="receipt-main">
          <div className="tag-row">
            <div className="tag" data-testid="receipt-tag">
              <span>机器标记</span>
              <b>{doc.tagNumber}</b>
            </div>
            <div className="promise">
              <span>约定取机日期</span>
              <b>{doc.promisedOn}</b>
            </div>
          </div>
          <FormGrid>
            <tr>
              <th>收机时间</th>
              <td>{localDateTime(doc.receivedAt, tz)}</td>
              <th>收机人</th>
              <td>{doc.receivedByName}</td>
            </tr>
            <WideRow label="客户单位">{doc.customer.unitName}</WideRow>
            <ContactRow customer={doc.customer} />
            <tr>
              <th>设备</th>
              <td>
                {zh.category[d.category]}　{d.brand} {d.model}
              </td>
              <th>序列号</th>
              <td className="mono">{d.serial}</td>
            </tr>
            <WideRow label="故障现象" text>
              {doc.faultDescription}
            </WideRow>
            <WideRow label="外观及状况" text>
              {doc.conditionNote || '无'}
            </WideRow>
          </FormGrid>
        </div>
        <div className="receipt-side">
          <Accessories items={doc.accessories} narrow={packed} />
          {(missing.length > 0 || extra.length > 0) && (
            <p className="diff" data-testid="receipt-diff">
              {missing.length > 0 && <span>缺：{missing.join('、')}</span>}
              {extra.length > 0 && <span>多：{extra.join('、')}</span>}
            </p>
          )}
          <ol className="rules">
            <li>取机时请出示本凭证。</li>
            <li>逾期未修复将提前通知并每两天告知进度。</li>
            <li>机器上的数据请在送修前自行备份。</li>
          </ol>
        </div>
      </div>
      <div className="signatures">
        <SignLine label="客户签字" />
        <SignLine label="收机人签字" />
      </div>
    </>
  )
})

export function TakeInReceipt({ doc, layout }: { doc: TakeInReceiptDoc; layout: SlipLayout }): React.JSX.Element {
  const tz = useStationTimezone()
  return <Copies layout={layout} pack className="take-in" testId="printed-take-in" render={(copy, packed) => <ReceiptCopy doc={doc} copy={copy} tz={tz} packed={packed} />} />
}
