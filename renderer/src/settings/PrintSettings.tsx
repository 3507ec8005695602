// 设置 → 打印: in the desktop app, the system print dialog each time or silent printing to one of this
// computer's printers; in browser mode the browser's dialog is all there is, so it only says how to get a PDF.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorText } from '../api/errorText'
import { canSavePdf, listPrinters, loadPrintSettings, savePrintSettings, type PrinterEntry } from '../slips/printTarget'
import { useApp } from '../store/app'

export function PrintSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const electron = canSavePdf()
  return (
    <section aria-labelledby="print-settings-title">
      <h2 id="print-settings-title">{t('print.title')}</h2>
      {electron ? (
        <>
          <p className="sub">{t('print.hint')}</p>
          <PrinterChoice />
        </>
      ) : (
        <p className="sub" data-testid="print-browser-hint">
          {t('print.browserHint')}
        </p>
      )}
    </section>
  )
}

function PrinterChoice(): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const showToast = useApp((s) => s.showToast)
  const [saved] = useState(loadPrintSettings)
  const [printers, setPrinters] = useState<PrinterEntry[] | null>(null)
  const [silent, setSilent] = useState(saved.silentPrinter !== null)
  const [printer, setPrinter] = useState(saved.silentPrinter ?? '')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    listPrinters().then(
      (list) => {
        if (!live) return
        setPrinters(list)
        // nothing saved yet: offer the first one (Electron no longer says which is the system's default)
        setPrinter((p) => p || list[0]?.name || '')
      },
      (e: unknown) => {
        if (!live) return
        setPrinters([])
        setError(errorText(e))
      },
    )
    return () => {
      live = false
    }
  }, [errorText])

  // a saved printer that is gone stays visible, marked, rather than silently replaced
  const options = printers && printer && !printers.some((p) => p.name === printer) ? [...printers, { name: printer, displayName: printer, missing: true }] : printers
  const labelOf = (p: PrinterEntry & { missing?: boolean }) =>
    p.missing ? t('print.missingPrinter', { name: p.displayName }) : p.displayName

  function save(e: React.FormEvent) {
    e.preventDefault()
    savePrintSettings({ silentPrinter: silent && printer ? printer : null })
    showToast(t('print.saved'))
  }

  return (
    <form onSubmit={save} noValidate>
      <div className="field inline">
        <input type="radio" id="print-mode-dialog" name="print-mode" checked={!silent} onChange={() => setSilent(false)} />
        <label htmlFor="print-mode-dialog">{t('print.modeDialog')}</label>
      </div>
      <div className="field inline">
        <input type="radio" id="print-mode-silent" name="print-mode" checked={silent} onChange={() => setSilent(true)} disabled={!options?.length} />
        <label htmlFor="print-mode-silent">{t('print.modeSilent')}</label>
        {options === null ? (
          <span className="sub">{t('print.loadingPrinters')}</span>
        ) : options.length === 0 ? (
          <span className="sub">{t('print.noPrinters')}</span>
        ) : (
          <select aria-label={t('print.printer')} value={printer} disabled={!silent} onChange={(e) => setPrinter(e.target.value)}>
            {options.map((p) => (
              <option key={p.name} value={p.name}>
                {labelOf(p)}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
