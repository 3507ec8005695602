/** The renderer's Content-Security-Policy, sent by both hosts of the page (app:// in Electron, loopback HTTP in browser mode). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
