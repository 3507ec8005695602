import { useRef } from 'react'

/**
 * A table's rows picked by click or from the keyboard: Enter or Space picks the focused row, ↑ and ↓ the
 * one above or below, which takes the focus. Spread `rowProps(id)` on each row, put `body` on their tbody.
 */
export function useRowSelection(rows: readonly { id: string }[], selectedId: string | null, select: (id: string) => void) {
  const body = useRef<HTMLTableSectionElement>(null)

  const moveSelection = (by: number) => {
    const at = rows.findIndex((r) => r.id === selectedId)
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + by))]
    if (!next) return
    select(next.id)
    body.current?.querySelector<HTMLElement>(`tr[data-id="${next.id}"]`)?.focus()
  }

  const rowProps = (id: string) => ({
    'data-id': id,
    tabIndex: 0,
    'aria-selected': id === selectedId,
    onClick: () => select(id),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        select(id)
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        moveSelection(e.key === 'ArrowDown' ? 1 : -1)
      }
    },
  })

  return { body, rowProps }
}
