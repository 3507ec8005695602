// A Code 128 barcode of a form's number, as the warehouse's scanner reads it.
import { codeImage } from './codeImage'

export function Barcode({ text, height = 10 }: { text: string; height?: number }): React.JSX.Element {
  const src = codeImage({ bcid: 'code128', text, scale: 2, height, includetext: true, textxalign: 'center' })
  return <img className="barcode" src={src} alt={text} data-testid="barcode" />
}
