// `pnpm bench:build` — how long the real site build takes against a real CMS.
//
//   pnpm bench:build [--corpus 10k|50k|demo] [--articles N] [--cacheable-uploads] [--write-docs]
//
// 1. Compiles and starts a throwaway Strapi (cms/tests/harness.ts) and fills it: the 10k corpus
//    (bench/corpus.ts: 10,000 articles, 2,000 documents, 3,000 gallery images), 50k (50,000
//    articles, same documents and images) or the demo seed.
// 2. Times the shared loader on its own (loadSiteData from shared/src/load.ts): the GraphQL fetch
//    of everything, the same-run baseline for the data sync.
// 3. Data sync: `astro sync` (the content layer) into an empty store, then again (incremental).
// 4. Builds, `astro build --outDir <tmp>` in web/ with STRAPI_URL/STRAPI_TOKEN, one cache folder:
//    cold (empty cache, full), incremental with nothing changed, incremental after one old
//    article's title edit, and a full build with the warm cache (`--force`, the baseline). The
//    cache is a private folder (ASTRO_CACHE_DIR), so web/.cache (which other builds on this
//    machine use) is untouched.
// 5. Prints tables: sync, phases, pages/s, output size, peak RSS (/usr/bin/time).
//
// --cacheable-uploads puts a small proxy in front of the CMS that adds
// `Cache-Control: public, max-age=31536000, immutable` to /uploads/* responses — what Strapi sends
// with `upload.config.providerOptions.localServer.maxage` set — to measure the warm build the site
// would get with that one-line CMS setting (Strapi's default `max-age=0` without 304 support makes
// Astro re-download and re-transform every image on every build).
// --write-docs replaces the "## Build" section of docs/benchmarks.md (other sections are kept).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const CMS_DIR = path.join(ROOT, 'cms');
export const DOCS_FILE = path.join(ROOT, 'docs', 'benchmarks.md');
const ASTRO_BIN = path.join(WEB_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');

// ---- Shared helpers (also used by bench/publish.ts) ------------------------------------------------

export const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
};
export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const machine = () => {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
};
export const machineLine = () => {
  const m = machine();
  return `${m.cores} cores (${m.cpu}), ${m.memGiB} GiB RAM, Node ${m.node}, Strapi on SQLite in the same machine; load average at start ${m.load}`;
};

export type CorpusKind = 'demo' | '10k' | '50k';

/** `--corpus demo|10k|50k`; `--articles N` (and `--documents`, `--gallery`) override the generated sizes. */
export const corpusArgs = (fallback: CorpusKind) => {
  const kind = argValue('corpus', fallback) as CorpusKind;
  if (!['demo', '10k', '50k'].includes(kind)) throw new Error(`--corpus must be demo, 10k or 50k (got ${kind})`);
  const number = (name: string, value: number) => {
    const raw = argValue(name, String(value));
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${raw})`);
    return n;
  };
  const sizes = {
    articles: number('articles', kind === '50k' ? 50_000 : 10_000),
    documents: number('documents', 2_000),
    galleryImages: number('gallery', 3_000),
  };
  const label = kind === 'demo' ? 'demo' : `${sizes.articles} articles`;
  /** The docs block the figures go to: the standard corpora keep their block across re-runs. */
  const key = kind === 'demo' ? 'demo' : sizes.articles === 10_000 ? '10k' : sizes.articles === 50_000 ? '50k' : `${sizes.articles}-articles`;
  return { kind, sizes, label, key };
};

/** Compiles the CMS, starts a throwaway one, fills it with the requested corpus. */
export const startCmsWithCorpus = async (corpus: ReturnType<typeof corpusArgs>, env: Record<string, string> = {}) => {
  const { startCms, strapiModule } = await import('../cms/tests/harness.ts');
  const t0 = performance.now();
  await strapiModule.compileStrapi({ appDir: CMS_DIR });
  const cms = await startCms({ seed: corpus.kind === 'demo', env });
  let corpusMs = performance.now() - t0;
  if (corpus.kind !== 'demo') {
    const { generateCorpus } = await import('./corpus.ts');
    const result = await generateCorpus(cms.strapi, { ...corpus.sizes, log: (line) => console.log(`  ${line}`) });
    corpusMs = result.totalMs;
  }
  return { cms, corpusMs };
};

/**
 * Writes measured figures into the `## <heading>` section of docs/benchmarks.md, keeping every other
 * section intact. The figures go between `<!-- bench:<key> -->` markers, so the prose around them
 * (analysis, estimates) survives a re-run; a missing section is appended, a missing block is added
 * at the top of its section.
 */
export const writeDocsSection = async (heading: string, key: string, body: string) => {
  await mkdir(path.dirname(DOCS_FILE), { recursive: true });
  const text = existsSync(DOCS_FILE) ? await readFile(DOCS_FILE, 'utf8') : '# Benchmarks\n';
  const open = `<!-- bench:${key} -->`;
  const close = `<!-- /bench:${key} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  let out: string;
  if (start === -1) {
    out = `${text.replace(/\n*$/, '')}\n\n## ${heading}\n\n${block}\n`;
  } else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end === -1) end = lines.length;
    let sectionText = lines.slice(start + 1, end).join('\n');
    const a = sectionText.indexOf(open);
    const b = sectionText.indexOf(close);
    if (a !== -1 && b > a) sectionText = sectionText.slice(0, a) + block + sectionText.slice(b + close.length);
    else sectionText = `\n\n${block}\n${sectionText.replace(/^\n+/, '\n')}`;
    out = [...lines.slice(0, start + 1), sectionText.replace(/\n*$/, '\n'), ...lines.slice(end)].join('\n');
  }
  await writeFile(DOCS_FILE, out.replace(/\n*$/, '\n'));
  console.log(`wrote the ${key} figures in "## ${heading}" of ${path.relative(ROOT, DOCS_FILE)}`);
};

/** Markdown table from rows of cells. */
export const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// ---- Build runs ----------------------------------------------------------------------------------

/** Proxy to the CMS that makes /uploads/* cacheable, as Strapi's localServer.maxage setting would. */
const startCacheableProxy = async (target: string): Promise<{ url: string; close(): Promise<void> }> => {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (up) => {
        const headers = { ...up.headers };
        if ((req.url ?? '').startsWith('/uploads/') && up.statusCode === 200) {
          headers['cache-control'] = 'public, max-age=31536000, immutable';
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export interface BuildRun {
  label: string;
  ok: boolean;
  wallMs: number;
  /** From spawn to the "generating static routes" heading: config, Vite bundling. */
  setupMs: number;
  /** Astro's "generating static routes" phase: data fetch (first getStaticPaths) + rendering every page. */
  routesMs: number;
  /** Inside the routes phase: from its start to the first rendered page (the site's data fetch, mostly). */
  fetchInBuildMs: number;
  /** Inside the routes phase: from the first rendered page to the end of the phase. */
  renderMs: number;
  /** Astro's "generating optimized images" phase. */
  imagesMs: number;
  /** After the images: sitemap, Pagefind, process exit. */
  postMs: number;
  pages: number;
  images: number;
  imagesCached: number;
  files: number;
  bytes: number;
  htmlBytes: number;
  maxRssMiB: number | null;
  logFile: string;
}

const du = async (dir: string) => {
  let files = 0;
  let bytes = 0;
  let htmlBytes = 0;
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) {
        const s = await stat(p);
        files += 1;
        bytes += s.size;
        if (entry.name.endsWith('.html')) htmlBytes += s.size;
      }
    }
  };
  if (existsSync(dir)) await walk(dir);
  return { files, bytes, htmlBytes };
};

/** Runs `astro build` once and splits its wall time into phases from its own log. */
export const runAstroBuild = async (opts: {
  label: string;
  strapiUrl: string;
  token: string;
  outDir: string;
  cacheDir: string;
  workDir: string;
  /** `sync`: only the content layer sync (`astro sync`), no pages. */
  command?: 'build' | 'sync';
  /** e.g. `--force`: a full build that ignores the incremental manifest and the content store. */
  extraArgs?: string[];
}): Promise<BuildRun> => {
  const logFile = path.join(opts.workDir, `build-${opts.label.replace(/\W+/g, '-')}.log`);
  const log = createWriteStream(logFile);
  const useTime = existsSync('/usr/bin/time');
  const astroArgs =
    opts.command === 'sync'
      ? [ASTRO_BIN, 'sync', ...(opts.extraArgs ?? [])]
      : [ASTRO_BIN, 'build', '--outDir', opts.outDir, ...(opts.extraArgs ?? [])];
  const [file, args] = useTime ? ['/usr/bin/time', ['-f', 'MAXRSS_KB=%M', process.execPath, ...astroArgs]] : [process.execPath, astroArgs];
  const started = performance.now();
  const marks: Record<string, number> = {};
  let pages = 0;
  let images = 0;
  let imagesCached = 0;
  let routesMs = NaN;
  let imagesMs = NaN;
  let section: 'routes' | 'images' | null = null;
  let maxRssKb: number | null = null;
  const tail: string[] = [];
  const onLine = (line: string) => {
    const now = performance.now() - started;
    log.write(`${(now / 1000).toFixed(2).padStart(7)} ${line}\n`);
    tail.push(line);
    if (tail.length > 30) tail.shift();
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    if (/generating static routes/.test(plain)) {
      section = 'routes';
      marks.routesStart = now;
    } else if (/generating optimized images/.test(plain)) {
      section = 'images';
      marks.imagesStart = now;
    } else if (section && /✓ Completed in /.test(plain) && !/\[build\]/.test(plain)) {
      // Astro's own figure ("1.36s", "850ms", "3m 7s"); the line timestamps are the fallback.
      const m = /Completed in (?:(\d+)m\s*)?([\d.]+)(ms|s)\b/.exec(plain);
      const start = marks[`${section}Start`];
      const ms = m ? Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1) : now - start;
      if (section === 'routes') routesMs = ms;
      else imagesMs = ms;
      marks[`${section}End`] = now;
      section = null;
    } else if (section === 'routes' && marks.firstPage === undefined && /(├─|└─) \//.test(plain)) {
      marks.firstPage = now;
    } else if (/▶ \/_astro\//.test(plain)) {
      images += 1;
      if (/reused cache entry|revalidated cache entry/.test(plain)) imagesCached += 1;
    }
    const built = /(\d+) page\(s\) built in/.exec(plain);
    if (built) pages = Number(built[1]);
    const rss = /MAXRSS_KB=(\d+)/.exec(plain);
    if (rss) maxRssKb = Number(rss[1]);
  };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(file, args, {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        STRAPI_URL: opts.strapiUrl,
        STRAPI_TOKEN: opts.token,
        // The site's cache folder (web/src/lib/cache-dir.ts), private to the bench: web/.cache is
        // what other builds on this machine use.
        ASTRO_CACHE_DIR: opts.cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'].filter(Boolean).join(' '),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
      stream.on('end', () => buf && onLine(buf));
    }
    child.on('close', (c) => resolve(c ?? 1));
  });
  const wallMs = performance.now() - started;
  await new Promise((r) => log.end(r));
  if (code !== 0) {
    console.error(`astro build (${opts.label}) failed with code ${code}; last lines:\n${tail.join('\n')}\nfull log: ${logFile}`);
  }
  const size = await du(opts.outDir);
  return {
    label: opts.label,
    ok: code === 0,
    wallMs,
    setupMs: marks.routesStart ?? NaN,
    routesMs,
    fetchInBuildMs: (marks.firstPage ?? NaN) - (marks.routesStart ?? NaN),
    renderMs: (marks.routesEnd ?? NaN) - (marks.firstPage ?? NaN),
    imagesMs,
    postMs: wallMs - (marks.imagesEnd ?? marks.routesEnd ?? wallMs),
    pages,
    images,
    imagesCached,
    ...size,
    maxRssMiB: maxRssKb === null ? null : Math.round(maxRssKb / 1024),
    logFile,
  };
};

/** The shared loader alone, as the build's first getStaticPaths runs it. */
export const timeFetch = async (strapiUrl: string, token: string) => {
  const { loadSiteData } = await import('../shared/src/load.ts');
  const { readBuildEnv } = await import('../shared/src/env.ts');
  const t = performance.now();
  const data = await loadSiteData(readBuildEnv({ STRAPI_URL: strapiUrl, STRAPI_TOKEN: token }));
  return {
    ms: performance.now() - t,
    articles: data.articles.length,
    documents: data.documents.length,
    galleryImages: data.galleryImages.length,
    albums: data.albums.length,
  };
};

// ---- Main ------------------------------------------------------------------------------------------

/** Changes one old article's title straight through the Document Service (as the admin would) and publishes it. */
const editOldTitle = async (cms: { strapi: any }) => {
  const articles = cms.strapi.documents('api::article.article');
  const total = await articles.count({ status: 'published' });
  const [old] = await articles.findMany({ status: 'published', sort: 'date:desc', start: Math.floor(total / 2), limit: 1 });
  await articles.update({ documentId: old.documentId, data: { title: `${old.title} (đã sửa)` } });
  await articles.publish({ documentId: old.documentId });
  return old.slug as string;
};

const main = async () => {
  const corpus = corpusArgs('10k');
  const cacheable = hasFlag('cacheable-uploads');
  const keep = hasFlag('keep');
  const machineInfo = machineLine();
  console.log(`bench:build — corpus ${corpus.label}${cacheable ? ', cacheable uploads' : ''}\nmachine: ${machineInfo}`);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-bench-build-'));
  const { cms, corpusMs } = await startCmsWithCorpus(corpus);
  let proxy: Awaited<ReturnType<typeof startCacheableProxy>> | undefined;
  const runs: BuildRun[] = [];
  const syncs: BuildRun[] = [];
  let fetch: Awaited<ReturnType<typeof timeFetch>>;
  let loadAfter = '';
  let plan: Array<{ label: string; before?: () => Promise<unknown>; extraArgs?: string[] }> = [];
  try {
    console.log(`CMS ready at ${cms.url} (${corpus.kind === 'demo' ? 'demo seeded' : 'corpus generated'} in ${seconds(corpusMs)})`);
    fetch = await timeFetch(cms.url, cms.buildToken);
    console.log(`fetch (loadSiteData): ${seconds(fetch.ms)} — ${fetch.articles} articles, ${fetch.documents} documents, ${fetch.galleryImages} gallery images`);
    proxy = cacheable ? await startCacheableProxy(cms.url) : undefined;
    const strapiUrl = proxy?.url ?? cms.url;

    // Data sync through the site's content layer (astro sync): full into an empty store, then again (incremental).
    const syncCache = path.join(workDir, 'cache-sync');
    for (const label of ['sync, full (empty store)', 'sync, incremental (nothing changed)']) {
      const run = await runAstroBuild({ label, command: 'sync', strapiUrl, token: cms.buildToken, outDir: path.join(workDir, 'out-sync'), cacheDir: syncCache, workDir });
      syncs.push(run);
      console.log(`  ${label}: ${run.ok ? 'ok' : 'FAILED'} in ${seconds(run.wallMs)}, peak RSS ${run.maxRssMiB ?? '–'} MiB`);
    }

    const cacheDir = path.join(workDir, 'cache');
    plan = [
      { label: 'cold (full, empty cache)' },
      { label: 'incremental, nothing changed' },
      { label: 'incremental, one old title edited', before: () => editOldTitle(cms) },
      { label: 'full, warm cache (--force)', extraArgs: ['--force'] },
    ];
    for (const { label, before, extraArgs } of plan) {
      await before?.();
      console.log(`astro build (${label}) …`);
      const run = await runAstroBuild({ label, strapiUrl, token: cms.buildToken, outDir: path.join(workDir, `out-${runs.length}`), cacheDir, workDir, extraArgs });
      runs.push(run);
      await rm(path.join(workDir, `out-${runs.length - 1}`), { recursive: true, force: true });
      console.log(
        `  ${run.ok ? 'ok' : 'FAILED'} in ${seconds(run.wallMs)}: setup ${seconds(run.setupMs)}, routes ${seconds(run.routesMs)}, images ${seconds(run.imagesMs)} (${run.images} files, ${run.imagesCached} from cache), post ${seconds(run.postMs)}; ${run.pages} pages; peak RSS ${run.maxRssMiB ?? '–'} MiB; log ${run.logFile}`,
      );
      if (!run.ok) break;
    }
    loadAfter = machine().load;
  } finally {
    await proxy?.close();
    await cms.destroy();
  }

  const header = ['run', 'total', 'setup (sync + Vite)', 'routes (render)', 'of which first page*', 'of which render*', 'pages', 'pages/s*', 'images (transformed / from cache)', 'sitemap + Pagefind', 'output', 'peak RSS'];
  const rows = runs.map((r) => {
    const renderMs = r.renderMs;
    return [
      r.label + (r.ok ? '' : ' (FAILED)'),
      seconds(r.wallMs),
      seconds(r.setupMs),
      seconds(r.routesMs),
      seconds(r.fetchInBuildMs),
      seconds(renderMs),
      String(r.pages),
      renderMs > 0 ? String(Math.round(r.pages / (renderMs / 1000))) : '–',
      `${seconds(r.imagesMs)} (${r.images - r.imagesCached} / ${r.imagesCached})`,
      seconds(r.postMs),
      `${(r.bytes / 1e6).toFixed(1)} MB, ${r.files} files (HTML ${(r.htmlBytes / 1e6).toFixed(1)} MB)`,
      r.maxRssMiB === null ? '–' : `${r.maxRssMiB} MiB`,
    ];
  });
  const md = table(header, rows);
  const syncMd = table(
    ['content layer sync (`astro sync`)', 'total', 'peak RSS', 'baseline: shared `loadSiteData` (GraphQL fetch of everything)'],
    syncs.map((r) => [r.label + (r.ok ? '' : ' (FAILED)'), seconds(r.wallMs), r.maxRssMiB === null ? '–' : `${r.maxRssMiB} MiB`, seconds(fetch!.ms)]),
  );
  const note = '\\* first page = routes phase start → first rendered page (getStaticPaths of the first route); render = first → last page; pages/s over render. Peak RSS: `/usr/bin/time` maximum resident set of the build process tree\'s largest process.';
  console.log(`\n${syncMd}\n\n${md}\n${note}\nload average at the end: ${loadAfter}`);

  if (hasFlag('write-docs')) {
    await writeDocsSection(
      'Build',
      `incremental-build:${corpus.key}${cacheable ? ':cacheable-uploads' : ''}`,
      [
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`pnpm bench:build --corpus ${corpus.kind}${corpus.kind === 'demo' ? '' : ` --articles ${corpus.sizes.articles}`}${cacheable ? ' --cacheable-uploads' : ''}\` on ${machineInfo}; load average at the end ${loadAfter}.`,
        '',
        `Corpus: ${fetch!.articles} articles, ${fetch!.documents} documents, ${fetch!.galleryImages} gallery images, ${fetch!.albums} albums.`,
        '',
        syncMd,
        '',
        md,
        '',
        note,
      ].join('\n'),
    );
  }
  // Build logs stay (their paths are printed above); outputs and caches go unless --keep.
  if (!keep) {
    for (const name of ['out-sync', 'cache-sync', 'cache']) await rm(path.join(workDir, name), { recursive: true, force: true });
  } else console.log(`kept ${workDir}`);
  process.exit(runs.every((r) => r.ok) && syncs.every((r) => r.ok) && runs.length === plan.length ? 0 : 1);
};

if (import.meta.main) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
