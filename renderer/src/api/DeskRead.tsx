import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/api/errors'
import { useErrorText } from './errorText'

/**
 * A list read from the desk: its failure above (kept over an older answer still shown), 加载中 until the
 * first answer unless that failed, then `children` with the answer.
 */
export function DeskRead<T>({ data, error, children }: { data: T | null; error: DeskError | null; children(data: T): React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {data === null ? !error && <p className="empty">{t('common.loading')}</p> : children(data)}
    </>
  )
}
