import { DeskError } from '../../shared/api/errors'
import type { MessageKey } from '../../shared/i18n'

/** A request the server refuses as a whole, with its HTTP status (nothing of it was applied). */
export class SyncError extends DeskError {
  constructor(
    readonly status: number,
    key: MessageKey,
    params?: Record<string, unknown>,
  ) {
    super({ code: status === 401 || status === 403 ? 'rule' : 'validation', key, params })
  }
}
