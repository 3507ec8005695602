// 巡检计划: each contract's periodic inspection (seed 001 monthly, seed 003 quarterly), the ticket it owes
// this period and how many it has made; a plan is added or changed in its dialog.
import { useTranslation } from 'react-i18next'
import type { PlanView } from '../../../shared/api/followUpSchemas'
import { DeskRead } from '../api/DeskRead'
import { useDeskQuery } from '../api/useDeskQuery'
import { StatusChip } from '../tickets/Chips'
import { PlanDialog } from './PlanDialog'
import { showTicket } from './visits'

/** `editing`: the dialog, open for a new plan ('new') or one of the list's. */
export function PlansTab({ editing, setEditing, onDone }: { editing: PlanView | 'new' | null; setEditing(p: PlanView | 'new' | null): void; onDone(message: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const { data, error } = useDeskQuery('plans.list', {}, ['inspection_plans', 'tickets'])

  return (
    <div className="fu-list">
      <DeskRead data={data} error={error}>
        {(plans) =>
          plans.length === 0 ? (
            <div className="fu-empty" data-testid="fu-plans-empty">
              <p>{t('followUp.plan.empty')}</p>
              <button type="button" className="primary" onClick={() => setEditing('new')}>
                {t('followUp.plan.new')}
              </button>
            </div>
          ) : (
            <table className="fu-table" data-testid="fu-plans-table">
              <thead>
                <tr>
                  <th>{t('followUp.plan.col.number')}</th>
                  <th>{t('followUp.plan.col.customer')}</th>
                  <th>{t('followUp.plan.col.contract')}</th>
                  <th>{t('followUp.plan.col.frequency')}</th>
                  <th>{t('followUp.plan.col.period')}</th>
                  <th>{t('followUp.plan.col.active')}</th>
                  <th>{t('followUp.plan.col.current')}</th>
                  <th>{t('followUp.plan.col.made')}</th>
                  <th aria-label={t('followUp.plan.edit')} />
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => (
                  <tr key={p.id} data-testid="fu-plan-row" data-id={p.id} className={p.active ? '' : 'fu-row-inactive'}>
                    <td className="mono">{p.number}</td>
                    <td className="fu-customer" title={p.unitName}>
                      {p.unitName}
                      {p.note && <span className="sub">{p.note}</span>}
                    </td>
                    <td>{p.contractNumber ? <span className="mono">{p.contractNumber}</span> : <span className="placeholder">{t('followUp.plan.noContract')}</span>}</td>
                    <td>{t(`enums.frequency.${p.frequency}`)}</td>
                    <td>
                      {p.startsOn} – {p.endsOn ?? t('followUp.plan.openEnded')}
                    </td>
                    <td>
                      <span className={`chip ${p.active ? 'fu-plan-active' : ''}`}>{p.active ? t('followUp.plan.active') : t('followUp.plan.inactive')}</span>
                    </td>
                    <td className="fu-plan-current">
                      {p.current ? (
                        <>
                          {p.current.ticketNumber ? (
                            <span className="fu-plan-ticket">
                              <button type="button" className="link mono" onClick={() => showTicket(p.current!.ticketId)} data-testid="fu-plan-ticket">
                                {p.current.ticketNumber}
                              </button>
                              {p.current.ticketStatus && <StatusChip status={p.current.ticketStatus} />}
                            </span>
                          ) : (
                            <span className="fu-plan-not-made">{t('followUp.plan.notMade')}</span>
                          )}
                          <span className="sub">{t('followUp.plan.currentDue', { period: p.current.period, dueOn: p.current.dueOn })}</span>
                        </>
                      ) : (
                        <span className="placeholder">{t('followUp.plan.currentNone')}</span>
                      )}
                    </td>
                    <td>{t('followUp.plan.made', { count: p.ticketsMade })}</td>
                    <td className="fu-action">
                      <button type="button" onClick={() => setEditing(p)} data-testid="fu-plan-edit">
                        {t('followUp.plan.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </DeskRead>
      {editing && (
        <PlanDialog
          key={editing === 'new' ? 'new' : editing.id}
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null)
            onDone(message)
          }}
        />
      )}
    </div>
  )
}
