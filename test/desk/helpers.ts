import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openDesk, type Desk, type OpenDeskOptions } from '../../electron/desk'
import type { DeskError } from '../../shared/api/errors'

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
