// Barcodes of a form's number as SVG data URLs, made once per text: a day's batch prints each number on
// both copies, and bwip-js takes a few milliseconds a code.
import { toSVG, type RenderOptions } from 'bwip-js/browser'

const cache = new Map<string, string>()

export function codeImage(options: RenderOptions): string {
  const key = JSON.stringify(options)
  let src = cache.get(key)
  if (src === undefined) {
    src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSVG(options))}`
    // a long day of printing does not keep every number ever drawn
    if (cache.size > 2000) cache.clear()
    cache.set(key, src)
  }
  return src
}
