/**
 * Partial builds, the rebuild service's publish path. With PUBLISHER_PAGE_KEYS naming a folder,
 * each keyed route renders only the paths whose cache key (lib/cache-keys.ts: everything the page
 * shows) differs from the key recorded when the live release was built, and records this build's
 * keys of all its paths beside them (`<route>.next.json`), with what it rendered and what is gone
 * (`<route>.changes.json`; the folder's contract: shared/src/page-keys.ts). The service makes the
 * release from the live one plus what was rendered, removes the paths no route has any more, and
 * keeps the new keys once the release is live (publisher/partial.ts). Without the variable, as in a
 * plain `astro build`, every path is rendered.
 *
 * A build costs what changed, not what the archive holds: Astro neither visits nor copies the
 * unchanged pages (its own experimental incremental build did both, 20 s for 15,000 pages at 10k,
 * plus a 143 MB manifest written every build).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHANGES, KEYS, NEXT_KEYS, PAGE_KEYS_ENV, routeOfKeys, type RouteChanges } from '@toasoan/shared/page-keys';

export { PAGE_KEYS_ENV };

interface KeyedPath {
  params: Record<string, string | number | undefined>;
  cacheKey: string;
}

/**
 * The addresses of a route's paths: `/tin-tuc/[slug]/` with { slug: 'a' } → `/tin-tuc/a/`. The
 * pattern is split once per route, not matched again for each of its (up to 50,000) paths.
 */
export const pathMaker = (pattern: string) => {
  // Odd-numbered parts are parameter names: ['/tin-tuc/', 'slug', '/'].
  const parts = pattern.split(/\[(\w+)\]/);
  return (params: KeyedPath['params']): string => {
    let address = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = params[parts[i]!];
      if (value === undefined) throw new Error(`${pattern}: no value for [${parts[i]}]`);
      address += String(value) + parts[i + 1]!;
    }
    return address;
  };
};

/** The file a route's keys are kept in: `/tin-tuc/[slug]/` → `tin-tuc_slug_`. */
export const keysFileOf = (pattern: string) => pattern.replace(/^\/|\/$/g, '').replace(/[^a-z0-9-]+/gi, '_');

const readKeys = (file: string): Record<string, string> | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
};

/** A route's keys in the live release, and how many (counted once, not per build step). */
interface LiveKeys {
  keys: Record<string, string>;
  count: number;
}
const liveKeysOf = (keys: Record<string, string> | null): LiveKeys => ({ keys: keys ?? {}, count: keys ? Object.keys(keys).length : 0 });
const NO_KEYS = liveKeysOf(null);

/** Keys read when the build started, by route file name (`tin-tuc_slug_`); shared by the config's and the bundle's copies of this module. */
const KEYS_AHEAD = Symbol.for('toasoan.partialBuild.keysAhead');
type KeysAhead = Map<string, LiveKeys>;

/**
 * Reads the live release's keys of every route as the build starts (integrations/read-ahead.ts). In
 * a standby build (lib/standby.ts) that is before the publish comes, so the routes do not read
 * them on the publish's critical path (~0.1 s at 50,000 articles). The rebuild service keeps the
 * folder unchanged while a standby build waits.
 */
export const readKeysAhead = () => {
  const dir = process.env[PAGE_KEYS_ENV];
  if (!dir) return;
  const ahead: KeysAhead = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No folder yet: no route has keys.
  }
  for (const name of names) {
    const route = routeOfKeys(name);
    if (route !== null) ahead.set(route, liveKeysOf(readKeys(path.join(dir, name))));
  }
  (globalThis as Record<symbol, unknown>)[KEYS_AHEAD] = ahead;
};

const keysAhead = () => (globalThis as Record<symbol, KeysAhead | undefined>)[KEYS_AHEAD];

/** Every keyed route's addresses this build, rendered or not, by route file name (the sitemap's list). */
const ADDRESSES = Symbol.for('toasoan.partialBuild.addresses');
const addressRegistry = () => ((globalThis as Record<symbol, Map<string, string[]> | undefined>)[ADDRESSES] ??= new Map());

/** The addresses of every keyed route in this build, rendered or carried over (integrations/sitemap.ts). */
export const keyedAddresses = (): string[] => [...addressRegistry().values()].flat();

/**
 * Wraps a keyed route's getStaticPaths: `pattern` is the route's address with its parameters
 * (`/tin-tuc/[slug]/`), from which each path's address is made.
 */
export const renderChanged =
  <T extends KeyedPath>(pattern: string, paths: () => Promise<T[]>) =>
  async (): Promise<T[]> => {
    const all = await paths();
    const dir = process.env[PAGE_KEYS_ENV];
    if (!dir) return all;
    const name = keysFileOf(pattern);
    const ahead = keysAhead();
    const live = ahead ? (ahead.get(name) ?? NO_KEYS) : liveKeysOf(readKeys(path.join(dir, `${name}${KEYS}`)));
    // The new keys as JSON text, not an object of up to 50,000 properties made only to be serialised.
    const next: string[] = [];
    const addresses: string[] = [];
    const changes: RouteChanges = { rendered: [], removed: [] };
    /** Paths the live release has too: when all of its paths are still here, none was removed. */
    let stillHere = 0;
    const addressOf = pathMaker(pattern);
    const changed = all.filter((entry) => {
      const address = addressOf(entry.params);
      addresses.push(address);
      next.push(`${JSON.stringify(address)}:${JSON.stringify(entry.cacheKey)}`);
      const before = live.keys[address];
      if (before !== undefined) stillHere += 1;
      if (before === entry.cacheKey) return false;
      changes.rendered.push(address);
      return true;
    });
    if (stillHere < live.count) {
      const here = new Set(addresses);
      changes.removed = Object.keys(live.keys).filter((address) => !here.has(address));
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}${NEXT_KEYS}`), `{${next.join(',')}}`);
    writeFileSync(path.join(dir, `${name}${CHANGES}`), JSON.stringify(changes));
    addressRegistry().set(name, addresses);
    return changed;
  };
