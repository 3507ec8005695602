// A closed-out job on its ticket: when, what the customer pays, and the repair slip to print (again: 补打).
import { useTranslation } from 'react-i18next'
import { yuanFigures } from '../../../shared/domain/money'
import type { CloseOutForm } from '../../../shared/api/closeoutSchemas'
import { openPrint } from '../slips/print'
import { useStationTime } from '../tickets/format'

export function CloseOutSummary({ form }: { form: CloseOutForm }): React.JSX.Element | null {
  const { t } = useTranslation()
  const time = useStationTime()
  const { ticketId, report } = form
  if (!report) return null
  return (
    <div className="closeout-done" data-testid="closeout-done">
      <span className="chip status status-resolved">{t('closeout.done', { at: time(report.closedAt), total: yuanFigures(report.total) })}</span>
      <button type="button" onClick={() => openPrint('repair-slip', ticketId)} data-testid="print-repair-slip">
        {t('closeout.printSlip')}
        {report.printCount > 0 ? `（${t('closeout.reprint')}）` : ''}
      </button>
    </div>
  )
}
