import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BOUNDS, loadWindowBounds, saveWindowBounds } from '../../electron/main/windowState'
import { tempDir } from '../desk/helpers'

describe('remembered window size', () => {
  it('comes back as it was saved', () => {
    const file = join(tempDir(), 'window.json')
    saveWindowBounds(file, { x: 10, y: 20, width: 1600, height: 1000, maximized: true })
    expect(loadWindowBounds(file)).toEqual({ x: 10, y: 20, width: 1600, height: 1000, maximized: true })
  })

  it.each([
    ['missing', null],
    ['damaged', '{"width": '],
    ['too small to use', JSON.stringify({ width: 100, height: 80 })],
  ])('falls back to the default when the file is %s', (_what, content) => {
    const file = join(tempDir(), 'window.json')
    if (content !== null) writeFileSync(file, content)
    expect(loadWindowBounds(file)).toEqual(DEFAULT_BOUNDS)
  })
})
