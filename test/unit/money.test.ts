// 大写金额: the amount in Chinese capitals on printed slips, and the figures beside it.
import { describe, expect, it } from 'vitest'
import { amountInCapitals, yuanFigures } from '../../shared/domain/money'

describe('amountInCapitals (fen in, as the payment rules write it)', () => {
  it.each([
    // the edge values
    [0, '零元整'],
    [1000, '壹拾元整'],
    [10005, '壹佰元零伍分'],
    [100000000, '壹佰万元整'],
    [1001010, '壹万零壹拾元壹角整'],
    // zeros inside a group, across 万 and 亿, and only 角 / 分
    [50, '伍角整'],
    [5, '伍分'],
    [55, '伍角伍分'],
    [101, '壹元零壹分'],
    [110, '壹元壹角整'],
    [5000, '伍拾元整'],
    [101000, '壹仟零壹拾元整'],
    [10000500, '壹拾万零伍元整'],
    [10050000, '壹拾万零伍佰元整'],
    [100000000000, '壹拾亿元整'],
    [100000100, '壹佰万零壹元整'],
    [12345678901, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    [-3050, '负叁拾元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(amountInCapitals(fen)).toBe(text)
  })

  it('refuses what is not a whole number of fen', () => {
    expect(() => amountInCapitals(10.5)).toThrow(RangeError)
  })
})

describe('yuanFigures', () => {
  it.each([
    [0, '0.00'],
    [10005, '100.05'],
    [100000000, '1,000,000.00'],
    [1001010, '10,010.10'],
    [-50, '-0.50'],
  ])('%i fen → %s', (fen, text) => expect(yuanFigures(fen)).toBe(text))
})
