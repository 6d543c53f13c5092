import * as z from 'zod/mini';

/**
 * Contract between the site build and whatever answers old addresses (the publisher's site server,
 * and nginx through it): every release carries this file at its root, mapping an old path to the
 * path that replaced it. The server answers 301 for a listed path and 404 for anything else.
 */
export const REDIRECTS_FILE = '_redirects.json';

/** Site-absolute paths only ("/tin-tuc/abc.html" → "/tin-tuc/abc/"); never a full URL to elsewhere. */
const sitePath = z.string().check(z.regex(/^\/(?!\/)/, 'phải là đường dẫn bắt đầu bằng "/"'));

export const redirectMapSchema = z.record(sitePath, sitePath);

export type RedirectMap = z.infer<typeof redirectMapSchema>;

/** Why an address cannot be a redirect's end; Vietnamese, shown to editors after the field's name. */
export class SitePathError extends Error {}

const BASE = 'http://toasoan.invalid';
/** "/", or "/" + segments of unreserved ASCII, none empty or starting with a dot (so no dot segments). */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/|$))*$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Characters that keep their escape: decoded they would change where the path ends or splits.
const KEEP_ESCAPED = /[%/?#]/g;
const escape = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** `%E1%BB%A9` → `ứ`; runs that are not UTF-8 stay escaped (upper case, so one spelling). */
const decodeEscapes = (path: string) =>
  path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16));
    try {
      return UTF8.decode(bytes).replace(KEEP_ESCAPED, escape);
    } catch {
      return run.toUpperCase();
    }
  });

export interface SitePath {
  /** Decoded, NFC, leading "/", no repeated slashes or dot segments. */
  path: string;
  /** "?a=b" or "" */
  search: string;
  /** "#x" or "" */
  hash: string;
}

/**
 * One spelling per address, so a map key matches however a link, a browser or an editor writes it:
 * - dot segments resolved, backslashes read as slashes (WHATWG URL parsing, as browsers do), repeated
 *   slashes collapsed;
 * - percent escapes decoded and the text NFC: `/tin-t%E1%BB%A9c`, `/tin-tức` and its decomposed form
 *   (pasted from a Mac or Word) are one key; `%2F`, `%25`, `%3F`, `%23` stay escaped because decoded
 *   they would change the path's meaning;
 * - letter case kept: paths are case-sensitive (RFC 3986) and two old pages may differ only by case;
 *   NukeViet writes lower-case aliases, so links in the wild already match.
 * `allowOrigin`: a full http(s) URL is accepted and only its path kept (an old site's address copied
 * from the browser: that host is this site now); otherwise it is refused.
 */
export const parseSitePath = (input: string, { allowOrigin = false }: { allowOrigin?: boolean } = {}): SitePath => {
  const text = input.trim();
  // Already its one spelling: what the site makes of ASCII slugs (a release's map holds one entry
  // per article, 50,000 at 50k articles, each parsed up to twice per build).
  if (PLAIN_PATH.test(text)) return { path: text, search: '', hash: '' };
  if (text === '') throw new SitePathError('không được để trống');
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new SitePathError('chứa ký tự điều khiển');
  const hasOrigin = /^[a-z][a-z0-9+.-]*:/i.test(text) || /^[/\\]{2}/.test(text);
  let url: URL;
  try {
    url = new URL(hasOrigin || text.startsWith('/') ? text : `/${text}`, BASE);
  } catch {
    throw new SitePathError('không phải là đường dẫn hợp lệ');
  }
  // "/\evil.example" parses as a host too: judged by the result, not by the text.
  if (url.origin !== BASE) {
    if (!allowOrigin) throw new SitePathError('phải là đường dẫn trong trang này, bắt đầu bằng "/" (không phải địa chỉ trang khác)');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SitePathError('chỉ nhận địa chỉ http:// hoặc https://');
  }
  const path = decodeEscapes(url.pathname.replace(/\/{2,}/g, '/')).normalize('NFC');
  if (/[\u0000-\u001f\u007f]/.test(path)) throw new SitePathError('chứa ký tự điều khiển');
  return { path, search: url.search, hash: url.hash };
};

/** A path as it goes into a Location header: non-ASCII and unsafe characters escaped, existing escapes kept. */
export const toHref = (pathAndQuery: string) =>
  pathAndQuery.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%?#]/gu, (char) => encodeURIComponent(char));

/**
 * The map entries a request path may match, in order: itself, then the same address with and
 * without the trailing slash or ".html" (old sites linked all three forms of one page).
 */
export const pathVariants = (path: string): string[] => {
  if (path.endsWith('/')) {
    const bare = path.slice(0, -1);
    return bare === '' ? [path] : [path, bare, `${bare}.html`];
  }
  if (path.endsWith('.html')) {
    const bare = path.slice(0, -'.html'.length);
    return [path, bare, `${bare}/`];
  }
  return [path, `${path}/`, `${path}.html`];
};

/** A request's path and query as the site spells them; null for an address that is no site path. */
const requestOf = (rawUrl: string): SitePath | null => {
  try {
    return parseSitePath(rawUrl);
  } catch {
    return null;
  }
};

/**
 * Where a request for `rawUrl` (path and query as received) is sent, or null. The request's query
 * is kept unless the target has its own; a target equal to the request itself is never answered
 * (that would be a redirect loop).
 */
export const resolveRedirect = (map: RedirectMap, rawUrl: string): string | null => {
  const request = requestOf(rawUrl);
  if (!request) return null;
  for (const candidate of pathVariants(request.path)) {
    const target = map[candidate];
    if (target === undefined) continue;
    const to = parseSitePath(target);
    if (to.path === request.path) continue;
    return toHref(`${to.path}${to.search || request.search}${to.hash}`);
  }
  return null;
};

/** An article's old print page, `/tin-tuc/<slug>/ban-in/`: the article page prints itself now. */
const PRINT_PAGE = /^(\/tin-tuc\/[^/]+\/)ban-in\/$/;

/**
 * For a request of an article's old print page (any of pathVariants' forms): the article's path
 * and its href with the request's query. One rule for every article, so the redirect map does not
 * list each of them (50,000 entries at 50,000 articles, written and checked on every publish).
 */
export const printPageArticle = (rawUrl: string): { path: string; href: string } | null => {
  const request = requestOf(rawUrl);
  if (!request) return null;
  for (const candidate of pathVariants(request.path)) {
    const article = PRINT_PAGE.exec(candidate)?.[1];
    if (article) return { path: article, href: toHref(`${article}${request.search}`) };
  }
  return null;
};

/**
 * The release's map from its sources (CMS redirects, then the site's own moved addresses, which win
 * for the same path), checked against the schema. Chains are shortened to one hop (a → b → c gives
 * a → c: one 301 for readers and search engines); entries that lead back to themselves are dropped
 * and reported, never served as an endless loop.
 */
export const mergeRedirects = (...sources: Record<string, string>[]): { map: RedirectMap; loops: string[] } => {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    for (const [from, to] of Object.entries(source)) merged[parseSitePath(from, { allowOrigin: true }).path] = to;
  }
  const map: RedirectMap = {};
  const loops: string[] = [];
  for (const from of Object.keys(merged).sort()) {
    const seen = new Set([from]);
    let target = merged[from]!;
    let path = parseSitePath(target).path;
    while (merged[path] !== undefined && !seen.has(path)) {
      seen.add(path);
      target = merged[path]!;
      path = parseSitePath(target).path;
    }
    if (seen.has(path)) loops.push(from);
    else map[from] = target;
  }
  return { map: redirectMapSchema.parse(map), loops };
};
