import { translate, zhCN, type MessageKey } from '../i18n'

export type DeskErrorCode = 'validation' | 'not_found' | 'rule' | 'unknown_method' | 'internal' | 'network'

export interface FieldIssue {
  /** Dotted path of the input field, e.g. 'faultDescription' or 'contacts.0.phone'. */
  path: string
  key: MessageKey
  params?: Record<string, unknown>
}

/** What crosses every boundary when a call fails: a code, a message key to localize, and the Chinese text. */
export interface DeskErrorBody {
  code: DeskErrorCode
  key: MessageKey
  params?: Record<string, unknown>
  issues?: FieldIssue[]
  /** The message in Chinese, for logs and callers without a catalog. */
  message: string
}

export class DeskError extends Error {
  readonly body: DeskErrorBody
  constructor(body: Omit<DeskErrorBody, 'message'> & { message?: string }) {
    const message = body.message ?? translate(zhCN, body.key, body.params)
    super(message)
    this.name = 'DeskError'
    this.body = { ...body, message }
  }
}

/** A business rule refused the change; nothing was written. */
export function ruleError(key: MessageKey, params?: Record<string, unknown>): DeskError {
  return new DeskError({ code: 'rule', key, params })
}

export function notFound(): DeskError {
  return new DeskError({ code: 'not_found', key: 'errors.notFound' })
}

export function isDeskErrorBody(v: unknown): v is DeskErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as DeskErrorBody).code === 'string' && typeof (v as DeskErrorBody).key === 'string'
}
