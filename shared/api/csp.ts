/** The renderer's Content-Security-Policy, sent by both hosts of the page (app:// in Electron, loopback HTTP in browser mode).
 * Images may come from any http(s) host for the board's optional online map tiles (an intranet tile server too) (设置 → 地图); scripts and connections stay 'self'. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https: http:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
