// The layer rule of ARCHITECTURE.md, checked: shared/ imports nothing of ours and no Node/DOM/Electron;
// the renderer never imports electron/ or Node; only electron/main and electron/preload import 'electron'.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

const rel = (f: string) => relative(ROOT, f)
const target = (file: string, spec: string) => (spec.startsWith('.') ? rel(resolve(file, '..', spec)) : spec)

describe('who may import whom', () => {
  it('shared/ imports only shared/ and pure packages', () => {
    const bad: string[] = []
    for (const f of sources(join(ROOT, 'shared'))) {
      for (const spec of imports(f)) {
        const t = target(f, spec)
        if (spec.startsWith('.') ? !t.startsWith('shared/') : NODE.has(spec) || spec === 'electron' || spec.startsWith('react') || spec === 'better-sqlite3') bad.push(`${rel(f)} → ${spec}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('the renderer imports shared/, bundled data from resources/ and browser packages, never electron/ or Node', () => {
    const bad: string[] = []
    for (const f of sources(join(ROOT, 'renderer/src'))) {
      for (const spec of imports(f)) {
        const t = target(f, spec)
        const data = t.startsWith('resources/') && t.endsWith('.json')
        if (spec.startsWith('.') ? !(t.startsWith('renderer/') || t.startsWith('shared/') || data) : NODE.has(spec) || spec === 'electron' || spec === 'better-sqlite3') bad.push(`${rel(f)} → ${spec}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('the server imports shared/ and its own files, never electron/ or renderer/', () => {
    const bad: string[] = []
    for (const f of sources(join(ROOT, 'server'))) {
      for (const spec of imports(f)) {
        const t = target(f, spec)
        if (spec.startsWith('.') ? !(t.startsWith('server/') || t.startsWith('shared/')) : spec === 'electron') bad.push(`${rel(f)} → ${spec}`)
      }
    }
    expect(bad).toEqual([])
  })

  it("only electron/main and electron/preload import 'electron'; the desk core never does", () => {
    const importers = [...sources(join(ROOT, 'electron')), ...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'renderer/src'))]
      .filter((f) => imports(f).includes('electron'))
      .map(rel)
    expect(importers.length).toBeGreaterThan(0)
    for (const f of importers) expect(f).toMatch(/^electron\/(main|preload)\//)
  })

  it('the scanner sees imports (guards against a rule that checks nothing)', () => {
    expect(imports(join(ROOT, 'electron/main/index.ts'))).toContain('electron')
    expect(imports(join(ROOT, 'shared/mutators/ticket.ts'))).toContain('../api/schemas')
  })
})
