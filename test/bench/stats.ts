/** Percentiles and a fixed-width table for benchmark output. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)
  return sortedMs[Math.max(0, i)]!
}

export interface Timing {
  n: number
  p50: number
  p99: number
  mean: number
}

/** Times n calls of fn; `between` runs untimed after each call (e.g. to let timers run). */
export async function time(n: number, fn: (i: number) => unknown, between?: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
    if (between) await between()
  }
  samples.sort((a, b) => a - b)
  return { n, p50: percentile(samples, 50), p99: percentile(samples, 99), mean: samples.reduce((s, x) => s + x, 0) / n }
}

export const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`)

export function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)))
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c]!)).join('  ')).join('\n')
}
