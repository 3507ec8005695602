// A QR code of a form's number, for a phone's camera (the desk's scanner reads the Code 128 next to it).
import { codeImage } from './codeImage'

export function QrCode({ text }: { text: string }): React.JSX.Element {
  const src = codeImage({ bcid: 'qrcode', text, scale: 2 })
  return <img className="qrcode" src={src} alt={text} data-testid="qrcode" />
}
