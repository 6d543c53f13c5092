// Scheduled publishing with two CMS processes on one PostgreSQL database, both ticking every second
// at the same moments: each scheduled article is published once, announced by exactly one webhook.
// PostgreSQL only (SQLite is one process by design): runs in the PostgreSQL pass of `npm test`.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './api-client';
import { startCms, type TestCms } from './harness';
import { startWebhookReceiver } from './webhook-receiver';

describe.runIf(process.env.TEST_DATABASE_CLIENT === 'postgres')('scheduled publishing with two CMS processes', () => {
  let first: TestCms;
  let second: ChildProcess;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    hooks = await startWebhookReceiver(randomBytes(16).toString('hex'));
    const shared = { ...hooks.env, SCHEDULER_TICK: '* * * * * *' };
    first = await startCms({ env: shared });
    second = fork(path.join(import.meta.dirname, 'cms-process.mjs'), {
      execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
      env: { ...process.env, CMS_PROCESS_ENV: JSON.stringify({ ...shared, DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.DATABASE_URL }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await Promise.race([once(second, 'message'), once(second, 'exit').then(() => { throw new Error('the second CMS process exited before listening'); })]);
  }, 300_000);

  afterAll(async () => {
    if (second?.connected) {
      second.send('stop');
      await once(second, 'exit');
    }
    await first?.destroy();
    await hooks?.stop();
  });

  it('publishes each scheduled article once, with one webhook', async () => {
    const articles = first.strapi.documents('api::article.article');
    const at = new Date(Date.now() + 4000).toISOString();
    const batch = await Promise.all(Array.from({ length: 5 }, (_, n) => articles.create({ data: { title: `Hai tiến trình hẹn giờ ${n}`, publishAt: at } })));
    // Due after the batch: by its webhook both processes have ticked past the batch's time again.
    const later = await articles.create({ data: { title: 'Hẹn giờ sau cùng', publishAt: new Date(Date.now() + 7000).toISOString() } });

    for (const { documentId } of batch) await hooks.waitFor('entry.publish', documentId);
    await hooks.waitFor('entry.publish', later.documentId);

    for (const { documentId } of batch) expect(hooks.matching('entry.publish', documentId)).toHaveLength(1);
    const published = await graphql(first, '{ articles(filters: { title: { startsWith: "Hai tiến trình hẹn giờ" } }) { title } }', {});
    expect(published.errors).toBeUndefined();
    expect(published.data.articles).toHaveLength(5);
    // One published row per article, no duplicate from a second publish.
    expect(await first.strapi.db.query('api::article.article').count({ where: { title: { $startsWith: 'Hai tiến trình hẹn giờ' }, publishedAt: { $notNull: true } } })).toBe(5);
  }, 120_000);
});
