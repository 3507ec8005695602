// Accounts and tokens. Passwords: scrypt (memory-hard, in Node's crypto), 32 MiB per hash.
// Tokens: the user id and an expiry, signed with HMAC-SHA256; no server-side session to lose.
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEYLEN = 32

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password, salt, KEYLEN, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem })
  return timingSafeEqual(actual, expected)
}

export interface TokenClaims {
  sub: string
  exp: number
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url')

export function signToken(secret: string, claims: TokenClaims): string {
  const body = b64(JSON.stringify(claims))
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`
}

/** The claims of a genuine, unexpired token; null for anything else. */
export function verifyToken(secret: string, token: string, now = Date.now()): TokenClaims | null {
  const [body, sig] = token.split('.')
  if (!body || !sig) return null
  const expected = createHmac('sha256', secret).update(body).digest()
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims
    return typeof claims.sub === 'string' && typeof claims.exp === 'number' && claims.exp > now ? claims : null
  } catch {
    return null
  }
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function newPassword(): string {
  return randomBytes(9).toString('base64url')
}
