// Load test of the article view counter as readers reach it: through the shipped nginx site
// (deploy/nginx, rendered for loopback) in front of real Strapi processes (cms/tests/harness,
// throwaway databases, IS_PROXIED=true). Every request is a new reader: a new connection from its
// own source address in 127.0.0.0/8 (Linux routes all of it to loopback), so nginx's
// $remote_addr, the CMS's per-IP limits and its visitor hash see one reader per request, the
// worst case (each one a counted write). Same-run baseline: Strapi's bare GET /_health through
// the same nginx with the same fresh connections.
// Runs: SQLite, one process; PostgreSQL (when TEST_DATABASE_URL is set), one and two processes.
// Usage: pnpm bench:counters  (BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
import { fork } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

// --- CMS processes (children) ----------------------------------------------------------------
const serve = async () => {
  const { CMS_DIR, startCms, strapiModule } = await import('../cms/tests/harness.ts');
  const join = process.env.BENCH_JOIN_DATABASE_URL;
  if (!join) await strapiModule.compileStrapi({ appDir: CMS_DIR });
  const cms = await startCms({
    env: {
      IS_PROXIED: 'true',
      VISITOR_HASH_SECRET: process.env.BENCH_VISITOR_SECRET,
      ...(join ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: join } : {}),
    },
  });
  const article = join
    ? undefined
    : await cms.strapi.documents('api::article.article').create({ data: { title: 'Bench: mỗi yêu cầu một người đọc' }, status: 'published' });
  process.send({ url: cms.url, databaseUrl: process.env.DATABASE_URL, article: article?.documentId });
  await once(process, 'message');
  await cms.destroy();
  process.exit(0);
};

const startServer = async (env) => {
  const child = fork(new URL(import.meta.url), ['--serve'], {
    env: { ...process.env, ...env },
    execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [info] = await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('a CMS process exited early')))]);
  return { ...info, stop: async () => (child.send('stop'), once(child, 'exit')) };
};

// --- load ------------------------------------------------------------------------------------
let block = 100;
/** A generator of fresh source addresses: 127.<block>.x.y, a new /16 per run so no reader repeats. */
const addresses = () => {
  const b = (block += 1);
  let n = 0;
  return () => {
    const i = n++;
    return `127.${b}.${Math.floor(i / 254) % 256}.${(i % 254) + 1}`;
  };
};

const send = (port, host, method, urlPath, from) =>
  new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, localAddress: from, agent: false, headers: { host, 'user-agent': BROWSER } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode >= 200 && res.statusCode < 300 ? 200 : res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.end();
  });

const load = async (port, host, method, urlPath) => {
  const next = addresses();
  const latencies = [];
  const statuses = new Map();
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const status = await send(port, host, method, urlPath, next());
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  const ok = statuses.get(200) ?? 0;
  return { sent: latencies.length, ok, failed: latencies.length - ok, rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99) };
};

const bench = async (database, processes) => {
  const { startNginx, CMS_HOST } = await import('../cms/tests/nginx.ts');
  const env = { TEST_DATABASE_CLIENT: database, BENCH_VISITOR_SECRET: `bench-${process.pid}-${Date.now()}` };
  const servers = [await startServer(env)];
  for (let n = 1; n < processes; n += 1) servers.push(await startServer({ ...env, BENCH_JOIN_DATABASE_URL: servers[0].databaseUrl }));
  const siteRoot = await mkdtemp(path.join(tmpdir(), 'toasoan-bench-site-'));
  await writeFile(path.join(siteRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const nginx = await startNginx({ siteRoot, cmsUrls: servers.map((s) => s.url) });
  try {
    const viewPath = `/api/engagement/articles/${servers[0].article}/view`;
    const label = `${database}, ${processes} CMS process${processes > 1 ? 'es' : ''}`;
    const baseline = await load(nginx.port, CMS_HOST, 'GET', '/_health');
    const views = await load(nginx.port, CMS_HOST, 'POST', viewPath);
    // One more new reader reads the count back (and is counted itself).
    const reply = await new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: nginx.port, path: viewPath, method: 'POST', localAddress: '127.99.0.1', agent: false, headers: { host: CMS_HOST, 'user-agent': BROWSER } }, async (res) => {
        let body = '';
        for await (const chunk of res) body += chunk;
        resolve(JSON.parse(body));
      });
      req.end();
    });
    const stored = reply.data.views - 1;
    return [
      { setup: label, scenario: 'baseline GET /_health', ...baseline, views: '', exact: baseline.failed === 0 },
      { setup: label, scenario: 'new reader per request', ...views, views: stored, exact: stored === views.ok && views.failed === 0 },
    ];
  } finally {
    await nginx.stop();
    for (const server of servers.reverse()) await server.stop();
    await rm(siteRoot, { recursive: true, force: true });
  }
};

if (process.argv.includes('--serve')) {
  await serve();
} else {
  const runs = [['sqlite', 1], ...(process.env.TEST_DATABASE_URL ? [['postgres', 1], ['postgres', 2]] : [])];
  const rows = [];
  const load1 = [];
  for (const [database, processes] of runs) {
    load1.push(loadavg()[0].toFixed(2));
    rows.push(...(await bench(database, processes)));
  }
  console.log(`\nThrough nginx (shipped site config), ${CONNECTIONS} concurrent readers, a new connection from a new address per request, ${SECONDS} s per scenario, Node ${process.versions.node}`);
  console.log(`1-minute load average before each setup: ${load1.join(', ')}\n`);
  console.log('| setup | scenario | req/s | p50 ms | p99 ms | sent | 200 | other/errors | views stored | exact |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.setup} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.sent} | ${r.ok} | ${r.failed} | ${r.views} | ${r.exact ? 'yes' : 'NO'} |`);
  if (rows.some((r) => !r.exact)) process.exitCode = 1;
}
