import { useTranslation } from 'react-i18next'
import { cloneElement, type ReactElement } from 'react'
import { useApp } from '../store/app'

/** A labelled control: the visible label is its accessible name, the error is announced with it. */
export function Field({
  id,
  label,
  error,
  inline = false,
  children,
}: {
  id: string
  label: string
  error?: string
  /** Label beside the control, for toolbars and action rows. */
  inline?: boolean
  children: ReactElement<Record<string, unknown>>
}): React.JSX.Element {
  const errorId = `${id}-error`
  return (
    <div className={`field ${inline ? 'inline' : ''} ${error ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  )
}

export function SelectField<T extends string>(props: {
  id: string
  label: string
  value: T
  options: readonly T[]
  labelOf(v: T): string
  onChange(v: T): void
  error?: string
  inline?: boolean
}): React.JSX.Element {
  return (
    <Field id={props.id} label={props.label} error={props.error} inline={props.inline}>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labelOf(o)}
          </option>
        ))}
      </select>
    </Field>
  )
}

/**
 * A dialog form's end: its error (unless a field already shows the same words), 取消 with Esc, and
 * the submit button. The modal's footer style lays it out.
 */
export function FormFooter({
  formError,
  fieldErrors = {},
  busy,
  disabled = false,
  onCancel,
  submitLabel,
  testId,
}: {
  formError: string | null
  fieldErrors?: Record<string, string | undefined>
  busy: boolean
  disabled?: boolean
  onCancel(): void
  submitLabel: string
  testId?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      {formError && !Object.values(fieldErrors).includes(formError) && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <footer>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')} <kbd>Esc</kbd>
        </button>
        <button type="submit" className="primary" disabled={busy || disabled} data-testid={testId}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </footer>
    </>
  )
}

/** 工单号, typed or scanned (the scanner ends it with Enter), and 查找: Enter or the button looks the ticket up. */
export function TicketNumberLookup(props: {
  id: string
  className: string
  label: string
  value: string
  onChange(text: string): void
  error?: string
  looking: boolean
  onFind(): void
  findLabel: string
  testId?: string
  findTestId: string
}): React.JSX.Element {
  const stationCode = useApp((s) => s.desk?.station.code ?? 'WH')
  return (
    <div className={props.className}>
      <Field id={props.id} label={props.label} error={props.error}>
        <input
          className="mono"
          value={props.value}
          autoFocus
          autoComplete="off"
          placeholder={`${stationCode}0-261120-001`}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              props.onFind()
            }
          }}
          data-testid={props.testId}
        />
      </Field>
      <button type="button" onClick={props.onFind} disabled={props.looking || !props.value.trim()} data-testid={props.findTestId}>
        {props.findLabel}
      </button>
    </div>
  )
}
