import type { CustomerMatch } from '../../../shared/api/schemas'
import { localDateTime } from '../../../shared/domain/time'
import { useApp } from '../store/app'

/** An instant as the station's wall-clock time. */
export function useStationTime(): (instant: string | null) => string {
  const tz = useApp((s) => s.desk?.station.timezone)
  return (instant) => (instant ? localDateTime(instant, tz) : '')
}

/** Under a customer found by name or phone, in a list to pick from: who to ask for, their phones, where. */
export const matchContact = (m: CustomerMatch): string => `${m.contactName} ${m.phones.join(' / ')} · ${m.address}`
