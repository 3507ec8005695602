import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../shared/api/syncSchemas'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { Field } from '../tickets/fields'

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787'

/** Logging this desk in to the station's sync server (设置 → 服务器). */
export function ServerLoginForm(props: { serverUrl: string; username: string; onConnected(status: SyncStatus): void }): React.JSX.Element {
  const { t } = useTranslation()
  const [form, setForm] = useState({ serverUrl: props.serverUrl, username: props.username, password: '' })
  const { errors, formError, busy, submit } = useFormSubmit()
  const edit = (name: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [name]: e.target.value }))

  function login(e: React.FormEvent) {
    e.preventDefault()
    void submit(async () => {
      const status = await desk.call('sync.connect', form)
      setForm((f) => ({ ...f, password: '' }))
      props.onConnected(status)
    })
  }

  return (
    <form className="server-login" onSubmit={login} noValidate aria-busy={busy}>
      <Field id="server-url" label={t('sync.server.url')} error={errors.serverUrl}>
        <input type="url" placeholder={DEFAULT_SERVER_URL} autoComplete="url" spellCheck={false} value={form.serverUrl} onChange={edit('serverUrl')} />
      </Field>
      <div className="row2">
        <Field id="server-username" label={t('sync.server.username')} error={errors.username}>
          <input autoComplete="username" spellCheck={false} value={form.username} onChange={edit('username')} />
        </Field>
        <Field id="server-password" label={t('sync.server.password')} error={errors.password}>
          <input type="password" autoComplete="current-password" value={form.password} onChange={edit('password')} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('sync.server.login')}
        </button>
        {busy && <span className="sub">{t('sync.server.loggingIn')}</span>}
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  )
}
