import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect } from 'vitest'
import { openDesk, type Desk, type OpenDeskOptions } from '../../electron/desk'
import type { DeskError } from '../../shared/api/errors'
import { translate, zhCN } from '../../shared/i18n'

/** The demo data's clock in tests: Friday 2026-11-20, 10:30 in Kunming. */
export const TEST_NOW = new Date('2026-11-20T02:30:00Z')

const dirs: string[] = []
const desks: Desk[] = []
afterEach(() => {
  for (const d of desks.splice(0)) d.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'))
  dirs.push(dir)
  return dir
}

export async function testDesk(options: Partial<OpenDeskOptions> = {}): Promise<Desk> {
  const desk = await openDesk({ dataDir: options.dataDir ?? tempDir(), now: () => TEST_NOW, ...options })
  desks.push(desk)
  return desk
}

/** The error body of a call that must fail. */
export async function failure(p: Promise<unknown>): Promise<DeskError['body']> {
  try {
    await p
  } catch (e) {
    return (e as DeskError).body
  }
  throw new Error('expected the call to fail')
}

/** What a test's refusals must leave as it was: each query's rows, read from the desk's own file. */
export function fileState(desk: Desk, queries: Record<string, string>): Record<string, unknown[]> {
  const db = new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true })
  const state = Object.fromEntries(Object.entries(queries).map(([name, sql]) => [name, db.prepare(sql).all()]))
  db.close()
  return state
}

/**
 * A refused call: its Chinese message (a form's: the messages of its fields, with their paths if asked),
 * and proof that it changed and queued nothing the queries read.
 */
export async function refusedLeaving(desk: Desk, queries: Record<string, string>, call: Promise<unknown>, opts: { paths?: boolean } = {}): Promise<string> {
  const before = fileState(desk, queries)
  const err = await failure(call)
  expect(['rule', 'validation']).toContain(err.code)
  expect(fileState(desk, queries)).toEqual(before)
  if (err.code !== 'validation') return err.message
  return (err.issues ?? []).map((i) => `${opts.paths ? `${i.path}: ` : ''}${translate(zhCN, i.key, i.params)}`).join('；')
}
