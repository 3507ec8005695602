import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en, zhCN, type Catalog, type Language } from '../../../shared/i18n'

const STORAGE_KEY = 'desk.language'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalog }
  }
}

export function savedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: savedLanguage(),
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = i18next.language
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang)
  await i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}
