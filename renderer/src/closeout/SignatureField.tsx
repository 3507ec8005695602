// 客户签字: drawn on the screen with a pointer or a pen tablet (signature_pad), or noted as signed on
// the paper slip. The value is what the close-out and pick-up mutators take.
import SignaturePad from 'signature_pad'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type SignatureValue = { kind: 'drawn'; image: string; signer: string } | { kind: 'paper'; signer: string } | undefined

const WIDTH = 460
const HEIGHT = 150

export function SignatureField({ value, onChange, error, idPrefix = 'signature' }: { value: SignatureValue; onChange(v: SignatureValue): void; error?: string; idPrefix?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const pad = useRef<SignaturePad | null>(null)
  const [mode, setMode] = useState<'drawn' | 'paper'>(value?.kind ?? 'drawn')
  const [signer, setSigner] = useState(value?.signer ?? '')
  const [drawn, setDrawn] = useState(value?.kind === 'drawn' ? value.image : '')
  // the latest callback and name, for the pad's own event
  const latest = useRef({ onChange, signer })
  latest.current = { onChange, signer }

  useEffect(() => {
    if (mode !== 'drawn' || !canvas.current) return
    const c = canvas.current
    // a sharp line on a high-density screen, a small PNG on a plain one
    const ratio = Math.min(window.devicePixelRatio || 1, 2)
    c.width = WIDTH * ratio
    c.height = HEIGHT * ratio
    c.getContext('2d')?.scale(ratio, ratio)
    const p = new SignaturePad(c, { penColor: '#0b1f44', minWidth: 0.8, maxWidth: 2.4 })
    pad.current = p
    const done = () => {
      const image = p.isEmpty() ? '' : p.toDataURL('image/png')
      setDrawn(image)
      latest.current.onChange(image ? { kind: 'drawn', image, signer: latest.current.signer } : undefined)
    }
    p.addEventListener('endStroke', done)
    return () => {
      p.removeEventListener('endStroke', done)
      p.off()
      pad.current = null
    }
  }, [mode])

  const emit = (m: 'drawn' | 'paper', name: string, image: string) => onChange(m === 'paper' ? { kind: 'paper', signer: name } : image ? { kind: 'drawn', image, signer: name } : undefined)

  return (
    <fieldset className="signature-field" aria-invalid={Boolean(error)}>
      <legend>{t('closeout.signature')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('closeout.signature')}>
        {(['drawn', 'paper'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`${idPrefix}-mode`}
              checked={mode === m}
              onChange={() => {
                setMode(m)
                // back to the pad: a new, empty one (the customer signs again)
                setDrawn('')
                emit(m, signer, '')
              }}
            />
            {t(`closeout.signatureMode.${m}`)}
          </label>
        ))}
      </div>
      {mode === 'drawn' && (
        <div className="signature-pad">
          <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} aria-label={t('closeout.signHere')} data-testid={`${idPrefix}-pad`} />
          <span className="sign-here">{drawn ? '' : t('closeout.signHere')}</span>
          <button
            type="button"
            className="link"
            onClick={() => {
              pad.current?.clear()
              setDrawn('')
              onChange(undefined)
            }}
          >
            {t('closeout.clearSignature')}
          </button>
        </div>
      )}
      <label className="signer" htmlFor={`${idPrefix}-signer`}>
        {t('closeout.signer')}
        <input
          id={`${idPrefix}-signer`}
          value={signer}
          maxLength={40}
          onChange={(e) => {
            setSigner(e.target.value)
            emit(mode, e.target.value, drawn)
          }}
        />
      </label>
      {error && <span className="field-error" role="alert">{error}</span>}
    </fieldset>
  )
}
