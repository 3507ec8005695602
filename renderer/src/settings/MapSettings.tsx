// 设置 → 地图: the board's optional online tiles (the offline basemap is always there) and the
// travel-time model the suggestions use.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZONES } from '../../../shared/domain/enums'
import { desk } from '../api/client'
import { useFormSubmit } from '../api/useFormSubmit'
import { useDeskQuery } from '../api/useDeskQuery'
import { useApp } from '../store/app'
import { useBoard, type BoardSettings } from '../store/board'
import { Field, SelectField } from '../tickets/fields'

interface Form {
  tileUrl: string
  tileAttribution: string
  tileCrs: BoardSettings['tileCrs']
  roadFactor: string
  speedKmh: Record<(typeof ZONES)[number], string>
}

const toForm = (s: BoardSettings): Form => ({
  tileUrl: s.tileUrl ?? '',
  tileAttribution: s.tileAttribution,
  tileCrs: s.tileCrs,
  roadFactor: String(s.roadFactor),
  speedKmh: { city: String(s.speedKmh.city), suburb: String(s.speedKmh.suburb), county: String(s.speedKmh.county) },
})

export function MapSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const showToast = useApp((s) => s.showToast)
  const { data } = useDeskQuery('board.settings', {})
  const [form, setForm] = useState<Form | null>(null)
  const { errors, formError, busy, submit } = useFormSubmit()
  useEffect(() => {
    if (data) setForm(toForm(data))
  }, [data])
  if (!form) return <section aria-label={t('settings.map.title')} />

  const edit = (name: 'tileUrl' | 'tileAttribution' | 'roadFactor') => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.target.value })
  function save(e: React.FormEvent) {
    e.preventDefault()
    void submit(async () => {
      const saved = await desk.call('board.saveSettings', {
        tileUrl: form!.tileUrl.trim() || null,
        tileAttribution: form!.tileAttribution.trim(),
        tileCrs: form!.tileCrs,
        roadFactor: Number(form!.roadFactor),
        speedKmh: { city: Number(form!.speedKmh.city), suburb: Number(form!.speedKmh.suburb), county: Number(form!.speedKmh.county) },
      })
      useBoard.getState().setSettings(saved)
      showToast(t('settings.map.saved'))
    })
  }

  return (
    <section aria-labelledby="map-settings-title">
      <h2 id="map-settings-title">{t('settings.map.title')}</h2>
      <p className="sub">{t('settings.map.hint')}</p>
      <form onSubmit={save} noValidate aria-busy={busy}>
        <Field id="map-tile-url" label={t('settings.map.tileUrl')} error={errors.tileUrl}>
          <input type="url" spellCheck={false} placeholder="https://tile.example.org/{z}/{x}/{y}.png" value={form.tileUrl} onChange={edit('tileUrl')} />
        </Field>
        <div className="row2">
          <Field id="map-tile-attribution" label={t('settings.map.attribution')} error={errors.tileAttribution}>
            <input value={form.tileAttribution} onChange={edit('tileAttribution')} />
          </Field>
          <SelectField
            id="map-tile-crs"
            label={t('settings.map.crs')}
            value={form.tileCrs}
            options={['wgs84', 'gcj02'] as const}
            labelOf={(v) => t(`settings.map.crsName.${v}`)}
            onChange={(tileCrs) => setForm({ ...form, tileCrs })}
            error={errors.tileCrs}
          />
        </div>
        <div className="row2">
          <Field id="map-road-factor" label={t('settings.map.roadFactor')} error={errors.roadFactor}>
            <input type="number" step="0.1" min="1" max="3" value={form.roadFactor} onChange={edit('roadFactor')} />
          </Field>
          {ZONES.map((z) => (
            <Field key={z} id={`map-speed-${z}`} label={t('settings.map.speed', { zone: t(`enums.zone.${z}`) })} error={errors[`speedKmh.${z}`]}>
              <input type="number" min="5" max="120" value={form.speedKmh[z]} onChange={(e) => setForm({ ...form, speedKmh: { ...form.speedKmh, [z]: e.target.value } })} />
            </Field>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
      </form>
    </section>
  )
}
