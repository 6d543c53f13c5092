import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Folders of the site that are build output, caches or dependencies, never the site's code. */
const NOT_CODE = new Set(['node_modules', '.cache', '.publisher', 'dist', '.astro', '.git']);

// Synchronous on purpose: ~10 ms of the event loop at our size, whereas through Node's four I/O
// threads its reads queued behind the next release's staging (tens of thousands of links,
// publisher/partial.ts) and started a publish's build 1.2 s late at 50,000 articles.
function hashTree(hash: ReturnType<typeof createHash>, root: string, dir = root): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // A single file (the lockfile) or a path that does not exist, which is part of the version too.
    let content: Buffer | null;
    try {
      content = readFileSync(dir);
    } catch {
      content = null;
    }
    hash.update(`${dir}\0${content ? createHash('sha256').update(content).digest('hex') : 'missing'}\0`);
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (NOT_CODE.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, root, path);
    else if (entry.isFile()) hash.update(`${relative(root, path)}\0${createHash('sha256').update(readFileSync(path)).digest('hex')}\0`);
  }
}

/**
 * The version of everything besides content that shapes the built site: the site's and shared
 * code, the lockfile, and the build variables that end up in pages (site URL, CMS and media URLs).
 * Page cache keys cover content, not code: when this version changes the publisher builds
 * everything (`astro build --force`, every page rendered).
 */
export async function codeVersion(paths: readonly string[], env: Record<string, string | undefined>, envNames: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`path ${path}\0`);
    hashTree(hash, path);
  }
  for (const name of envNames) hash.update(`env ${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex').slice(0, 32);
}

export async function readState(file: string): Promise<{ codeVersion?: string }> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { codeVersion?: string };
  } catch {
    return {};
  }
}

export async function writeState(file: string, state: { codeVersion: string }): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}
