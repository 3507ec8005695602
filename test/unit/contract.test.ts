import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { commands, events, mutations, queries } from '../../shared/api/contract'
import { EVENT_NAMES, METHOD_NAMES, MUTATION_NAMES } from '../../shared/api/methods'
import { parseInput } from '../../shared/api/validate'
import { DeskError } from '../../shared/api/errors'
import { TicketDraft } from '../../shared/api/schemas'
import { mutators } from '../../shared/mutators'
import { en, translate, zhCN } from '../../shared/i18n'

function leaves(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)))
}

describe('the contract', () => {
  it('the preload name lists are exactly the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...Object.keys(queries), ...Object.keys(mutations), ...Object.keys(commands)].sort())
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort())
    expect([...MUTATION_NAMES].sort()).toEqual(Object.keys(mutations).sort())
  })

  it('every mutation has a mutator', () => {
    expect(Object.keys(mutators).sort()).toEqual(Object.keys(mutations).sort())
  })

  it('Chinese and English catalogs have the same keys and no empty text', () => {
    expect(leaves(en).sort()).toEqual(leaves(zhCN).sort())
    for (const key of leaves(zhCN)) expect(key).not.toBe('')
  })

  it('a message names a status in the reader\'s language, in the desk core and through i18next alike', async () => {
    expect(translate(zhCN, 'errors.ticket.cannotDepart', { status: 'new' })).toBe('工单当前为「待派工」，不能标记为在途')
    expect(translate(en, 'errors.ticket.cannotDepart', { status: 'on_site' })).toBe('The ticket is now “On site”; it cannot be marked en route')
    // a value filled in is never read as a nested message
    expect(translate(zhCN, 'errors.ticket.alreadyHelper', { name: '$t(app.title)' })).toBe('$t(app.title) 已经是这张工单的协助工程师')
    const i18n = i18next.createInstance()
    await i18n.init({ lng: 'zh-CN', fallbackLng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } })
    expect(i18n.t('errors.ticket.cannotDepart', { status: 'new' })).toBe('工单当前为「待派工」，不能标记为在途')
    await i18n.changeLanguage('en')
    expect(i18n.t('errors.ticket.cannotArrive', { status: 'escalated' })).toBe(translate(en, 'errors.ticket.cannotArrive', { status: 'escalated' }))
  })

  it('every message key a schema can report exists in the catalogs', () => {
    const keys = new Set(leaves(zhCN))
    try {
      parseInput(TicketDraft, { customerId: '', reporterPhone: 'abc', faultDescription: ' ', category: 'x', faultLevel: 'y', channel: 'z', serviceMode: 'w' })
      expect.unreachable()
    } catch (e) {
      const issues = (e as DeskError).body.issues!
      expect(issues.map((i) => i.path).sort()).toEqual(['category', 'channel', 'customerId', 'faultDescription', 'faultLevel', 'reporterPhone', 'serviceMode'])
      for (const i of issues) expect(keys.has(i.key)).toBe(true)
    }
  })

  it.each([
    [{ faultDescription: 'x'.repeat(2001) }, 'faultDescription', 'errors.field.tooLong', '内容过长（最多 2000 字）'],
    [{ reporterPhone: '12345' }, 'reporterPhone', 'errors.field.phoneInvalid', '电话号码格式不正确（手机 11 位，座机带区号）'],
    [{ faultDescription: '   ' }, 'faultDescription', 'errors.field.faultDescriptionRequired', '请填写故障描述'],
  ])('bad field %o is reported on %s', (patch, path, key, message) => {
    const base = { customerId: 'c1', reporterPhone: '13888000001', faultDescription: '黑屏', category: 'desktop', faultLevel: 'general', channel: 'phone', serviceMode: 'onsite' }
    const result = (() => {
      try {
        parseInput(TicketDraft, { ...base, ...patch })
      } catch (e) {
        return (e as DeskError).body
      }
    })()
    expect(result?.code).toBe('validation')
    expect(result?.message).toBe('输入有误，请检查标红的项目')
    expect(result?.issues).toEqual([expect.objectContaining({ path, key })])
    expect(translate(zhCN, key, result?.issues?.[0]?.params)).toBe(message)
  })
})
