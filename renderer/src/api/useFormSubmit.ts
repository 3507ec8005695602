import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors, useErrorText } from './errorText'

/**
 * What every form does with a desk call: busy while it runs, and on failure the field-level
 * messages next to their fields and the whole message under the form.
 */
export function useFormSubmit() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true)
      setErrors({})
      setFormError(null)
      try {
        await work()
      } catch (err) {
        setErrors(fieldErrors(err, t as never))
        setFormError(errorText(err))
      } finally {
        setBusy(false)
      }
    },
    [t, errorText],
  )
  return { errors, setErrors, formError, busy, submit }
}
