import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/api/errors'
import { useErrorText } from '../api/errorText'

/** A report as read from the desk: the report once it comes, until then its failure with 重试, or 加载中. */
export function ReportRead<T>({ report, error, reload, children }: { report: T | null; error: DeskError | null; reload(): Promise<void>; children(report: T): React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation()
  const errorText = useErrorText()
  if (report !== null) return <>{children(report)}</>
  return error ? (
    <div className="form-error" role="alert">
      {errorText(error)}{' '}
      <button type="button" className="link" onClick={() => void reload()}>
        {t('common.retry')}
      </button>
    </div>
  ) : (
    <p className="loading">{t('common.loading')}</p>
  )
}
