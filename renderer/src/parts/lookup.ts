// A ticket by the number a clerk types or scans (the parts forms name tickets by number, the desk by id).
import { desk } from '../api/client'

export async function ticketByNumber(number: string): Promise<{ id: string; number: string } | null> {
  const wanted = number.trim()
  if (wanted === '') return null
  const { rows } = await desk.call('tickets.list', { search: wanted, limit: 5 })
  return rows.find((r) => r.number === wanted) ?? null
}
