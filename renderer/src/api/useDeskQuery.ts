import { useCallback, useEffect, useRef, useState } from 'react'
import type { MethodInput, MethodOutput, QueryName } from '../../../shared/api/contract'
import type { DeskError } from '../../../shared/api/errors'
import { desk } from './client'

/** Late visits and escalated complaints change with the hour, not only with the data. */
export const TIME_BOUND_RELOAD_MS = 10 * 60_000

/**
 * Runs a named query and runs it again when the desk reports a change to one of `tables`, and every
 * `reloadMs` for answers that change with the time alone (late visits, escalated complaints).
 */
export function useDeskQuery<N extends QueryName>(method: N, input: MethodInput<N> | null, tables: readonly string[] = [], reloadMs?: number) {
  const [data, setData] = useState<MethodOutput<N> | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const key = input === null ? null : JSON.stringify(input)
  const latest = useRef(0)

  const load = useCallback(async () => {
    if (key === null) {
      setData(null)
      return
    }
    const ticket = ++latest.current
    try {
      const value = await desk.call(method, JSON.parse(key) as MethodInput<N>)
      if (ticket === latest.current) {
        setData(value)
        setError(null)
      }
    } catch (e) {
      if (ticket === latest.current) setError(e as DeskError)
    }
  }, [method, key])

  useEffect(() => {
    void load()
  }, [load])

  const tableKey = tables.join(',')
  useEffect(() => {
    if (!tableKey) return
    const watched = tableKey.split(',')
    return desk.on('data.changed', ({ tables: changed }) => {
      if (changed.some((t) => watched.includes(t))) void load()
    })
  }, [tableKey, load])

  useEffect(() => {
    if (!reloadMs) return
    const timer = setInterval(() => void load(), reloadMs)
    return () => clearInterval(timer)
  }, [reloadMs, load])

  return { data, error, reload: load }
}
