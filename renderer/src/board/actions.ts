// What a dispatch does: show it at once, save it through the desk, and remember how to undo it.
// Undo is a new change (unassign, or assign back with the old window), never an edit of history:
// the first may already be on its way to the server.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { desk } from '../api/client'
import { useErrorText } from '../api/errorText'
import { useApp } from '../store/app'
import { useBoard, type Assignment } from '../store/board'

export function useDispatchActions() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const showToast = useApp((s) => s.showToast)

  const save = useCallback(
    async (a: Assignment, expectedAssigneeId: string | null) => {
      if (a.engineerId === null) {
        await desk.call('ticket.unassign', { ticketId: a.ticketId, expectedAssigneeId: expectedAssigneeId! })
      } else {
        await desk.call('ticket.assign', { ticketId: a.ticketId, engineerId: a.engineerId, expectedAssigneeId, appointmentStart: a.appointmentStart, appointmentEnd: a.appointmentEnd })
      }
    },
    [],
  )

  /** Assigns (or reassigns) a ticket with its window; false when the desk refused it (the board shows why). */
  const assign = useCallback(
    async (ticketId: string, engineerId: string, window: { start: string | null; end: string | null }): Promise<boolean> => {
      const board = useBoard.getState()
      const ticket = board.snapshot?.tickets.find((x) => x.id === ticketId)
      const engineer = board.snapshot?.engineers.find((x) => x.id === engineerId)
      if (!ticket || !engineer) return false
      const before: Assignment = { ticketId, engineerId: ticket.assigneeId, appointmentStart: ticket.appointmentStart, appointmentEnd: ticket.appointmentEnd }
      const after: Assignment = { ticketId, engineerId, appointmentStart: window.start, appointmentEnd: window.end }
      board.applyAssignment(after)
      try {
        await save(after, before.engineerId)
      } catch (e) {
        board.applyAssignment(before)
        showToast(errorText(e))
        return false
      }
      const label = t('board.assigned', { number: ticket.number, name: engineer.name })
      board.pushUndo({
        label,
        run: async () => {
          useBoard.getState().applyAssignment(before)
          try {
            await save(before, engineerId)
          } catch (e) {
            useBoard.getState().applyAssignment(after)
            throw e
          }
        },
      })
      showToast(t('board.assignedUndo', { label }))
      return true
    },
    [save, showToast, errorText, t],
  )

  const undo = useCallback(async () => {
    const entry = useBoard.getState().popUndo()
    if (!entry) {
      showToast(t('board.nothingToUndo'))
      return
    }
    try {
      await entry.run()
      showToast(t('board.undone', { label: entry.label }))
    } catch (e) {
      showToast(errorText(e))
    }
  }, [showToast, errorText, t])

  return { assign, undo }
}
