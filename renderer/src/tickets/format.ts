import { localDateTime } from '../../../shared/domain/time'
import { useApp } from '../store/app'

/** An instant as the station's wall-clock time. */
export function useStationTime(): (instant: string | null) => string {
  const tz = useApp((s) => s.desk?.station.timezone)
  return (instant) => (instant ? localDateTime(instant, tz) : '')
}
