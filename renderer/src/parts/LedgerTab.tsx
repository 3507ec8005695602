// 台帐: every movement, newest first, filtered by part, engineer and dates; virtualized (a station books
// thousands a year).
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LedgerEntryView } from '../../../shared/api/partsSchemas'
import { localDateTime } from '../../../shared/domain/time'
import { useDeskQuery } from '../api/useDeskQuery'
import { ticketByNumber } from './lookup'
import { STOCK_TABLES } from './StockTabs'

const ROW = 44

function Legs({ entry }: { entry: LedgerEntryView }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <span className="legs">
      {entry.legs.map((l, i) => (
        <span key={i} className={l.delta < 0 ? 'out' : 'in'}>
          {t(`enums.stockPlace.${l.place}`)}
          {l.holder ? `（${l.holder}）` : ''} {l.delta > 0 ? `+${l.delta}` : l.delta}
          {l.partNumber !== entry.partNumber ? ` ${l.partNumber}` : ''}
        </span>
      ))}
    </span>
  )
}

export function LedgerTab({ parts, engineers }: { parts: readonly { id: string; number: string; name: string }[]; engineers: readonly { id: string; name: string }[] }): React.JSX.Element {
  const { t } = useTranslation()
  const [partId, setPartId] = useState('')
  const [engineerId, setEngineerId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [ticketText, setTicketText] = useState('')
  const [ticket, setTicket] = useState<{ id: string; number: string } | null>(null)
  const [ticketError, setTicketError] = useState<string | null>(null)
  const filter = { ...(partId && { partId }), ...(engineerId && { engineerId }), ...(ticket && { ticketId: ticket.id }), ...(from && { from }), ...(to && { to }), limit: 5000 }
  /** A ticket by its number (typed or scanned, then Enter); empty: all tickets. */
  const findTicket = async (e: React.FormEvent) => {
    e.preventDefault()
    setTicketError(null)
    if (ticketText.trim() === '') return setTicket(null)
    const found = await ticketByNumber(ticketText)
    if (found) setTicket(found)
    else setTicketError(t('parts.ticketNotFound', { number: ticketText.trim() }))
  }
  const { data, error } = useDeskQuery('parts.ledger', filter, STOCK_TABLES)
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useVirtualizer({ count: data?.length ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 })
  return (
    <div className="ledger">
      <div className="toolbar" role="search">
        <select aria-label={t('parts.part')} value={partId} onChange={(e) => setPartId(e.target.value)}>
          <option value="">{t('parts.allParts')}</option>
          {parts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.number} · {p.name}
            </option>
          ))}
        </select>
        <select aria-label={t('parts.engineer')} value={engineerId} onChange={(e) => setEngineerId(e.target.value)}>
          <option value="">{t('parts.allEngineers')}</option>
          {engineers.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <form onSubmit={(e) => void findTicket(e)}>
          <input value={ticketText} onChange={(e) => setTicketText(e.target.value)} placeholder={t('parts.ticketFilter')} aria-label={t('parts.ticketNumber')} data-testid="ledger-ticket" />
        </form>
        <label>
          {t('parts.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('parts.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <span className="sub">{data && t('parts.ledgerCount', { count: data.length })}</span>
      </div>
      {(error || ticketError) && <p className="form-error">{ticketError ?? error?.message}</p>}
      <div className="ledger-head">
        <span>{t('parts.when')}</span>
        <span>{t('parts.kind')}</span>
        <span>{t('parts.part')}</span>
        <span>{t('parts.movement')}</span>
        <span>{t('parts.who')}</span>
        <span>{t('parts.note')}</span>
      </div>
      <div ref={scrollRef} className="ledger-scroll" data-testid="ledger">
        {data?.length === 0 && <p className="empty">{t('parts.ledgerEmpty')}</p>}
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((v) => {
            const m = data![v.index]!
            const signed = [m.engineerName, m.clerkName && `${t('enums.role.clerk')} ${m.clerkName}`, m.managerName && `${t('enums.role.manager')} ${m.managerName}`].filter(Boolean).join(' · ')
            return (
              <div key={m.id} className="ledger-row" style={{ transform: `translateY(${v.start}px)`, height: ROW }} data-kind={m.kind}>
                <span className="mono">{localDateTime(m.at)}</span>
                <span>{t(`enums.movementKind.${m.kind}`)}</span>
                <span>
                  <span className="mono">{m.partNumber}</span> {m.partName} × {Math.abs(m.qty)}
                </span>
                <Legs entry={m} />
                <span title={signed}>{signed || m.actorName}</span>
                <span className="sub">{[m.ticketNumber, m.slipNumber, m.reference, m.reason, m.approvalNote].filter(Boolean).join(' · ')}</span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
