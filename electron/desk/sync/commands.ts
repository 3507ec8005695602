// The desk-local sync commands of the contract: log in to a server (设置 → 服务器), leave it,
// sync now, and the user's decision on a rejected change (同步记录).
import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import type { CommandName, Commands, MethodOutput, MutationName } from '../../../shared/api/contract'
import { DeskError, ruleError } from '../../../shared/api/errors'
import { mutators } from '../../../shared/mutators'
import type { Db } from '../db/open'
import type { SqliteTx } from '../db/sqliteTx'
import type { DeskIdentity } from '../identity'
import type { SyncClient } from './client'
import { ServerLink, type Fetch } from './serverLink'
import type { SyncSettingsStore } from './settings'

interface Deps {
  db: Db
  identity: DeskIdentity
  settings: SyncSettingsStore
  sync: SyncClient
  tx: SqliteTx
  fetch?: Fetch
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  commit<N extends MutationName>(name: N, makeArgs: (at: Date) => unknown): Promise<MethodOutput<N>>
}

type SyncCommandName = Extract<CommandName, `sync.${string}`>
type Handlers = { [N in SyncCommandName]: (input: z.output<Commands[N]['input']>) => Promise<MethodOutput<N>> }

export function syncCommands(d: Deps): Handlers {
  const meta = d.db.prepare('INSERT OR REPLACE INTO desk_meta (key, value) VALUES (?, ?)')
  const stationName = d.db.prepare('SELECT name FROM stations WHERE id = ?').pluck()
  const pending = d.db.prepare('SELECT count(*) FROM outbox').pluck()
  const rejection = d.db.prepare('SELECT name, args FROM sync_rejections WHERE mutation_id = ? AND decision IS NULL')
  const decide = d.db.prepare('UPDATE sync_rejections SET decision = ?, decided_at = ? WHERE mutation_id = ?')

  function openRejection(mutationId: number): { name: MutationName; args: unknown } {
    const row = rejection.get(mutationId) as { name: MutationName; args: string } | undefined
    if (!row) throw new DeskError({ code: 'not_found', key: 'errors.syncClient.rejectionNotFound' })
    return { name: row.name, args: JSON.parse(row.args) }
  }

  return {
    async 'sync.connect'(input) {
      const login = await new ServerLink(input.serverUrl, d.fetch).login(input.username, input.password)
      if (login.user.stationId !== d.identity.stationId) {
        throw ruleError('errors.syncClient.otherStation', {
          username: input.username,
          station: stationName.get(login.user.stationId) ?? login.user.stationId,
          deskStation: stationName.get(d.identity.stationId) ?? d.identity.stationId,
        })
      }
      const before = d.settings.read()
      const sameServer = before?.serverUrl === input.serverUrl
      await d.exclusive(async () => {
        // A client id belongs to one account on the server: another account on this desk gets a new
        // one, and its mutation ids start again at 1 (only with nothing of the previous account pending).
        // kept beside client_id, not with the server settings: 断开 must not forget whose client id it is
        const previousUser = d.db.prepare("SELECT value FROM desk_meta WHERE key = 'client_user'").pluck().get() as string | undefined
        if (previousUser && previousUser !== login.user.id) {
          if ((pending.get() as number) > 0) throw ruleError('errors.syncClient.pendingOfOtherUser')
          d.identity.clientId = uuidv7()
          meta.run('client_id', d.identity.clientId)
          d.db.prepare("DELETE FROM desk_counters WHERE name = 'mutation'").run()
        }
        d.identity.userId = login.user.id
        d.identity.role = login.user.role as DeskIdentity['role']
        meta.run('user_id', login.user.id)
        meta.run('role', login.user.role)
        meta.run('client_user', login.user.id)
        d.settings.write({
          serverUrl: input.serverUrl,
          username: input.username,
          token: login.token,
          tokenExpiresAt: login.expiresAt,
          userId: login.user.id,
          userName: login.user.name,
          // another server's rows are not this one's: start over from its first version
          ...(sameServer ? {} : { cursor: 0 }),
        })
      })
      await d.sync.restart()
      return d.sync.status()
    },

    async 'sync.disconnect'() {
      await d.exclusive(async () => {
        d.sync.stop()
        d.settings.clear()
        d.db.prepare('DELETE FROM sync_shadow').run()
      })
      d.sync.emitStatus()
      return d.sync.status()
    },

    async 'sync.now'() {
      if (!d.settings.read()) throw ruleError('errors.syncClient.notConnected')
      await d.sync.kick()
      return d.sync.status()
    },

    async 'sync.reapply'({ mutationId }) {
      const { name, args } = openRejection(mutationId)
      const def = mutators[name] as { reapply?: (tx: SqliteTx, a: unknown) => Promise<unknown> }
      await d.exclusive(() => d.commit(name, () => (def.reapply ? def.reapply(d.tx, args) : args)))
      decide.run('reapplied', new Date().toISOString(), mutationId)
      d.sync.emitStatus()
      return { ok: true as const }
    },

    async 'sync.discard'({ mutationId }) {
      openRejection(mutationId)
      decide.run('discarded', new Date().toISOString(), mutationId)
      d.sync.emitStatus()
      return { ok: true as const }
    },
  }
}
