// What the customer's forms (维修单, 取机凭证) share: the station's head with the number as a Code 128
// barcode and a QR code, the 补打 mark, the copies (两联) on A4 or A5, tick boxes, and the Chinese names
// of codes (printed forms are in Chinese whatever the screen's language: they are filed with the branch).
import { useLayoutEffect, useRef, useState } from 'react'
import type { SlipStation } from '../../../shared/api/closeoutSchemas'
import { DEFAULT_TIMEZONE } from '../../../shared/domain/time'
import { zhCN } from '../../../shared/i18n'
import { useApp } from '../store/app'
import { Barcode } from './Barcode'
import { QrCode } from './QrCode'

export type Paper = 'a4' | 'a5'
export interface SlipLayout {
  paper: Paper
  /** 两联: 第一联 客户留存, 第二联 服务站留存. */
  twoCopies: boolean
}

export const CUSTOMER_COPIES = ['第一联　客户留存', '第二联　服务站留存'] as const

/** The Chinese name of a code, from the catalog's enums. */
export const zh = zhCN.enums

/** Times on the forms are the station's wall clock. */
export function useStationTimezone(): string {
  return useApp((s) => s.desk?.station.timezone) ?? DEFAULT_TIMEZONE
}

/** A tick box before a label, ticked or not (drawn in CSS: the box glyphs are missing from many fonts). */
export function Tick({ on, children }: { on: boolean; children: React.ReactNode }): React.JSX.Element {
  return (
    <span className={on ? 'tick on' : 'tick'} data-ticked={on}>
      <span className="box" role="img" aria-label={on ? '☑' : '☐'} />
      {children}
    </span>
  )
}

/**
 * The form's head: the station (name, address, phone) on the left, the number as a barcode and a QR code
 * on the right, the title under them, with 补打 and the print's ordinal from the second print on.
 */
export function StationHeader({ station, title, code, codeLabel, printCount, copy, extra }: { station: SlipStation; title: string; code: string; codeLabel: string; printCount: number; copy: string | null; extra?: React.ReactNode }): React.JSX.Element {
  return (
    <header className="station-head">
      <div className="station-row">
        <div className="station">
          <b>{station.name}</b>
          {station.address && <span>地址：{station.address}</span>}
          {station.phone && <span>服务电话：{station.phone}</span>}
        </div>
        <div className="codes">
          <Barcode text={code} />
          <QrCode text={code} />
        </div>
      </div>
      <div className="title-row">
        <h1>{title}</h1>
        {printCount > 0 && (
          <span className="reprint" data-testid="reprint-mark">
            补打
          </span>
        )}
      </div>
      <div className="meta-row">
        <span>
          {codeLabel}：<b className="mono">{code}</b>
        </span>
        {extra}
        {printCount > 0 && <span className="reprint-count">第 {printCount + 1} 次打印</span>}
        {copy && <span className="copy-label">{copy}</span>}
      </div>
    </header>
  )
}

/**
 * One copy, or both (两联), each on its own page of the paper chosen; with `pack`, A4 and two copies put
 * both on one A4 page, one above the other with a cut line, if each fits in half the page (measured on
 * screen; the same millimetres print), else one copy a page.
 */
export function Copies({ layout, pack = false, className, testId, render }: { layout: SlipLayout; pack?: boolean; className: string; testId: string; render(copy: string | null, packed: boolean): React.ReactNode }): React.JSX.Element {
  const copies: (string | null)[] = layout.twoCopies ? [...CUSTOMER_COPIES] : [null]
  const [overflows, setOverflows] = useState(false)
  const duo = useRef<HTMLElement>(null)
  const packed = pack && layout.paper === 'a4' && layout.twoCopies && !overflows
  useLayoutEffect(() => {
    if (!packed || !duo.current) return
    const halves = [...duo.current.querySelectorAll<HTMLElement>(':scope > .half')]
    if (halves.some((h) => h.scrollHeight > h.clientHeight + 1)) setOverflows(true)
  })
  if (packed)
    return (
      <article ref={duo} className={`sheet a4 duo ${className}`} data-packed="true">
        {copies.map((copy) => (
          <section key={copy} className="half" data-testid={testId}>
            {render(copy, true)}
          </section>
        ))}
      </article>
    )
  return (
    <>
      {copies.map((copy) => (
        <article key={copy ?? 'one'} className={`sheet ${layout.paper} ${className}`} data-testid={testId}>
          {render(copy, false)}
        </article>
      ))}
    </>
  )
}

/** A signature line: the label, a line to sign on, and the date after it when asked for. */
export function SignLine({ label, name, date = true }: { label: string; name?: string; date?: boolean }): React.JSX.Element {
  return (
    <span className="sign-line">
      <span>{label}：</span>
      <span className="line">{name && <small>{name}</small>}</span>
      {date && (
        <>
          <span>日期：</span>
          <span className="line short" />
        </>
      )}
    </span>
  )
}

/** The forms' label–value grid: label, value, label, value. */
export function FormGrid({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <table className="form-grid">
      <colgroup>
        <col className="label" />
        <col />
        <col className="label" />
        <col />
      </colgroup>
      <tbody>{children}</tbody>
    </table>
  )
}

/** A row of the grid whose value spans the width (free text: fault, cause, fix…). */
export function WideRow({ label, text = false, children }: { label: string; text?: boolean; children: React.ReactNode }): React.JSX.Element {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={3} className={text ? 'text' : undefined}>
        {children}
      </td>
    </tr>
  )
}

/** 联系人 and 电话 of the customer, one row of the grid. */
export function ContactRow({ customer }: { customer: { contactName: string; phone: string } }): React.JSX.Element {
  return (
    <tr>
      <th>联系人</th>
      <td>{customer.contactName}</td>
      <th>电话</th>
      <td className="mono">{customer.phone}</td>
    </tr>
  )
}
