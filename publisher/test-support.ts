// Shared by the publisher's integration tests: a temp site whose fixture build the test controls.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { loadConfig } from './config.ts';
import type { Logger } from './log.ts';
import { startPublisher, type Publisher, type PublisherStatus } from './server.ts';

export const SECRET = 'test-secret-0123456789abcdef';
export const webDir = fileURLToPath(new URL('../web', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/build.mjs', import.meta.url));
const indexFixture = fileURLToPath(new URL('./fixtures/index.mjs', import.meta.url));

export interface Article {
  slug: string;
  title: string;
  body: string;
}

export interface Content {
  title: string;
  articles: Article[];
  sleepMs?: number;
  fail?: string;
  omit404?: boolean;
  /** The release's redirect map (_redirects.json), old path → new path. */
  redirects?: Record<string, string>;
}

export interface Site {
  dir: string;
  releasesDir: string;
  /** The fixture's content file; `<it>.index-hold` / `.index-fail` steer the fixture indexer. */
  contentFile: string;
  /** PUBLISHER_INDEX_COMMAND running the fixture indexer (fixtures/index.mjs). */
  indexCommand: string;
  write(content: Content): void;
  /** Builds the fixture has started, across all processes. */
  builds(): number;
  /** Process ids of the fixture builds, oldest first. */
  buildPids(): number[];
  /** Every line the fixture builds recorded (start, go, end), oldest first. */
  buildLog(): Array<{ what: string; pid: number; at: number }>;
  /** Pairs of [start, end] times per build; end is null for a build that never finished. */
  buildSpans(): Array<[number, number | null]>;
  env(extra?: Record<string, string>): Record<string, string>;
}

export function makeSite(content: Content): Site {
  const dir = mkdtempSync(join(tmpdir(), 'publisher-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const contentFile = join(dir, 'content.json');
  const log = () => {
    try {
      return readFileSync(`${contentFile}.builds`, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(' '));
    } catch {
      return [];
    }
  };
  const site: Site = {
    dir,
    releasesDir: join(dir, 'releases'),
    contentFile,
    indexCommand: `"${process.execPath}" "${indexFixture}" "${contentFile}"`,
    write: (next) => writeFileSync(contentFile, JSON.stringify(next)),
    builds: () => log().filter(([what]) => what === 'start').length,
    buildPids: () => log().filter(([what]) => what === 'start').map(([, pid]) => Number(pid)),
    buildLog: () => log().map(([what, pid, at]) => ({ what: what!, pid: Number(pid), at: Number(at) })),
    buildSpans: () => {
      const lines = log();
      return lines
        .filter(([what]) => what === 'start')
        .map(([, pid, at]) => {
          const end = lines.find(([what, endPid]) => what === 'end' && endPid === pid);
          return [Number(at), end ? Number(end[2]) : null];
        });
    },
    env: (extra = {}) => ({
      REBUILD_WEBHOOK_SECRET: SECRET,
      PUBLISHER_CONTROL_PORT: '0',
      PUBLISHER_SITE_PORT: '0',
      // Each test says when it wants a build; the default (build when nothing is live) has its own test.
      PUBLISHER_BUILD_ON_START: 'never',
      PUBLISHER_RELEASES_DIR: site.releasesDir,
      PUBLISHER_DEBOUNCE_MS: '100',
      // Long enough that a test sees a recovery caused by its own event, not by a retry.
      PUBLISHER_RETRY_BASE_MS: '60000',
      PUBLISHER_BUILD_COMMAND: `"${process.execPath}" "${fixture}" "${contentFile}"`,
      PUBLISHER_ASTRO_CACHE_DIR: join(dir, 'astro-cache'),
      ...extra,
    }),
  };
  site.write(content);
  return site;
}

export interface Running extends Publisher {
  /** The control address (/webhook, /status, /health). */
  url: string;
  siteUrl: string;
  logs: Array<Record<string, unknown>>;
}

export async function start(site: Site, extra: Record<string, string> = {}): Promise<Running> {
  const logs: Array<Record<string, unknown>> = [];
  const log: Logger = (level, event, fields = {}) => logs.push({ level, event, ...fields });
  const publisher = await startPublisher(loadConfig({ ...process.env, ...site.env(extra) }, webDir), { log });
  onTestFinished(() => publisher.close());
  return { ...publisher, url: publisher.controlUrl, siteUrl: publisher.siteUrl!, logs };
}

export function sendWebhook(url: string, payload: unknown, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) {
  return fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

export const publishEvent = (documentId: string, model = 'article') => ({
  event: 'entry.publish',
  createdAt: new Date().toISOString(),
  model,
  uid: `api::${model}.${model}`,
  entry: { id: 1, documentId, publishedAt: new Date().toISOString() },
});

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Polls until `probe` returns something truthy, and returns it. */
export async function waitFor<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 20_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The full status, as the CMS (holding the webhook secret) sees it. */
export async function getStatus(url: string): Promise<PublisherStatus> {
  return (await fetch(`${url}/status`, { headers: { authorization: `Bearer ${SECRET}` } })).json() as Promise<PublisherStatus>;
}

/** No build running or waiting, and nothing readying the next publish (its staging may still run after a release). */
export function idle(url: string) {
  return waitFor('the publisher to be idle', async () => {
    const status = await getStatus(url);
    return !status.building && status.queued === 0 && !status.preparing && status;
  });
}

export async function page(url: string, path: string) {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Linux: a killed grandchild of the service is reparented and may linger as a zombie, which is not running. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return false;
  }
}
