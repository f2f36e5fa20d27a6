/**
 * A team server's address as the user types it: an http(s) URL with no credentials, reduced to
 * its origin (what the browser's permission is asked for, `<origin>/*`) and the base the routes
 * hang from. Pure.
 */
export interface TeamAddress {
  /** `http://127.0.0.1:8787` */
  origin: string;
  /** The origin with the path the user gave, without a trailing slash: routes are `${base}/v1/...`. */
  base: string;
  /** The permission pattern for this one origin. */
  pattern: string;
}

export function teamAddress(input: string): TeamAddress | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) return null;
  const base = (url.origin + url.pathname).replace(/\/+$/, '');
  return { origin: url.origin, base, pattern: `${url.origin}/*` };
}
