// Load test of the article view counter: a Strapi in one process (cms/tests/harness, throwaway
// database), autocannon in this one. Runs on SQLite, then on PostgreSQL when TEST_DATABASE_URL
// is set. SQLite runs twice: as configured (rollback journal, one fsync per write) and with the
// WAL journal the Counters section of docs/benchmarks.md recommends.
// Usage: pnpm bench:counters  (BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
import { fork } from 'node:child_process';
import { once } from 'node:events';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

const serve = async () => {
  const { CMS_DIR, startCms, strapiModule } = await import('../cms/tests/harness.ts');
  await strapiModule.compileStrapi({ appDir: CMS_DIR });
  // One IP plays every reader here, so the per-IP limit is lifted for the run.
  const cms = await startCms({ env: { ENGAGEMENT_REQUESTS_PER_MINUTE: '100000000' } });
  if (process.env.BENCH_SQLITE_WAL === '1') {
    await cms.strapi.db.connection.raw('PRAGMA journal_mode = WAL');
    await cms.strapi.db.connection.raw('PRAGMA synchronous = NORMAL');
  }
  const create = (title) => cms.strapi.documents('api::article.article').create({ data: { title }, status: 'published' });
  const [distinct, same] = await Promise.all([create('Bench: mỗi yêu cầu một người đọc'), create('Bench: một người đọc tải lại')]);
  process.send({ url: cms.url, distinct: distinct.documentId, same: same.documentId });
  await once(process, 'message');
  await cms.destroy();
  process.exit(0);
};

const load = async (autocannon, url, distinctReaders) => {
  let reader = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    duration: SECONDS,
    connections: CONNECTIONS,
    headers: { 'user-agent': BROWSER },
    // A new User-Agent is a new reader: every request is a counted write, the worst case.
    requests: [{ setupRequest: (req) => (distinctReaders ? { ...req, headers: { ...req.headers, 'user-agent': `${BROWSER} r/${(reader += 1)}` } } : req) }],
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, sent: result.requests.sent, ok: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
};

const bench = async (database, wal = false) => {
  const { default: autocannon } = await import('autocannon');
  const env = { ...process.env, TEST_DATABASE_CLIENT: database, BENCH_SQLITE_WAL: wal ? '1' : '0' };
  const server = fork(new URL(import.meta.url), ['--serve'], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ url, distinct, same }] = await once(server, 'message');
  // Counts are served by GraphQL from the counters table, as the site build reads them.
  const views = async (id) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { article(documentId: $id) { views } }', variables: { id } }),
    });
    return (await res.json()).data.article.views;
  };
  try {
    const rows = [];
    for (const [scenario, id, distinctReaders] of [['new reader per request', distinct, true], ['one reader reloading', same, false]]) {
      const run = await load(autocannon, `${url}/api/engagement/articles/${id}/view`, distinctReaders);
      // Requests still in flight when the clock stops are counted by the server but not by autocannon.
      const stored = await views(id);
      rows.push({ database: wal ? `${database} (WAL)` : database, scenario, ...run, views: stored, exact: distinctReaders ? stored >= run.ok && stored <= run.sent : stored === 1 });
    }
    return rows;
  } finally {
    server.send('stop');
    await once(server, 'exit');
  }
};

if (process.argv.includes('--serve')) {
  await serve();
} else {
  const runs = [['sqlite'], ['sqlite', true], ...(process.env.TEST_DATABASE_URL ? [['postgres']] : [])];
  const rows = [];
  for (const [database, wal] of runs) rows.push(...(await bench(database, wal)));
  console.log(`\nPOST /api/engagement/articles/:id/view, ${CONNECTIONS} connections, ${SECONDS} s per run, Node ${process.versions.node}\n`);
  console.log('| database | scenario | req/s | p50 ms | p99 ms | sent | 2xx | non-2xx/errors | views stored | exact |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.database} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.sent} | ${r.ok} | ${r.failed} | ${r.views} | ${r.exact ? 'yes' : 'NO'} |`);
  if (rows.some((r) => !r.exact || r.failed > 0)) process.exitCode = 1;
}
