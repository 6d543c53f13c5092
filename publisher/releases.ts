import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { REDIRECTS_FILE, redirectMapSchema } from '../shared/src/redirects.ts';

/** `20250131T235959123Z-a1b2c3`: sorts chronologically as a string. */
const RELEASE_ID = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;
const PARTIAL_SUFFIX = '.partial';

export function newReleaseId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Builds write here; only a checked build is renamed to its final name, so a crash leaves nothing half-built that looks finished. */
export function partialDir(releasesDir: string, id: string): string {
  return join(releasesDir, id + PARTIAL_SUFFIX);
}

/** Throws with a reason a person can act on when the build output is not a servable site. */
export async function checkRelease(dir: string, expectedPages: readonly string[]): Promise<void> {
  const index = await stat(join(dir, 'index.html')).catch(() => null);
  if (!index?.isFile()) throw new Error('check failed: index.html is missing');
  if (index.size === 0) throw new Error('check failed: index.html is empty');
  const missing: string[] = [];
  for (const page of ['404.html', ...expectedPages]) {
    const info = await stat(join(dir, page)).catch(() => null);
    if (!info?.isFile()) missing.push(page);
  }
  if (missing.length) throw new Error(`check failed: missing ${missing.join(', ')}`);
  // The redirect map is read by the server once the release is live: a broken one never goes live.
  const redirects = await readFile(join(dir, REDIRECTS_FILE), 'utf8').catch(() => null);
  if (redirects !== null) {
    try {
      redirectMapSchema.parse(JSON.parse(redirects));
    } catch (error) {
      throw new Error(`check failed: ${REDIRECTS_FILE} is not a redirect map (${error instanceof Error ? error.message.slice(0, 200) : error})`);
    }
  }
}

/** Moves a checked build to its final name and points `live` at it in one rename(2). */
export async function activate(liveLink: string, releasesDir: string, id: string): Promise<string> {
  const finalDir = join(releasesDir, id);
  await rename(partialDir(releasesDir, id), finalDir);
  await pointLive(liveLink, finalDir);
  return finalDir;
}

async function pointLive(liveLink: string, releaseDir: string): Promise<void> {
  const temp = `${liveLink}.${basename(releaseDir)}.tmp`;
  await rm(temp, { force: true });
  // Relative target: the whole .publisher folder can be moved or mounted elsewhere.
  await symlink(relative(dirname(liveLink), releaseDir), temp);
  await rename(temp, liveLink);
}

async function releaseIds(releasesDir: string): Promise<string[]> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  return names.filter((name) => RELEASE_ID.test(name)).sort();
}

/** The release `live` points at, if it is one of ours and still passes the check. */
export async function readLive(liveLink: string, releasesDir: string, expectedPages: readonly string[]): Promise<string | null> {
  const target = await readlink(liveLink).catch(() => null);
  if (!target) return null;
  const dir = resolve(dirname(liveLink), target);
  if (dirname(dir) !== resolve(releasesDir) || !RELEASE_ID.test(basename(dir))) return null;
  try {
    await checkRelease(dir, expectedPages);
    return basename(dir);
  } catch {
    return null;
  }
}

/**
 * Startup recovery: drops builds interrupted by a crash and makes sure `live` points at a good
 * release, falling back to the newest finished one. Returns the live release id, or null.
 */
export async function recover(
  liveLink: string,
  releasesDir: string,
  expectedPages: readonly string[],
): Promise<{ live: string | null; removed: string[] }> {
  await mkdir(releasesDir, { recursive: true });
  const removed: string[] = [];
  const names = await readdir(releasesDir);
  for (const name of names) {
    if (name.endsWith(PARTIAL_SUFFIX) && RELEASE_ID.test(name.slice(0, -PARTIAL_SUFFIX.length))) {
      await rm(join(releasesDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  const live = await readLive(liveLink, releasesDir, expectedPages);
  if (live) return { live, removed };
  for (const id of (await releaseIds(releasesDir)).reverse()) {
    try {
      await checkRelease(join(releasesDir, id), expectedPages);
    } catch {
      continue;
    }
    await pointLive(liveLink, join(releasesDir, id));
    return { live: id, removed };
  }
  return { live: null, removed };
}

/** Keeps the newest `keep` releases plus the live one, so a rollback target stays on disk. */
export async function prune(releasesDir: string, live: string | null, keep: number): Promise<string[]> {
  const ids = await releaseIds(releasesDir);
  const kept = new Set(ids.slice(-keep));
  if (live) kept.add(live);
  const removed = ids.filter((id) => !kept.has(id));
  for (const id of removed) {
    await rm(join(releasesDir, id), { recursive: true, force: true });
  }
  return removed;
}
