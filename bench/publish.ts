// `pnpm bench:publish` — publish-to-live latency: from an editor publishing an article to its page
// answering 200 on the site served by the rebuild service.
//
//   pnpm bench:publish [--corpus demo|10k] [--runs 10] [--write-docs]
//
// 1. Picks a port for the rebuild service, starts a throwaway CMS whose bootstrap registers the
//    rebuild webhook to it (REBUILD_WEBHOOK_URL/REBUILD_WEBHOOK_SECRET), fills it (demo seed by
//    default, or the 10k corpus of bench/corpus.ts).
// 2. Starts the rebuild service in this process — startPublisher(loadConfig(env, web/)) from
//    publisher/ — with its production defaults (debounce 1.5 s, full `astro build` per change)
//    and waits for its first build to go live. Releases and the image cache live in a temp folder
//    (the build runs web/astro.config.ts through a wrapper that only changes cacheDir).
// 3. N times, one after the other (each starts with the service idle): creates and publishes a new
//    article through the Document Service (which fires entry.create + entry.publish like the admin
//    panel does) and polls GET <service>/tin-tuc/<slug>/ every 100 ms until it answers 200.
// 4. Prints p50/p95/max and the share spent in the build; --write-docs writes the figures into the
//    "## Publish to live" section of docs/benchmarks.md (prose around them is kept).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { argValue, hasFlag, machineLine, seconds, startCmsWithCorpus, table, WEB_DIR, writeDocsSection, type CorpusKind } from './build.ts';

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
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
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

const main = async () => {
  const corpus = argValue('corpus', 'demo') as CorpusKind;
  if (corpus !== '10k' && corpus !== 'demo') throw new Error(`--corpus must be demo or 10k (got ${corpus})`);
  const runs = Number(argValue('runs', '10'));
  const machineInfo = machineLine();
  console.log(`bench:publish — corpus ${corpus}, ${runs} publishes\nmachine: ${machineInfo}`);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-bench-publish-'));
  const secret = randomBytes(24).toString('hex');
  const port = await freePort();
  const publisherUrl = `http://127.0.0.1:${port}`;
  const { cms, corpusMs } = await startCmsWithCorpus(corpus, {
    REBUILD_WEBHOOK_URL: `${publisherUrl}/webhook`,
    REBUILD_WEBHOOK_SECRET: secret,
  });
  console.log(`CMS ready at ${cms.url} (${corpus === '10k' ? 'corpus generated' : 'demo seeded'} in ${seconds(corpusMs)})`);

  // The production build command, with the image cache in the temp folder instead of web/.cache.
  const wrapper = path.join(workDir, 'config', 'astro.config.mjs');
  await mkdir(path.dirname(wrapper), { recursive: true });
  await writeFile(
    wrapper,
    `import base from ${JSON.stringify(path.join(WEB_DIR, 'astro.config.ts'))};\nexport default { ...base, cacheDir: ${JSON.stringify(path.join(workDir, 'cache') + '/')} };\n`,
  );
  const astro = path.join(WEB_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const buildCommand = [process.execPath, astro, 'build', '--root', WEB_DIR, '--config', path.relative(WEB_DIR, wrapper), '--outDir', '{outDir}'].map((a) => (a === '{outDir}' ? a : quote(a))).join(' ');

  const { loadConfig } = await import('../publisher/config.ts');
  const { startPublisher } = await import('../publisher/server.ts');
  const builds: Array<{ event: string; durationMs?: number; at: number }> = [];
  const log = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    if (event.startsWith('build.')) builds.push({ event, durationMs: fields.durationMs as number | undefined, at: performance.now() });
    if (level !== 'info' || event.startsWith('build.')) console.log(`  [publisher] ${level} ${event} ${JSON.stringify(fields).slice(0, 300)}`);
  };
  const env = {
    ...process.env,
    REBUILD_WEBHOOK_SECRET: secret,
    PUBLISHER_CONTROL_PORT: String(port),
    PUBLISHER_SITE_PORT: '0',
    PUBLISHER_RELEASES_DIR: path.join(workDir, 'releases'),
    PUBLISHER_BUILD_ON_START: 'always',
    PUBLISHER_BUILD_COMMAND: buildCommand,
    STRAPI_URL: cms.url,
    STRAPI_TOKEN: cms.buildToken,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'].filter(Boolean).join(' '),
  };
  const config = loadConfig(env, WEB_DIR);
  const publisher = await startPublisher(config, { log: log as any });
  const results: Array<{ slug: string; ms: number; buildMs?: number }> = [];
  let firstBuildMs = NaN;
  try {
    const t0 = performance.now();
    await waitFor('the first build', () => {
      const s = publisher.status();
      if (s.lastError && !s.liveRelease) throw new Error(`first build failed: ${s.lastError.message}`);
      return s.liveRelease !== null;
    }, 30 * 60_000, 250);
    firstBuildMs = performance.now() - t0;
    console.log(`first build live after ${seconds(firstBuildMs)}`);

    const category = await cms.strapi.documents('api::category.category').findFirst({});
    for (let i = 1; i <= runs; i += 1) {
      await waitFor('an idle rebuild service', () => {
        const s = publisher.status();
        return !s.building && s.queued === 0;
      }, 30 * 60_000, 100);
      const buildsBefore = builds.length;
      const title = `Tin đo thời gian xuất bản số ${i} - ${randomBytes(3).toString('hex')}`;
      const started = performance.now();
      const doc = await cms.strapi.documents('api::article.article').create({
        data: {
          title,
          lead: 'Bài viết do bench:publish tạo để đo thời gian từ lúc xuất bản đến khi trang hiện trên cổng thông tin.',
          body: 'Nội dung bài viết thử nghiệm.\n\nĐoạn thứ hai của bài viết.',
          author: 'Bench',
          ...(category ? { category: category.documentId } : {}),
        } as any,
        status: 'published',
      });
      const slug = (doc as any).slug as string;
      const pageUrl = `${publisher.siteUrl}/tin-tuc/${encodeURIComponent(slug)}/`;
      await waitFor(`${pageUrl} to answer 200`, async () => {
        const res = await fetch(pageUrl).catch(() => undefined);
        await res?.body?.cancel();
        return res?.status === 200;
      }, 30 * 60_000, 100);
      const ms = performance.now() - started;
      const build = builds.slice(buildsBefore).find((b) => b.event === 'build.succeeded');
      results.push({ slug, ms, buildMs: build?.durationMs });
      console.log(`publish ${i}/${runs}: live after ${seconds(ms)}${build?.durationMs ? ` (build ${seconds(build.durationMs)})` : ''} — /tin-tuc/${slug}/`);
    }
  } finally {
    await publisher.close();
    await cms.destroy();
    await rm(workDir, { recursive: true, force: true });
  }

  const latencies = results.map((r) => r.ms);
  const buildTimes = results.map((r) => r.buildMs).filter((v): v is number => typeof v === 'number');
  const rows = [
    ['publish → page 200', seconds(percentile(latencies, 50)), seconds(percentile(latencies, 95)), seconds(Math.min(...latencies)), seconds(Math.max(...latencies))],
    ['of which: full rebuild', seconds(percentile(buildTimes, 50)), seconds(percentile(buildTimes, 95)), seconds(Math.min(...buildTimes)), seconds(Math.max(...buildTimes))],
  ];
  const md = table(['', 'p50', 'p95', 'min', 'max'], rows);
  console.log(`\nfirst build (service start): ${seconds(firstBuildMs)}\n${md}`);
  if (hasFlag('write-docs')) {
    await writeDocsSection(
      'Publish to live',
      `publish:${corpus}`,
      [
        `Measured ${new Date().toISOString().slice(0, 10)} with \`pnpm bench:publish --corpus ${corpus} --runs ${runs}\` on ${machineInfo}.`,
        `Corpus: ${corpus === 'demo' ? 'demo seed (33 published articles, 121 pages)' : '10k (10,000 articles, 2,000 documents, 3,000 gallery images)'}; rebuild service with its defaults (debounce ${config.debounceMs} ms, one full \`astro build\` per batch of changes); first build after start ${seconds(firstBuildMs)}.`,
        '',
        md,
      ].join('\n'),
    );
  }
  process.exit(results.length === runs ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
