export { zhCN } from './zh-CN'
export { en } from './en'
export { translate, type Catalog, type MessageKey } from './catalog'
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
