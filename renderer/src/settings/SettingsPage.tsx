import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/i18n'
import { useDeskQuery } from '../api/useDeskQuery'
import { setLanguage } from '../i18n'
import { ServerSettings } from '../sync/ServerSettings'
import { MapSettings } from './MapSettings'
import { PrintSettings } from './PrintSettings'
import { RulesSettings } from './RulesSettings'

export function SettingsPage(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const { data: info } = useDeskQuery('desk.info', {}, ['tickets', 'customers'])
  return (
    <div className="settings-page">
      <h1>{t('settings.title')}</h1>
      <section>
        <div className="field">
          <label htmlFor="settings-language">{t('settings.language')}</label>
          <select id="settings-language" value={i18n.language} onChange={(e) => void setLanguage(e.target.value as Language)}>
            <option value="zh-CN">{t('settings.languageZh')}</option>
            <option value="en">{t('settings.languageEn')}</option>
          </select>
        </div>
      </section>
      <ServerSettings />
      <RulesSettings />
      <MapSettings />
      <PrintSettings />
      {info && (
        <section>
          <h2>{t('settings.deskInfo')}</h2>
          <dl className="facts">
            <dt>{t('app.station')}</dt>
            <dd>{info.station.name}</dd>
            <dt>{t('app.desk')}</dt>
            <dd className="mono">
              {info.station.code}
              {info.deskCode}
            </dd>
            <dt>{t('app.user')}</dt>
            <dd>{info.user.name}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd className="mono">{info.dataDir}</dd>
            <dt>{t('settings.clientId')}</dt>
            <dd className="mono">{info.clientId}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
            <dt>{t('settings.pendingChanges')}</dt>
            <dd>{info.pendingMutations}</dd>
          </dl>
        </section>
      )}
    </div>
  )
}
