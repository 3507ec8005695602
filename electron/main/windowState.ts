import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

const Bounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10000),
  height: z.number().int().min(560).max(10000),
  maximized: z.boolean().default(false),
})
export type WindowBounds = z.infer<typeof Bounds>

export const DEFAULT_BOUNDS: WindowBounds = { width: 1440, height: 900, maximized: false }

/** The size and place the window had when it was last closed; defaults if the file is missing or damaged. */
export function loadWindowBounds(file: string): WindowBounds {
  try {
    return Bounds.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return DEFAULT_BOUNDS
  }
}

export function saveWindowBounds(file: string, bounds: WindowBounds): void {
  writeFileSync(file, JSON.stringify(bounds))
}
