import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { printPageArticle, REDIRECTS_FILE, redirectMapSchema, resolveRedirect, type RedirectMap } from '../shared/src/redirects.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
  // pagefind's search index fragments
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};

const NOT_BUILT_YET =
  '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đang cập nhật</title>' +
  '<p>Trang web đang được xây dựng, vui lòng quay lại sau ít phút.</p></html>';

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Astro puts content-hashed bundles under /_astro/: a new build gets new names, so they never change. */
function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** `/a/` → a/index.html; `/a` → a, a/index.html, a.html (whichever is a file first). */
async function findFile(root: string, urlPath: string) {
  const base = join(root, urlPath);
  const candidates = urlPath.endsWith('/') ? [join(base, 'index.html')] : [base, join(base, 'index.html'), `${base}.html`];
  for (const path of candidates) {
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) return { path, info };
  }
  return null;
}

/**
 * Serves the release at `root` (null: nothing has been built yet). `files: false` is the redirect
 * listener nginx asks after it found no file on disk: 301 or the 404 page, never a file.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null, { files = true } = {}): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(req, res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n');
  }
  if (!root) {
    res.setHeader('retry-after', '30');
    return sendText(req, res, 503, 'text/html; charset=utf-8', NOT_BUILT_YET);
  }

  let urlPath: string;
  try {
    urlPath = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0] ?? '/');
  } catch {
    return sendText(req, res, 400, 'text/plain; charset=utf-8', 'Bad Request\n');
  }
  // Checked after decoding so `%2e%2e%2f` and backslashes cannot climb out of the release either.
  if (!urlPath.startsWith('/') || urlPath.includes('\0') || urlPath.split(/[/\\]/).includes('..')) {
    return sendText(req, res, 400, 'text/plain; charset=utf-8', 'Bad Request\n');
  }

  // The redirect map is the server's data, not a page.
  const found = !files || urlPath === `/${REDIRECTS_FILE}` ? null : await findFile(root, urlPath);
  if (!found) return answerMiss(req, res, root);

  const etag = `W/"${found.info.size.toString(16)}-${Math.floor(found.info.mtimeMs).toString(16)}"`;
  res.setHeader('etag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { 'cache-control': cacheControl(urlPath) });
    return void res.end();
  }
  return sendFile(req, res, 200, found.path, found.info.size, cacheControl(urlPath));
}

/**
 * Each release's redirect map, read once: releases never change after they go live, so the map
 * switches with the release that carries it, atomically, without a restart. Only the newest few
 * are kept (the live one and the one before a switch).
 */
const maps = new Map<string, Promise<RedirectMap>>();

async function readRedirects(root: string): Promise<RedirectMap> {
  const text = await readFile(join(root, REDIRECTS_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    // A release built before redirects existed has none.
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  return redirectMapSchema.parse(JSON.parse(text));
}

function redirectsOf(root: string): Promise<RedirectMap> {
  let map = maps.get(root);
  if (!map) {
    map = readRedirects(root);
    maps.set(root, map);
    // A failed read is retried on the next request instead of being remembered.
    map.catch(() => maps.delete(root));
    while (maps.size > 4) maps.delete(maps.keys().next().value!);
  }
  return map;
}

/**
 * Where an address the release has no file for went: the release's redirect map (with or without
 * ".html" and the trailing slash; the query is kept), else for an article's old print page the
 * article, wherever the map sends it if the release has no such page; else nowhere.
 */
async function movedTo(root: string, rawUrl: string): Promise<string | null> {
  const map = await redirectsOf(root);
  const listed = resolveRedirect(map, rawUrl);
  if (listed) return listed;
  const article = printPageArticle(rawUrl);
  if (!article) return null;
  return (await findFile(root, article.path)) ? article.href : resolveRedirect(map, article.href);
}

/** For an address the release has no file for: 301 to where it went (movedTo), else the site's 404 page. */
async function answerMiss(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  const location = await movedTo(root, req.url ?? '/');
  if (location) {
    const href = location.replaceAll('&', '&amp;');
    const body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đã chuyển</title><p>Trang đã chuyển đến <a href="${href}">${href}</a>.</p></html>`;
    res.writeHead(301, {
      location,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      // Browsers keep a 301 without expiry; an hour lets an editor's correction reach readers.
      'cache-control': 'public, max-age=3600',
    });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  const page = await findFile(root, '/404.html');
  if (!page) return sendText(req, res, 404, 'text/plain; charset=utf-8', 'Not Found\n');
  return sendFile(req, res, 404, page.path, page.info.size, 'no-cache');
}

async function sendFile(req: IncomingMessage, res: ServerResponse, status: number, path: string, size: number, cache: string) {
  res.writeHead(status, {
    'content-type': contentType(path),
    'content-length': size,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  // A client that disconnects mid-download is not an error worth surfacing.
  await pipeline(createReadStream(path), res).catch(() => res.destroy());
}
