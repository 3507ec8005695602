// Money as the forms write it: fen (分) in the store, yuan with two decimals on screen, and the amount
// in Chinese capitals (大写金额) on printed slips, as the payment rules (《支付结算办法》) ask: 壹贰叁…,
// one 零 for a run of zeros, 整 after 元 or 角 and never after 分.

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const UNITS = ['仟', '佰', '拾', ''] as const
/** 万 and 亿 for each group of four digits, lowest first. */
const GROUPS = ['', '万', '亿', '万亿'] as const

/** A group of up to four digits (1–9999), its own zeros folded: 1010 → 壹仟零壹拾. */
function groupText(n: number): string {
  const digits = String(n).padStart(4, '0')
  let out = ''
  let zero = false
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i])
    if (d === 0) {
      zero = out !== ''
      continue
    }
    if (zero) out += '零'
    out += DIGITS[d]! + UNITS[i]!
    zero = false
  }
  return out
}

function integerText(yuan: number): string {
  const groups: number[] = []
  for (let n = yuan; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000)
  let out = ''
  let zero = false
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!
    if (g === 0) {
      zero = out !== ''
      continue
    }
    // a gap, or a group that does not fill its four places, after a higher one: 壹万零伍
    if (out !== '' && (zero || g < 1000)) out += '零'
    out += groupText(g) + GROUPS[i]!
    zero = false
  }
  return out
}

/** 大写金额 of an amount in fen: 1001010 → 壹万零壹拾元壹角整. */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`)
  if (fen < 0) return `负${amountInCapitals(-fen)}`
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const cents = fen % 10
  if (fen === 0) return '零元整'
  let out = yuan > 0 ? `${integerText(yuan)}元` : ''
  if (jiao > 0) out += `${DIGITS[jiao]}角`
  else if (cents > 0 && yuan > 0) out += '零'
  if (cents > 0) return `${out}${DIGITS[cents]}分`
  return `${out}整`
}

/** fen → "1,234.50" (the figures column of a slip; the ¥ is the form's). */
export function yuanFigures(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`
}
