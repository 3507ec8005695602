import { DeskError } from '../../../shared/api/errors'

/** A rule the desk refused (a tag in use, a receipt that does not match), told next to the field it is about. */
export function onField(e: unknown, fields: Record<string, string>): unknown {
  if (!(e instanceof DeskError) || e.body.code !== 'rule') return e
  const path = fields[e.body.key]
  return path ? new DeskError({ ...e.body, issues: [{ path, key: e.body.key, params: e.body.params }] }) : e
}
