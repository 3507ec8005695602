import { describe, expect, it } from 'vitest'
import { isValidPhone, normalizePhone } from '../../shared/domain/phone'

describe('phone numbers as callers give them', () => {
  it.each([
    ['13888000001', '13888000001', true],
    ['138 8800 0001', '13888000001', true],
    ['138-8800-0001', '13888000001', true],
    ['+86 138 8800 0001', '13888000001', true],
    ['008613888000001', '13888000001', true],
    ['0871-6512 3456', '087165123456', true],
    ['(0871)65123456', '087165123456', true],
    ['0874-3311000', '08743311000', true],
    ['65123456', '65123456', true],
    ['12888000001', '12888000001', false], // no mobile starts 12
    ['1388800000', '1388800000', false], // 10 digits
    ['abcdefg', 'abcdefg', false],
    ['', '', false],
    ['0871', '0871', false],
  ])('%s → %s (valid: %s)', (raw, normalized, valid) => {
    expect(normalizePhone(raw)).toBe(normalized)
    expect(isValidPhone(raw)).toBe(valid)
  })
})
