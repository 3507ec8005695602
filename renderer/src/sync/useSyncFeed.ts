import { useEffect } from 'react'
import { desk, onDeskConnection } from '../api/client'
import { useSync } from '../store/sync'

/** Keeps the sync status current: read once, then pushed by the desk core on every change. */
export function useSyncFeed(): void {
  useEffect(() => {
    const { setStatus } = useSync.getState()
    let alive = true
    let pushedSinceLoad = false
    const load = () => {
      pushedSinceLoad = false
      desk.call('sync.status', {}).then(
        // a push that arrived meanwhile is newer than this answer
        (status) => alive && !pushedSinceLoad && setStatus(status),
        () => undefined,
      )
    }
    load()
    // Pushes made while the event stream was down are lost: read the status again once it is back.
    onDeskConnection((up) => alive && up && load())
    const off = desk.on('sync.status', (status) => {
      pushedSinceLoad = true
      setStatus(status)
    })
    return () => {
      alive = false
      off()
    }
  }, [])
}
