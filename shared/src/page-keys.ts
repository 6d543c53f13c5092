/**
 * The page-keys folder shared by the rebuild service (publisher/partial.ts) and the site's partial
 * builds (web/src/lib/partial-build.ts), named by PAGE_KEYS_ENV. Per keyed route (`tin-tuc_slug_`
 * for `/tin-tuc/[slug]/`):
 *
 * - `<route>.json`: address → cache key of every page of the live release;
 * - `<route>.next.json`: the same for the build's pages, written by the build, kept once it is live;
 * - `<route>.changes.json`: what the build changed against `<route>.json` (RouteChanges), so the
 *   service makes the release without reading and comparing every key of the archive.
 *
 * The service's own files beside them: `assets.json` (each page's `/_astro/` files) and `release`
 * (the live release the keys describe).
 */
export const PAGE_KEYS_ENV = 'PUBLISHER_PAGE_KEYS';
export const KEYS = '.json';
export const NEXT_KEYS = '.next.json';
export const CHANGES = '.changes.json';
export const ASSETS_FILE = 'assets.json';
export const RELEASE_STAMP = 'release';

export interface RouteChanges {
  /** Addresses the build rendered: new, or their key changed. */
  rendered: string[];
  /** Addresses of the live release this route no longer has. */
  removed: string[];
}

/** The route a file of the folder keeps the live release's keys of (`tin-tuc_slug_`), or null for any other file. */
export const routeOfKeys = (name: string): string | null =>
  name.endsWith(KEYS) && !name.endsWith(NEXT_KEYS) && !name.endsWith(CHANGES) && name !== ASSETS_FILE ? name.slice(0, -KEYS.length) : null;
