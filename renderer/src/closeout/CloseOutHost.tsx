// The 完工 form over any view: opened from the board, a ticket, or the 送修 counter.
import { create } from 'zustand'
import { CloseOutDialog } from './CloseOutDialog'

const useCloseOut = create<{ ticketId: string | null }>(() => ({ ticketId: null }))

export const openCloseOut = (ticketId: string) => useCloseOut.setState({ ticketId })

export function CloseOutHost(): React.JSX.Element | null {
  const ticketId = useCloseOut((s) => s.ticketId)
  if (!ticketId) return null
  return <CloseOutDialog key={ticketId} ticketId={ticketId} onClose={() => useCloseOut.setState({ ticketId: null })} />
}
