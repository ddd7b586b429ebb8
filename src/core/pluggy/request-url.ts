// Builds request URLs under the configured baseUrl: encoded query strings, and `next` links followed verbatim.
import { AppError } from '../../shared/errors';
import { isSecretKey } from '../logging/secret-keys';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** The baseUrl with a trailing slash, so relative paths keep any path prefix it has (a proxy, a sandbox). */
export function normalizeBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (err) {
    throw new AppError('invalid_input', `The Pluggy baseUrl "${baseUrl}" is not a URL.`, { cause: err });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_input', `The Pluggy baseUrl must be http(s), not ${url.protocol}`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/**
 * Query parameters, every value percent-encoded. Arrays become Pluggy's comma lists (`ids=a,b`); an element
 * that itself contains a comma cannot be sent unambiguously and is refused before any request.
 */
export function toSearchParams(params: Record<string, QueryValue>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const list = value as readonly string[];
      const bad = list.find((v) => v.includes(','));
      if (bad !== undefined) {
        throw new AppError(
          'invalid_input',
          `A value of "${key}" contains a comma, which Pluggy's lists cannot carry.`,
          {
            details: { parameter: key },
          },
        );
      }
      if (list.length > 0) search.set(key, list.join(','));
      continue;
    }
    search.set(key, String(value));
  }
  return search;
}

/** `base` + `path` (without a leading slash) + encoded query. Path segments given by callers are encoded. */
export function endpointUrl(base: URL, segments: readonly string[], query?: URLSearchParams): URL {
  const path = segments.map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
  const url = new URL(path, base);
  if (query && [...query.keys()].length > 0) url.search = query.toString();
  return url;
}

/**
 * Where a `/v2/transactions` `next` points, taken as given: an absolute URL on the baseUrl's origin is used
 * unchanged; a query string (`?a=1&after=…` or `a=1&after=…`) is appended to `<base>/v2/transactions`; a path
 * is resolved under the baseUrl. An absolute URL on another origin keeps its path and query but is re-rooted
 * on the baseUrl, so the apiKey never travels to a host the user did not configure.
 */
export function resolveNext(base: URL, next: string): { url: URL; rerooted: boolean } {
  const trimmed = next.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    const url = new URL(trimmed);
    if (url.origin === base.origin) return { url, rerooted: false };
    const local = new URL(`${url.pathname.replace(/^\/+/, '')}${url.search}`, base);
    return { url: local, rerooted: true };
  }
  if (trimmed.startsWith('?')) return { url: new URL(`v2/transactions${trimmed}`, base), rerooted: false };
  if (trimmed.startsWith('/')) return { url: new URL(trimmed.replace(/^\/+/, ''), base), rerooted: false };
  if (/^[^/?=&]+=/.test(trimmed))
    return { url: new URL(`v2/transactions?${trimmed}`, base), rerooted: false };
  return { url: new URL(trimmed, base), rerooted: false };
}

/**
 * The URL of the `/v2/transactions` page after `next`. Pluggy's link is relative and its cursor (`after`)
 * encodes only a date and an id; whether it repeats the filters is not promised. So, as pluggy-sdk does, the
 * caller's own filters are sent again with the cursor: a date range never runs on into its neighbour's rows.
 * A link without `after` is followed as given.
 */
export function nextPageUrl(
  base: URL,
  next: string,
  filters: URLSearchParams,
): { url: URL; rerooted: boolean } {
  const resolved = resolveNext(base, next);
  const after = resolved.url.searchParams.get('after');
  if (after === null || after === '') return resolved;
  const search = new URLSearchParams(filters);
  search.set('after', after);
  return { url: endpointUrl(base, ['v2/transactions'], search), rerooted: resolved.rerooted };
}

/** Path and query of a URL for logs and errors: values under secret-looking names are hidden. */
export function describeUrl(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) if (isSecretKey(key)) params.set(key, '[redacted]');
  const query = params.toString();
  return query === '' ? url.pathname : `${url.pathname}?${query}`;
}
