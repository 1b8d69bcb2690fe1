// Secrets a client puts in a URL (?access_token=…, ?token=…): a URL is logged and echoed back in
// problem answers, so their values are replaced wherever a URL leaves the process. Tokens go in
// the Authorization header; a client that sends one in the query must not see it spread.

/** Query parameters that carry credentials, by name (case and - or _ aside). */
const SECRET_PARAMETER =
  /^(?:access[-_]?token|token|auth|authorization|bearer|api[-_]?key|apikey|key|secret|client[-_]?secret|password|passwd|pwd|id[-_]?token|refresh[-_]?token|session|sessionid|sig|signature)$/i

export const REDACTED = '[redacted]'

function nameOf(pair: string): string {
  const raw = pair.split('=', 1)[0]!
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return raw
  }
}

/** The URL with the value of every credential parameter replaced; anything else as it was. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?')
  if (mark < 0) return url
  const hash = url.indexOf('#', mark)
  const query = url.slice(mark + 1, hash < 0 ? undefined : hash)
  const redacted = query
    .split('&')
    .map((pair) =>
      SECRET_PARAMETER.test(nameOf(pair)) ? `${pair.split('=', 1)[0]}=${REDACTED}` : pair,
    )
    .join('&')
  return `${url.slice(0, mark + 1)}${redacted}${hash < 0 ? '' : url.slice(hash)}`
}
