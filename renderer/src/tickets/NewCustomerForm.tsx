import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZONES, type Zone } from '../../../shared/domain/enums'
import { defaultZone } from '../../../shared/domain/regions'
import { desk } from '../api/client'
import { useDeskQuery } from '../api/useDeskQuery'
import { useFormSubmit } from '../api/useFormSubmit'
import { useApp } from '../store/app'
import { Field, SelectField } from './fields'

/** 登记新客户, inside the intake form, while the caller waits. */
export function NewCustomerForm({ phone, onCreated, onCancel }: { phone: string; onCreated(id: string): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const station = useApp((s) => s.desk!.station)
  const { data: regions } = useDeskQuery('regions.list', {})
  const [v, setV] = useState({ unitName: '', contactName: '', phone, address: '', regionCode: '', zone: 'city' as Zone })
  const { errors, formError, submit } = useFormSubmit()

  const byPrefecture = useMemo(() => {
    const groups = new Map<string, NonNullable<typeof regions>>()
    for (const r of regions ?? []) groups.set(r.prefectureName, [...(groups.get(r.prefectureName) ?? []), r])
    return [...groups]
  }, [regions])

  function chooseRegion(code: string) {
    const region = regions?.find((r) => r.code === code)
    setV((s) => ({ ...s, regionCode: code, zone: region ? defaultZone(region, station) : s.zone }))
  }

  function save() {
    void submit(async () => {
      const { id } = await desk.call('customer.create', { ...v, stationId: station.id })
      onCreated(id)
    })
  }

  return (
    <fieldset className="new-customer">
      <legend>{t('intake.newCustomer.title')}</legend>
      <Field id="nc-unit" label={t('intake.newCustomer.unitName')} error={errors.unitName}>
        <input value={v.unitName} onChange={(e) => setV({ ...v, unitName: e.target.value })} />
      </Field>
      <div className="row2">
        <Field id="nc-contact" label={t('intake.newCustomer.contactName')} error={errors.contactName}>
          <input value={v.contactName} onChange={(e) => setV({ ...v, contactName: e.target.value })} />
        </Field>
        <Field id="nc-phone" label={t('intake.newCustomer.phone')} error={errors.phone}>
          <input value={v.phone} inputMode="tel" onChange={(e) => setV({ ...v, phone: e.target.value })} />
        </Field>
      </div>
      <Field id="nc-address" label={t('intake.newCustomer.address')} error={errors.address}>
        <input value={v.address} onChange={(e) => setV({ ...v, address: e.target.value })} />
      </Field>
      <div className="row2">
        <Field id="nc-region" label={t('intake.newCustomer.region')} error={errors.regionCode}>
          <select value={v.regionCode} onChange={(e) => chooseRegion(e.target.value)}>
            <option value="">—</option>
            {byPrefecture.map(([prefecture, counties]) => (
              <optgroup key={prefecture} label={prefecture}>
                {counties.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <SelectField id="nc-zone" label={t('intake.newCustomer.zone')} value={v.zone} options={ZONES} labelOf={(z) => t(`enums.zone.${z}`)} onChange={(zone) => setV({ ...v, zone })} error={errors.zone} />
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={save}>
          {t('intake.newCustomer.save')}
        </button>
      </div>
    </fieldset>
  )
}
