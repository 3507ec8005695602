import { useEffect } from 'react'
import { desk, onDeskConnection } from '../api/client'
import { useApp } from '../store/app'
import { useSync } from '../store/sync'
import type { SyncStatus } from '../../../shared/api/syncSchemas'

/** Keeps the sync status current: read once, then pushed by the desk core on every change. */
export function useSyncFeed(): void {
  useEffect(() => {
    let account: string | null | undefined
    // Logging in makes the server's account this desk's user: the status bar names who works here now.
    const setStatus = (status: SyncStatus) => {
      useSync.getState().setStatus(status)
      if (account !== undefined && status.username !== account) {
        desk.call('desk.info', {}).then((info) => alive && useApp.getState().setDesk(info, useApp.getState().stations), () => undefined)
      }
      account = status.username
    }
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
