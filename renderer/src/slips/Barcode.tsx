// A Code 128 barcode of a form's number, as the warehouse's scanner reads it.
import { toSVG } from 'bwip-js/browser'
import { useMemo } from 'react'

export function Barcode({ text, height = 10 }: { text: string; height?: number }): React.JSX.Element {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSVG({ bcid: 'code128', text, scale: 2, height, includetext: true, textxalign: 'center' }))}`, [text, height])
  return <img className="barcode" src={src} alt={text} data-testid="barcode" />
}
