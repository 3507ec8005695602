import type { Asset, Contract, CustomerCard, CustomerMatch, TicketSummary } from '../../../shared/api/schemas'
import { notFound } from '../../../shared/api/errors'
import { normalizePhone } from '../../../shared/domain/phone'
import type { Contact } from '../../../shared/mutators'
import type { Db } from '../db/open'
import { regionName } from '../regions'
import { globPrefix, likeAnywhere, statementCache } from './statements'
import { TICKET_SUMMARY_SELECT, type SummaryRow } from './ticketSummary'

const MAX_MATCHES = 20

const ASSET_COLUMNS = `id, serial, brand, model, category, invoice_date AS invoiceDate, factory_month AS factoryMonth`
const CONTRACT_COLUMNS = `id, number, service_level AS serviceLevel, starts_on AS startsOn, ends_on AS endsOn`

export function customerQueries(db: Db, summarize: (rows: SummaryRow[]) => TicketSummary[]) {
  const stmt = statementCache(db)

  function toMatch(r: { id: string; unitName: string; contacts: string; address: string; stationName: string; keyAccount: number }): CustomerMatch {
    const contacts = JSON.parse(r.contacts) as Contact[]
    return {
      id: r.id,
      unitName: r.unitName,
      contactName: contacts[0]?.name ?? '',
      phones: contacts.map((c) => c.phone),
      address: r.address,
      stationName: r.stationName,
      keyAccount: r.keyAccount === 1,
    }
  }

  const MATCH_COLUMNS = `c.id, c.unit_name AS unitName, c.contacts, c.address, s.name AS stationName, c.key_account AS keyAccount`

  return {
    /** The customers a caller may be: by phone prefix when the text is a number, else by name. */
    lookup(text: string): CustomerMatch[] {
      const t = text.trim()
      if (!t) return []
      const phone = normalizePhone(t)
      const rows = /^\d{3,}$/.test(phone)
        ? stmt(`SELECT ${MATCH_COLUMNS} FROM customers c JOIN stations s ON s.id = c.station_id
                WHERE c.id IN (SELECT customer_id FROM customer_phones WHERE phone GLOB ?) ORDER BY c.unit_name LIMIT ${MAX_MATCHES}`).all(globPrefix(phone))
        : stmt(`SELECT ${MATCH_COLUMNS} FROM customers c JOIN stations s ON s.id = c.station_id
                WHERE c.unit_name LIKE ? ESCAPE '\\' ORDER BY c.unit_name LIMIT ${MAX_MATCHES}`).all(likeAnywhere(t))
      return (rows as Parameters<typeof toMatch>[0][]).map(toMatch)
    },

    /** Everything the intake form shows about a customer while the caller is on the line. */
    card(id: string, today: string): CustomerCard {
      const c = stmt(`SELECT c.*, s.name AS station_name FROM customers c JOIN stations s ON s.id = c.station_id WHERE c.id = ?`).get(id) as
        | Record<string, string | number>
        | undefined
      if (!c) throw notFound()
      const contract = stmt(`SELECT ${CONTRACT_COLUMNS} FROM contracts WHERE customer_id = ? AND starts_on <= ? AND ends_on >= ?
                             ORDER BY starts_on DESC LIMIT 1`).get(id, today, today) as Contract | undefined
      const recentTickets = summarize(stmt(`${TICKET_SUMMARY_SELECT} WHERE t.customer_id = ? ORDER BY t.created_at DESC LIMIT 10`).all(id) as SummaryRow[])
      return {
        id,
        unitName: c.unit_name as string,
        contacts: JSON.parse(c.contacts as string) as Contact[],
        address: c.address as string,
        regionCode: c.region_code as string,
        regionName: regionName(c.region_code as string),
        zone: c.zone as CustomerCard['zone'],
        keyAccount: c.key_account === 1,
        station: { id: c.station_id as string, name: c.station_name as string },
        contract: contract ?? null,
        assets: stmt(`SELECT ${ASSET_COLUMNS} FROM assets WHERE customer_id = ? ORDER BY serial`).all(id) as Asset[],
        recentTickets,
      }
    },

    asset(id: string): Asset | null {
      return (stmt(`SELECT ${ASSET_COLUMNS} FROM assets WHERE id = ?`).get(id) as Asset | undefined) ?? null
    },

    contract(id: string): Contract | null {
      return (stmt(`SELECT ${CONTRACT_COLUMNS} FROM contracts WHERE id = ?`).get(id) as Contract | undefined) ?? null
    },
  }
}
export type CustomerQueries = ReturnType<typeof customerQueries>
