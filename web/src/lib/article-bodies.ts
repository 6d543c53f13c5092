/**
 * Article bodies are kept beside the content layer's data store, not in it: one file per body,
 * named by its content's hash, in the site's cache folder. Every build reads the whole store from
 * disk and holds it while rendering, and bodies were 42 % of it (9 of 21 MB of articles at
 * 10,000; ~5 times that at 50,000); a page reads its body only when it is rendered. The stored entry keeps the hash (`bodyRef`), so its digest, and with it every
 * cache key showing the body, still changes with the body.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteCacheDir } from './cache-dir';

const bodiesDir = () => path.join(siteCacheDir(), 'article-bodies');
const fileOf = (ref: string) => path.join(bodiesDir(), `${ref}.html`);

/** Keeps `html` and returns its reference; an identical body is stored once. */
export const keepBody = (html: string): string => {
  const ref = createHash('sha256').update(html).digest('base64url');
  const file = fileOf(ref);
  if (!existsSync(file)) {
    mkdirSync(bodiesDir(), { recursive: true });
    // Whole or not at all: a build stopped half-way leaves no truncated body under the final name.
    writeFileSync(`${file}.tmp`, html);
    renameSync(`${file}.tmp`, file);
  }
  return ref;
};

export const readBody = (ref: string): string => {
  try {
    return readFileSync(fileOf(ref), 'utf8');
  } catch (error) {
    throw new Error(`article body ${ref} is missing from ${bodiesDir()}; the next sync fetches its article again`, { cause: error });
  }
};

/** References of the bodies on disk. */
export const keptBodies = (): Set<string> =>
  new Set((existsSync(bodiesDir()) ? readdirSync(bodiesDir()) : []).filter((name) => name.endsWith('.html')).map((name) => name.slice(0, -'.html'.length)));

/** The folder as it is now (which folder, last changed when): another value once a body was added or removed, or the folder replaced. */
export const bodiesFolderState = (): string => {
  const info = statSync(bodiesDir(), { bigint: true, throwIfNoEntry: false });
  return info ? `${info.ino}:${info.mtimeNs}` : 'none';
};

/** Removes the bodies no stored article refers to any more (an edit leaves the old one behind). */
export const dropBodiesExcept = (kept: ReadonlySet<string>, onDisk: ReadonlySet<string>) => {
  for (const ref of onDisk) if (!kept.has(ref)) rmSync(fileOf(ref), { force: true });
};
