import type { zhCN } from './zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
/** Every language has exactly the keys of the Chinese catalog. */
export type Catalog = Widen<typeof zhCN>

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]
/** A dotted key of a message, e.g. 'errors.field.phoneInvalid'. */
export type MessageKey = Leaves<Catalog>

const fill = (text: string, params: Record<string, unknown>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))

/**
 * Looks up a dotted key and fills {{name}} placeholders; used where i18next is not loaded (desk core, scripts).
 * `$t(enums.status.{{status}})` nests another message, as i18next does in the renderer, so a message can
 * name a code in the reader's language (e.g. a ticket's status). Values filled in are never read as nesting.
 */
export function translate(catalog: Catalog, key: string, params: Record<string, unknown> = {}): string {
  let node: unknown = catalog
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  if (typeof node !== 'string') return key
  return node.replace(/\$t\(([^()]*)\)|\{\{(\w+)\}\}/g, (_, nested: string | undefined, name: string | undefined) =>
    nested !== undefined ? translate(catalog, fill(nested, params)) : String(params[name!] ?? ''),
  )
}
