// 上门服务记录单 (on site) / 维修单 (carry-in and the rest): one close-out as the customer signs and keeps
// it. The same template on screen, on paper and in a PDF; a day's batch prints one after another.
import { memo } from 'react'
import type { RepairSlipDoc } from '../../../shared/api/closeoutSchemas'
import { amountInCapitals, yuanFigures } from '../../../shared/domain/money'
import { localDateTime } from '../../../shared/domain/time'
import { ContactRow, Copies, FormGrid, SignLine, StationHeader, WideRow, Tick, useStationTimezone, zh, type SlipLayout } from './layout'

export const repairSlipTitle = (doc: Pick<RepairSlipDoc, 'serviceMode'>): string => (doc.serviceMode === 'onsite' ? '上门服务记录单' : '维修单')

/** ¥ 1,234.50 */
export const money = (fen: number): string => `¥ ${yuanFigures(fen)}`

const when = (at: string | null, tz: string) => (at ? localDateTime(at, tz) : '')

const RepairSlipCopy = memo(function RepairSlipCopy({ doc, copy, tz }: { doc: RepairSlipDoc; copy: string | null; tz: string }): React.JSX.Element {
  const onsite = doc.serviceMode === 'onsite'
  const c = doc.charges
  const adjusted = c.adjustReason !== '' || c.computed !== c.total
  const device = doc.asset ? `${zh.category[doc.category]}　${doc.asset.brand} ${doc.asset.model}` : zh.category[doc.category]
  const drawn = doc.signature.kind === 'drawn' && doc.signature.image !== ''
  return (
    <>
      <StationHeader station={doc.station} title={repairSlipTitle(doc)} code={doc.ticketNumber} codeLabel="工单号" printCount={doc.printCount} copy={copy} />
      <FormGrid>
        <WideRow label="客户单位">{doc.customer.unitName}</WideRow>
        <WideRow label="地址">{doc.customer.address}</WideRow>
        <ContactRow customer={doc.customer} />
        <tr>
          <th>设备</th>
          <td>{device}</td>
          <th>序列号</th>
          <td className="mono">{doc.asset?.serial ?? ''}</td>
        </tr>
        <tr>
          <th>保修</th>
          <td>
            <Tick on={doc.deviceCovered}>在保修期内</Tick>
            <Tick on={!doc.deviceCovered}>已过保修期或未登记</Tick>
          </td>
          <th>服务方式</th>
          <td>{zh.serviceMode[doc.serviceMode]}</td>
        </tr>
        <tr>
          <th>报修时间</th>
          <td>{when(doc.reportedAt, tz)}</td>
          <th>完工时间</th>
          <td>{when(doc.closedAt, tz)}</td>
        </tr>
        <tr>
          <th>维修工程师</th>
          <td>{doc.engineerName}</td>
          <th>协助工程师</th>
          <td>{doc.helperNames.join('、') || '无'}</td>
        </tr>
        {onsite && (
          <tr>
            <th>到达时间</th>
            <td>{when(doc.arrivedAt, tz)}</td>
            <th>离开时间</th>
            <td>{when(doc.departedAt, tz)}</td>
          </tr>
        )}
        <WideRow label="故障现象" text>
          {doc.faultDescription}
        </WideRow>
        <WideRow label="故障原因" text>
          {doc.cause}
          {doc.damage !== 'normal' && <b>（{zh.cause[doc.damage]}）</b>}
        </WideRow>
        <WideRow label="处理方法" text>
          {doc.fix}
        </WideRow>
        <WideRow label="使用建议" text>
          {doc.advice}
        </WideRow>
        <WideRow label="数据备份">
          <Tick on={doc.dataBackedUp}>是</Tick>
          <Tick on={!doc.dataBackedUp}>否</Tick>
          <span className="sub">（维修前客户已自行备份数据并签字确认）</span>
        </WideRow>
      </FormGrid>

      <table className="lines parts" data-testid="slip-parts">
        <caption>更换备件</caption>
        <thead>
          <tr>
            <th>备件编号</th>
            <th>名称</th>
            <th>返修单号</th>
            <th>保内/保外</th>
            <th className="num">单价</th>
            <th className="num">收费</th>
          </tr>
        </thead>
        <tbody>
          {doc.lines.length === 0 ? (
            <tr>
              <td colSpan={6} className="none">
                本次未更换备件
              </td>
            </tr>
          ) : (
            doc.lines.map((l) => (
              <tr key={l.slipNumber}>
                <td className="mono">{l.partNumber}</td>
                <td>{l.partName}</td>
                <td className="mono">{l.slipNumber}</td>
                <td>
                  {l.covered ? '保内' : '保外'}
                  <small>（{zh.warrantyReason[l.reason as keyof typeof zh.warrantyReason] ?? l.reason}）</small>
                </td>
                <td className="num">{money(l.price)}</td>
                <td className="num">{money(l.charged)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table className="lines charges" data-testid="slip-charges">
        <caption>费用</caption>
        <thead>
          <tr>
            <th className="num">材料费</th>
            <th className="num">工时费</th>
            <th className="num">上门费</th>
            <th className="num">{adjusted ? '实收合计' : '合计'}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{money(c.materials)}</td>
            <td className="num">{money(c.labour)}</td>
            <td className="num">{money(c.onsiteFee)}</td>
            <td className="num total">{money(c.total)}</td>
          </tr>
          {adjusted && (
            <tr>
              <td colSpan={4} className="adjusted" data-testid="slip-adjusted">
                按收费规定应收 {money(c.computed)}，经同意调整为 {money(c.total)}。调整原因：{c.adjustReason}
                {c.adjustedByName && <>；同意人：{c.adjustedByName}（客服主任）</>}
              </td>
            </tr>
          )}
          <tr>
            <td colSpan={4} className="capitals">
              <div>
                <span>
                  合计（大写）：<b data-testid="slip-capitals">{amountInCapitals(c.total)}</b>
                </span>
                <b className="figures">{money(c.total)}</b>
              </div>
            </td>
          </tr>
        </tbody>
      </table>

      <section className="confirm">
        <p className="ticks">
          <Tick on={drawn}>以上维修已当面复验，故障已排除</Tick>
          <Tick on={drawn}>已向我方说明故障原因、处理方法和使用建议</Tick>
        </p>
        <div className="signatures">
          <div className="sign-block">
            {drawn ? (
              <span className="sign-line" data-testid="slip-signature">
                <span>客户签字：</span>
                <span className="line drawn">
                  <img src={doc.signature.image} alt={`客户签字 ${doc.signature.signer}`} />
                </span>
              </span>
            ) : (
              <SignLine label="客户签字" />
            )}
            <small>{drawn ? `签字人：${doc.signature.signer}　${localDateTime(doc.closedAt, tz).slice(0, 10)}（屏幕签字）` : '\u00a0'}</small>
          </div>
          <div className="sign-block">
            <SignLine label="工程师签字" />
            <small>
              维修工程师：{doc.engineerName}　录入：{doc.closedByName}
            </small>
          </div>
        </div>
      </section>
    </>
  )
})

export function RepairSlip({ doc, layout }: { doc: RepairSlipDoc; layout: SlipLayout }): React.JSX.Element {
  const tz = useStationTimezone()
  return <Copies layout={layout} className="repair-slip" testId="printed-repair-slip" render={(copy) => <RepairSlipCopy doc={doc} copy={copy} tz={tz} />} />
}
