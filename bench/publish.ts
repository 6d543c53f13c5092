// `pnpm bench:publish` — publish-to-live latency: from an editor's publish to what a reader sees.
//
//   pnpm bench:publish [--corpus demo|10k|50k] [--articles N] [--runs 10] [--write-docs] [--no-baseline]
//
// 1. Picks a port for the rebuild service, starts a throwaway CMS whose bootstrap registers the
//    rebuild webhook to it (REBUILD_WEBHOOK_URL/REBUILD_WEBHOOK_SECRET), fills it (demo seed by
//    default, or the corpus of bench/corpus.ts).
// 2. Starts the rebuild service in this process — startPublisher(loadConfig(env, web/)) from
//    publisher/ — with its production defaults (debounce 200 ms, partial `astro build` completed
//    from the live release, the next build started ahead and waiting for the publish,
//    PUBLISHER_INDEX_COMMAND and PUBLISHER_INDEX_STANDBY if set in the environment) and waits
//    for its first build (full, cold) to go live. Releases and Astro's cache live in a temp folder
//    (PUBLISHER_ASTRO_CACHE_DIR), each build under /usr/bin/time for its peak memory.
// 3. Scenario "new article", N times, one after the other (each starts with the service idle):
//    creates and publishes an article through the Document Service (entry.create + entry.publish,
//    as the admin does) and polls until (a) its page answers 200, (b) it is the first article of
//    /tin-tuc/, (c) search finds it (the live release's search index holds its URL, in the full
//    index or in the delta of what changed since).
// 4. Scenario "title edit", N times: renames an article from the middle of the archive and polls
//    until its page and every page that showed its old title (its neighbours) show the new one.
// 5. Baseline, same run: restarts the service with another code version (full build, `--force`)
//    and publishes one more article: publish-to-live when every publish is a full build.
//    `--no-baseline` skips it (a run for CPU profiles: NODE_OPTIONS reaches the builds); such a run
//    writes no figures.
// 6. Prints p50/p95/max per scenario and the phase breakdown (webhook → queue, debounce, data sync,
//    render, file reuse, release switch, search index; from the service's log and /status), peak
//    RSS of the builds, machine load; --write-docs writes them into docs/benchmarks.md.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { corpusArgs, hasFlag, argValue, machine, machineLine, seconds, startCmsWithCorpus, table, WEB_DIR, writeDocsSection } from './build.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
};

const get = async (url: string) => {
  const res = await fetch(url).catch(() => undefined);
  return { status: res?.status ?? 0, text: res ? await res.text() : '' };
};

/** Slugs of the article links of a page, in order (list pages, neighbours). */
const articleLinks = (html: string) => [...html.matchAll(/href="\/tin-tuc\/([^"/]+)\/"/g)].map((m) => decodeURIComponent(m[1]!)).filter((slug) => slug !== 'trang');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Whether the live release's Pagefind index finds `url`, read from its fragments as the search page
 * would: the full index unless it lists `url` as out of date, or the delta of what changed since.
 */
const searchFinds = async (liveDir: string, url: string) => {
  const index = path.join(liveDir, 'pagefind');
  const overlay = JSON.parse(await readFile(path.join(index, 'overlay.json'), 'utf8').catch(() => '{}')) as { stale?: string[] };
  const folders = [path.join(index, 'delta', 'fragment'), ...(overlay.stale?.includes(url) ? [] : [path.join(index, 'fragment')])];
  for (const fragments of folders) {
    for (const file of await readdir(fragments).catch(() => [] as string[])) {
      const text = gunzipSync(await readFile(path.join(fragments, file))).toString('utf8');
      if (text.includes(`"url":"${url}"`)) return true;
    }
  }
  return false;
};

interface Phases {
  webhookToQueue?: number;
  debounce?: number;
  prepare?: number;
  sync?: number;
  render?: number;
  build?: number;
  reuse?: number;
  activate?: number;
  index?: number;
}

interface Sample {
  scenario: string;
  /** publish call → page 200 (new article) or page shows the new title (edit). */
  pageMs: number;
  /** → first on /tin-tuc/ (new article) or every neighbour updated (edit). */
  listMs: number;
  /** → search finds it. */
  searchMs: number;
  /** The slowest of the three: live for a reader. */
  liveMs: number;
  phases: Phases;
  full: boolean;
  linked?: number;
  kept?: number;
  maxRssMiB?: number;
}

const main = async () => {
  const corpus = corpusArgs('demo');
  const runs = Number(argValue('runs', '10'));
  if (hasFlag('no-baseline') && hasFlag('write-docs')) throw new Error('--write-docs needs the baseline: drop --no-baseline');
  const machineInfo = machineLine();
  console.log(`bench:publish — corpus ${corpus.label}, ${runs} publishes per scenario\nmachine: ${machineInfo}`);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-bench-publish-'));
  const secret = randomBytes(24).toString('hex');
  const port = await freePort();
  const publisherUrl = `http://127.0.0.1:${port}`;
  const { cms, corpusMs } = await startCmsWithCorpus(corpus, {
    REBUILD_WEBHOOK_URL: `${publisherUrl}/webhook`,
    REBUILD_WEBHOOK_SECRET: secret,
  });
  console.log(`CMS ready at ${cms.url} (${corpus.kind === 'demo' ? 'demo seeded' : 'corpus generated'} in ${seconds(corpusMs)})`);

  // The production build command, `--force` on a full build (as the default command does), and
  // its peak memory recorded. Astro's cache is in the temp folder (PUBLISHER_ASTRO_CACHE_DIR below).
  const cacheDir = path.join(workDir, 'cache');
  const rssFile = path.join(workDir, 'maxrss');
  const astro = path.join(WEB_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const { loadConfig } = await import('../publisher/config.ts');
  const { STANDBY_NODE_FLAGS } = await import('../publisher/build.ts');
  const buildCommand = [
    // -a: appended when each build ends (a standby build starts before the last one is read).
    '/usr/bin/time', '-a', '-o', rssFile, '-f', '%M',
    process.execPath,
  ].map(quote).join(' ') +
    ` $([ "$PUBLISHER_STANDBY" = 1 ] && echo ${STANDBY_NODE_FLAGS.join(' ')}) ${quote(astro)} build --outDir "$PUBLISHER_OUT_DIR" $([ "$PUBLISHER_FULL_BUILD" = 1 ] && echo --force)`;

  const { startPublisher } = await import('../publisher/server.ts');
  const events: Array<{ event: string; at: number; fields: Record<string, unknown> }> = [];
  const log = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    events.push({ event, at: performance.now(), fields });
    if (level !== 'info' || /^(build|index)\./.test(event)) console.log(`  [publisher] ${level} ${event} ${JSON.stringify(fields).slice(0, 400)}`);
  };
  const env = (epoch: string, buildOnStart: string) => ({
    ...process.env,
    REBUILD_WEBHOOK_SECRET: secret,
    PUBLISHER_CONTROL_PORT: String(port),
    PUBLISHER_SITE_PORT: '0',
    PUBLISHER_RELEASES_DIR: path.join(workDir, 'releases'),
    PUBLISHER_BUILD_ON_START: buildOnStart,
    PUBLISHER_BUILD_COMMAND: buildCommand,
    // As with the default command: the next build starts ahead of the publish (publisher/README.md).
    PUBLISHER_STANDBY: '1',
    PUBLISHER_ASTRO_CACHE_DIR: cacheDir,
    // BENCH_CODE_EPOCH stands for a deploy of new code: changing it makes the next build full.
    PUBLISHER_CODE_ENV: 'SITE_URL,PUBLIC_CMS_URL,PUBLIC_MEDIA_URL,STRAPI_URL,IMAGE_HOSTS,BENCH_CODE_EPOCH',
    BENCH_CODE_EPOCH: epoch,
    STRAPI_URL: cms.url,
    STRAPI_TOKEN: cms.buildToken,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'].filter(Boolean).join(' '),
  });
  let config = loadConfig(env('1', 'always'), WEB_DIR);
  let publisher = await startPublisher(config, { log: log as any });
  const liveDir = () => path.join(config.releasesDir, publisher.status().liveRelease ?? 'none');
  // An editor's publish finds the service idle: its next build started and waiting, the next
  // release's pages staged and the next index command ready (publishes come minutes apart, not
  // within the few seconds that takes after a publish at 50,000 articles).
  const idle = () => waitFor('an idle rebuild service', () => {
    const s = publisher.status();
    return !s.building && s.queued === 0 && !s.preparing && (s.standby === 'waiting' || !s.liveRelease);
  }, 60 * 60_000, 100);
  const readRss = async () => {
    const kb = Number((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').at(-1));
    return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : undefined;
  };

  /** Phases of the build that followed `since`, from the service's log. */
  const phasesSince = (since: number, started: number): Pick<Sample, 'phases' | 'full' | 'linked' | 'kept'> => {
    const after = events.filter((e) => e.at >= since);
    const queued = after.find((e) => e.event === 'webhook.queued');
    const buildStarted = after.find((e) => e.event === 'build.started');
    const succeeded = after.find((e) => e.event === 'build.succeeded');
    const indexed = after.find((e) => e.event === 'index.succeeded');
    const p = (succeeded?.fields.phases ?? {}) as Phases;
    const reused = after.find((e) => e.event === 'release.reused');
    const reuse = reused?.fields as { linked: number; kept: number; durationMs: number } | undefined;
    return {
      phases: {
        webhookToQueue: queued ? queued.at - started : undefined,
        debounce: queued && buildStarted ? buildStarted.at - queued.at : undefined,
        prepare: p.prepare,
        sync: p.sync,
        render: p.render,
        build: p.build,
        reuse: reuse?.durationMs,
        activate: p.activate,
        index: indexed ? (indexed.fields.durationMs as number) : undefined,
      },
      full: Boolean(succeeded?.fields.full),
      linked: reuse?.linked,
      kept: reuse?.kept,
    };
  };

  const samples: Sample[] = [];
  let firstBuildMs = NaN;
  let firstBuildRss: number | undefined;
  const loadDuring: string[] = [];
  try {
    const t0 = performance.now();
    await waitFor('the first build', () => {
      const s = publisher.status();
      if (s.lastError && !s.liveRelease) throw new Error(`first build failed: ${s.lastError.message}`);
      return s.liveRelease !== null;
    }, 60 * 60_000, 250);
    firstBuildMs = performance.now() - t0;
    firstBuildRss = await readRss();
    await idle();
    console.log(`first build (full, cold) live after ${seconds(firstBuildMs)}, peak RSS ${firstBuildRss ?? '–'} MiB`);
    const category = await cms.strapi.documents('api::category.category').findFirst({});
    const articles = cms.strapi.documents('api::article.article');

    const publishNew = async (scenario: string, i: number) => {
      await idle();
      const title = `Tin đo thời gian xuất bản số ${i} - ${randomBytes(3).toString('hex')}`;
      const started = performance.now();
      const doc = (await articles.create({
        data: {
          title,
          lead: 'Bài viết do bench:publish tạo để đo thời gian từ lúc xuất bản đến khi trang hiện trên cổng thông tin.',
          body: '<p>Nội dung bài viết thử nghiệm.</p><p>Đoạn thứ hai của bài viết.</p>',
          author: 'Bench',
          ...(category ? { category: category.documentId } : {}),
        } as any,
        status: 'published',
      })) as unknown as { slug: string };
      const url = `/tin-tuc/${encodeURIComponent(doc.slug)}/`;
      let pageMs: number | undefined;
      let listMs: number | undefined;
      let searchMs: number | undefined;
      await waitFor(`${url} live, first on /tin-tuc/ and searchable`, async () => {
        const now = () => performance.now() - started;
        if (pageMs === undefined && (await get(`${publisher.siteUrl}${url}`)).status === 200) pageMs = now();
        if (listMs === undefined && articleLinks((await get(`${publisher.siteUrl}/tin-tuc/`)).text)[0] === doc.slug) listMs = now();
        if (searchMs === undefined && pageMs !== undefined) {
          // The index is in the live release when the build indexes; after the switch, when an index command follows it.
          const s = publisher.status();
          const indexed = !config.indexCommand || (s.lastIndex?.release === s.liveRelease && !s.lastIndex?.error);
          if (indexed) searchMs = now();
        }
        return pageMs !== undefined && listMs !== undefined && searchMs !== undefined;
      }, 60 * 60_000, 100);
      // Checked once, untimed: the index really holds the new page.
      if (!(await searchFinds(liveDir(), url))) throw new Error(`search does not find ${url} in ${liveDir()}`);
      await idle();
      const sample: Sample = { scenario, pageMs: pageMs!, listMs: listMs!, searchMs: searchMs!, liveMs: Math.max(pageMs!, listMs!, searchMs!), ...phasesSince(started, started), maxRssMiB: await readRss() };
      loadDuring.push(machine().load);
      console.log(`${scenario} ${i}: page ${seconds(sample.pageMs)}, first on /tin-tuc/ ${seconds(sample.listMs)}, searchable ${seconds(sample.searchMs)} — ${JSON.stringify(sample.phases)}`);
      return sample;
    };

    for (let i = 1; i <= runs; i += 1) samples.push(await publishNew('new article', i));

    const total = await articles.count({ status: 'published' } as any);
    for (let i = 1; i <= runs; i += 1) {
      await idle();
      const [old] = (await articles.findMany({ status: 'published', sort: 'date:desc', start: (Math.floor(total / 2) + i * 7) % total, limit: 1 } as any)) as any[];
      const url = `/tin-tuc/${encodeURIComponent(old.slug)}/`;
      const before = (await get(`${publisher.siteUrl}${url}`)).text;
      const oldTitle = escapeHtml(old.title);
      // Its neighbours: the article pages it links to that show its title (newer/older links).
      const neighbours: string[] = [];
      for (const slug of new Set(articleLinks(before))) {
        if (slug !== old.slug && (await get(`${publisher.siteUrl}/tin-tuc/${encodeURIComponent(slug)}/`)).text.includes(oldTitle)) neighbours.push(slug);
      }
      const newTitle = `${old.title} - sửa ${randomBytes(2).toString('hex')}`;
      const started = performance.now();
      await articles.update({ documentId: old.documentId, data: { title: newTitle } as any });
      await articles.publish({ documentId: old.documentId });
      let pageMs: number | undefined;
      let listMs: number | undefined;
      await waitFor(`${url} and ${neighbours.length} neighbours to show the new title`, async () => {
        const now = () => performance.now() - started;
        if (pageMs === undefined && (await get(`${publisher.siteUrl}${url}`)).text.includes(escapeHtml(newTitle))) pageMs = now();
        // The neighbours are read once the page shows the new title (they go live in the same
        // release): polling 11 pages every 100 ms during the build loaded the machine it measured.
        if (listMs === undefined && pageMs !== undefined) {
          const pages = await Promise.all(neighbours.map((slug) => get(`${publisher.siteUrl}/tin-tuc/${encodeURIComponent(slug)}/`)));
          if (pages.every((p) => p.text.includes(escapeHtml(newTitle)))) listMs = now();
        }
        return pageMs !== undefined && listMs !== undefined;
      }, 60 * 60_000, 100);
      await idle();
      const liveMs = Math.max(pageMs!, listMs!);
      const sample: Sample = { scenario: 'title edit', pageMs: pageMs!, listMs: listMs!, searchMs: liveMs, liveMs, ...phasesSince(started, started), maxRssMiB: await readRss() };
      samples.push(sample);
      loadDuring.push(machine().load);
      console.log(`title edit ${i}: page ${seconds(pageMs!)}, ${neighbours.length} neighbours ${seconds(listMs!)} — ${JSON.stringify(sample.phases)}`);
    }

    // Baseline: a deploy of new code makes the next build full; one publish through it.
    if (!hasFlag('no-baseline')) {
      await publisher.close();
      config = loadConfig(env('2', 'never'), WEB_DIR);
      publisher = await startPublisher(config, { log: log as any });
      samples.push(await publishNew('baseline: new article, full build', 1));
    }
  } finally {
    await publisher.close();
    await cms.destroy();
    await rm(workDir, { recursive: true, force: true });
  }

  const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : seconds(v));
  const stats = (values: Array<number | undefined>) => {
    const v = values.filter((x): x is number => typeof x === 'number');
    return [ms(percentile(v, 50)), ms(percentile(v, 95)), ms(v.length ? Math.max(...v) : NaN)];
  };
  const scenarios = [...new Set(samples.map((s) => s.scenario))];
  const latency = table(
    ['scenario', 'runs', 'live p50', 'live p95', 'live max', 'page p50', 'list/neighbours p50', 'search p50', 'full builds', 'peak RSS (max)'],
    scenarios.map((name) => {
      const of = samples.filter((s) => s.scenario === name);
      const [p50, p95, max] = stats(of.map((s) => s.liveMs));
      const rss = of.map((s) => s.maxRssMiB ?? 0);
      return [name, String(of.length), p50!, p95!, max!, stats(of.map((s) => s.pageMs))[0]!, stats(of.map((s) => s.listMs))[0]!, stats(of.map((s) => s.searchMs))[0]!, String(of.filter((s) => s.full).length), `${Math.max(...rss)} MiB`];
    }),
  );
  const phaseNames: Array<[keyof Phases, string]> = [
    ['webhookToQueue', 'webhook → queue'],
    ['debounce', 'debounce (queue → build)'],
    ['prepare', 'code version'],
    // A standby build has bundled before the publish came; a full one bundles beside the sync.
    ['sync', 'data sync (build start → first route)'],
    ['render', 'render (+ in-build index)'],
    ['activate', 'check + release switch'],
    ['index', 'search index (from the build\'s end, placed once live)'],
    ['reuse', 'file reuse (hard links, after switch)'],
  ];
  const breakdown = table(
    ['phase (p50)', ...scenarios],
    phaseNames.map(([key, label]) => [label, ...scenarios.map((name) => stats(samples.filter((s) => s.scenario === name).map((s) => s.phases[key]))[0]!)]),
  );
  const reuse = samples.filter((s) => s.linked !== undefined).map((s) => `${s.scenario}: ${s.linked} linked / ${s.kept} written`);
  const loadEnd = machine().load;
  console.log(`\nfirst build (full, cold, service start): ${seconds(firstBuildMs)}, peak RSS ${firstBuildRss ?? '–'} MiB\n${latency}\n\n${breakdown}\nfiles reused (last run of each): ${[...new Map(reuse.map((r) => [r.split(':')[0], r])).values()].join('; ')}\nload average after each run: ${loadDuring.join(' | ')}`);
  if (hasFlag('write-docs')) {
    await writeDocsSection(
      'Publish to live',
      `incremental-publish:${corpus.key}`,
      [
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`pnpm bench:publish --corpus ${corpus.kind}${corpus.kind === 'demo' ? '' : ` --articles ${corpus.sizes.articles}`} --runs ${runs}\` on ${machineInfo}; load average at the end ${loadEnd}.`,
        `Rebuild service with its defaults (debounce ${config.debounceMs} ms, the next build started ahead and waiting for the publish${config.standby ? '' : ' (off)'}, partial build: only pages whose cache key changed are rendered, the rest hard-linked from the live release${config.indexCommand ? `, search index written from the build's end, beside the release switch${config.indexStandby ? ' (its command started ahead, the full index linked in before the build ends)' : ''}` : ', search index built inside the build'}); first build after start (full, cold) ${seconds(firstBuildMs)}, peak RSS ${firstBuildRss ?? '–'} MiB. "live" = the slowest of: the page answers 200 (edit: shows the new title), first on /tin-tuc/ (edit: every neighbour shows the new title), search finds it. The baseline row is the same publish when the build is full (a new code version).`,
        '',
        latency,
        '',
        breakdown,
      ].join('\n'),
    );
  }
  process.exit(samples.length === runs * 2 + 1 ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
