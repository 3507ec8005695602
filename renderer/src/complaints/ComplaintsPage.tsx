// 投诉: the station's complaint register (客户投诉处理记录表, seed 000), each complaint taken through
// 登记 → 调查 → 处理 → 回复客户 → 整改/预防 → 关闭, and the figures of how they were handled.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../store/app'
import { RegisterDialog } from './RegisterDialog'
import { RegisterTab } from './RegisterTab'
import { StatsTab } from './StatsTab'
import './complaints.css'

const TABS = ['register', 'stats'] as const
type Tab = (typeof TABS)[number]

export function ComplaintsPage(): React.JSX.Element {
  const { t } = useTranslation()
  const complaintId = useApp((s) => s.complaintId)
  const openComplaint = useApp((s) => s.openComplaint)
  const showToast = useApp((s) => s.showToast)
  const [tab, setTab] = useState<Tab>('register')
  const [registering, setRegistering] = useState(false)

  // a survey or a ticket sent the user here to see one complaint
  useEffect(() => {
    if (complaintId) setTab('register')
  }, [complaintId])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'KeyN' || e.metaKey) return
      const alt = e.altKey && !e.ctrlKey && !e.shiftKey
      const ctrlShift = e.ctrlKey && e.shiftKey && !e.altKey
      if (!alt && !ctrlShift) return
      e.preventDefault()
      setRegistering(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="complaints-page">
      <div className="toolbar">
        <div className="cp-tabs" role="tablist" aria-label={t('nav.complaints')}>
          {TABS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`cp-tab-${k}`}>
              {t(`complaints.tab.${k}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setRegistering(true)} data-testid="cp-open-register">
          {t('complaints.registerOpen')} <kbd>Alt+N</kbd>
        </button>
      </div>
      {tab === 'register' ? <RegisterTab onRegister={() => setRegistering(true)} /> : <StatsTab />}
      {registering && (
        <RegisterDialog
          onClose={() => setRegistering(false)}
          onDone={({ id, number }) => {
            setRegistering(false)
            setTab('register')
            openComplaint(id)
            showToast(t('complaints.register.saved', { number }))
          }}
        />
      )}
    </div>
  )
}
