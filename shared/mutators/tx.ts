import type { Role } from '../domain/enums'
import type { TableName, Tables } from './tables'

/**
 * The small store interface mutators write through. The desk implements it over SQLite,
 * the server over PostgreSQL; a mutator must not touch anything else, so it runs the same on both.
 */
export interface Tx {
  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined>
  /** Insert or replace by id (ids are made by the client, so a re-run writes the same row). */
  put<T extends TableName>(table: T, row: Tables[T]): Promise<void>
  update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void>
  /** Rows whose columns equal the given values. */
  list<T extends TableName>(table: T, where: Partial<Tables[T]>): Promise<Tables[T][]>
  /** Values derived from immutable rows (a service rules version), kept for the life of the store. */
  readonly memo: Map<string, unknown>
}

/** Who runs a mutation: on the desk the desk's user, on the server the authenticated account. */
export interface MutationContext {
  clientId: string
  userId: string
  role: Role
  stationId: string
  /** The desk the change was made at, e.g. "WH2" (station code + desk code), named in conflict messages. */
  deskCode: string
}
