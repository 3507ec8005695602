// Ticket numbers are made on the desk, without asking any server, and read over the phone:
// station code + desk code, the local date, a per-desk daily sequence, e.g. WH1-261122-007.
// Unique across desks because each desk of a station has its own desk code.

export interface TicketNumberParts {
  stationCode: string
  deskCode: string
  /** Local calendar date in the station's time zone, yyyy-MM-dd. */
  localDate: string
  sequence: number
}

export function formatTicketNumber(p: TicketNumberParts): string {
  const [y, m, d] = p.localDate.split('-')
  return `${p.stationCode}${p.deskCode}-${y!.slice(2)}${m}${d}-${String(p.sequence).padStart(3, '0')}`
}
