// Phone numbers as callers say them: mobiles (1xx xxxx xxxx), landlines with area code
// (0871-6512 3456), with or without spaces, dashes or the +86 prefix.

/** Keeps only digits, drops a leading +86/0086 country code. */
export function normalizePhone(raw: string): string {
  let digits = raw.replace(/[\s\-()（）]/g, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  return digits
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}$/
const LOCAL_LANDLINE = /^[2-9]\d{6,7}$/

export function isValidPhone(raw: string): boolean {
  const p = normalizePhone(raw)
  return MOBILE.test(p) || LANDLINE.test(p) || LOCAL_LANDLINE.test(p)
}

/** A number worth looking up while the dispatcher is still typing it. */
export function isPhonePrefix(raw: string): boolean {
  return /^\d{3,}$/.test(normalizePhone(raw))
}
