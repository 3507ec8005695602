import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'

/** Prepares each distinct SQL text once per database (filters build a few shapes of the same query). */
export function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>()
  return (sql) => {
    let s = cache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
}

/** Escapes GLOB wildcards so user text matches literally as a prefix. */
export function globPrefix(text: string): string {
  return `${text.replace(/[*?[\]]/g, (c) => `[${c}]`)}*`
}

/** Escapes LIKE wildcards so user text matches literally anywhere (with ESCAPE '\\'). */
export function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
