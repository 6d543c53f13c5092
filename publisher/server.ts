import { mkdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { runBuild, startBuild, type RunningBuild } from './build.ts';
import type { Listen, PublisherConfig } from './config.ts';
import { errorMessage, jsonLogger, type Logger } from './log.ts';
import { createQueue } from './queue.ts';
import { dispatch } from './relay.ts';
import { codeVersion, readState, writeState } from './cache.ts';
import { completeFromStaging, keepKeys, prepareKeys, stageFromLive, type Completion, type Staged } from './partial.ts';
import { activate, checkRelease, newReleaseId, partialDir, prune, readLive, recover } from './releases.ts';
import { linkUnchanged } from './reuse.ts';
import { carryIndex, dropUnusedIndexes, indexesDir, placeIndex, removePartialIndexes, writeIndexAside } from './search-index.ts';
import { serveStatic } from './static.ts';
import { classify, HttpError, isAuthorized, parsePayload, readBody, type ChangeSummary } from './webhook.ts';

/** A page Astro rendered, in its build log: "├─ /tin-tuc/x/index.html (+12ms)". */
const ASTRO_PAGE_LINE = /[├└]─ \/\S*\s+\(\+[\d.]+m?s\)/;

export interface BuildPhases {
  /** Computing the code version (and deciding on a full build). */
  prepare: number;
  /** The build command until Astro starts rendering pages (content sync, bundling). */
  sync?: number;
  /** Astro's page generation until the build command exits (Pagefind hook included, if any). */
  render?: number;
  build: number;
  /** Hard-linking files identical to the previous release's, after the switch. */
  reuse?: number;
  /** Check and the atomic switch. */
  activate: number;
  /** Search index, from the build's end (beside check and switch) until placed in the live release. */
  index?: number;
}

export interface PublisherStatus {
  mode: PublisherConfig['mode'];
  liveRelease: string | null;
  lastSuccess: {
    at: string;
    durationMs: number;
    release: string | null;
    full?: boolean;
    phases?: BuildPhases;
    reuse?: { linked: number; kept: number; bytesShared: number };
    /** Pages Astro rendered, and keyed pages carried over unchanged from the live release (partial build). */
    pages?: { rendered: number; reused: number };
  } | null;
  /** The search index of the live release, when an index command writes it after the build. */
  lastIndex: { at: string; release: string; durationMs: number; error: string | null } | null;
  lastError: { at: string; message: string } | null;
  /** Changes waiting for the next build (or dispatch). */
  queued: number;
  building: boolean;
  nextRetryAt: string | null;
  /** Builds (or dispatches) attempted since start, failed ones included. */
  buildCount: number;
  /** The next build, started ahead of the publish: still starting, or waiting for it (build.ts). */
  standby: 'starting' | 'waiting' | null;
  /**
   * The next publish is still being readied in the background: the live release's pages being
   * linked for the next release, or the next index command linking the full index. A publish
   * meanwhile shares the machine with that work.
   */
  preparing: boolean;
}

/** What /status tells a caller without the webhook secret: whether the site is up to date, no build output. */
export interface PublicStatus {
  mode: PublisherConfig['mode'];
  live: boolean;
  building: boolean;
  queued: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
}

export interface Publisher {
  /** Base URL of /webhook, /status and /health. */
  controlUrl: string;
  /** Base URL of the live site, when this service serves it (config.site). */
  siteUrl: string | null;
  /** Base URL of the redirect-or-404 answerer for nginx's misses (config.redirects). */
  redirectsUrl: string | null;
  status(): PublisherStatus;
  close(): Promise<void>;
}

export interface PublisherDeps {
  log?: Logger;
  fetch?: typeof fetch;
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export async function startPublisher(config: PublisherConfig, deps: PublisherDeps = {}): Promise<Publisher> {
  const log = deps.log ?? jsonLogger();
  const abort = new AbortController();
  let liveRelease: string | null = null;
  let lastSuccess: PublisherStatus['lastSuccess'] = null;
  let lastError: PublisherStatus['lastError'] = null;
  let lastIndex: PublisherStatus['lastIndex'] = null;
  let buildCount = 0;

  // Survives restarts: a change accepted but not yet built (crash, deploy, kill during a build)
  // is rebuilt when the service comes back instead of waiting for the next edit. Synchronous so a
  // write for a new change can never be reordered after the removal for the previous build.
  const pendingMarker = join(dirname(config.releasesDir), 'pending');
  /** The one output folder every build uses (renamed into its release once checked). */
  const buildDir = join(dirname(config.releasesDir), 'build');
  /** Where the index command writes the next search index, moved into its release once live. */
  const indexDir = join(dirname(config.releasesDir), 'search-index');
  /** Page keys of the live release, for partial builds (partial.ts). */
  const keysDir = join(dirname(config.releasesDir), 'page-keys');
  /** The next partial build, started ahead of the publish (config.standby; build.ts). */
  let standby: { build: RunningBuild; version: string; state: 'starting' | 'waiting' | 'ended' } | null = null;
  /** The next index command, started ahead of the build's end (config.indexStandby). */
  let indexStandby: RunningBuild | null = null;
  /** The next release's pages, linked from the live release ahead of the publish (stageAhead). */
  const nextDir = join(dirname(config.releasesDir), 'next-release');
  let stagedAhead: { live: string; files: Promise<Staged> } | null = null;
  /** Background work readying the next publish (stageAhead, startIndexStandby) not yet done. */
  let preparing = 0;
  const prepare = (work: Promise<unknown>) => {
    preparing += 1;
    void work.catch(() => undefined).finally(() => (preparing -= 1));
  };
  let dirty = false;
  const markDirty = () => {
    if (dirty) return;
    mkdirSync(dirname(pendingMarker), { recursive: true });
    writeFileSync(pendingMarker, new Date().toISOString());
    dirty = true;
  };
  const markClean = () => {
    rmSync(pendingMarker, { force: true });
    dirty = false;
  };

  if (config.mode === 'build') {
    const recovered = await recover(config.liveLink, config.releasesDir, config.expectedPages);
    liveRelease = recovered.live;
    // Half-written indexes a crash left behind were never placed (older releases wrote them inside).
    if (liveRelease) await removePartialIndexes(join(config.releasesDir, liveRelease));
    await rm(indexDir, { recursive: true, force: true });
    await rm(nextDir, { recursive: true, force: true });
    await dropUnusedIndexes(config.releasesDir, indexesDir(config.releasesDir));
    log('info', 'startup.recovered', { liveRelease, removedPartialBuilds: recovered.removed });
  } else {
    liveRelease = await readLive(config.liveLink, config.releasesDir, config.expectedPages);
  }

  function fail(startedAt: number, error: unknown, fields: Record<string, unknown>) {
    const message = errorMessage(error);
    lastError = { at: new Date().toISOString(), message };
    log('error', config.mode === 'build' ? 'build.failed' : 'relay.failed', {
      ...fields,
      durationMs: Math.round(performance.now() - startedAt),
      error: message,
    });
  }

  function succeed(startedAt: number, release: string | null, fields: Record<string, unknown>, extra: Partial<NonNullable<PublisherStatus['lastSuccess']>> = {}) {
    const durationMs = Math.round(performance.now() - startedAt);
    lastSuccess = { at: new Date().toISOString(), durationMs, release, ...extra };
    log('info', config.mode === 'build' ? 'build.succeeded' : 'relay.dispatched', { ...fields, durationMs });
    if (queue.status().queued === 0) markClean();
  }

  /** What every build is told besides the full/partial choice. */
  const buildOptions = (version: string) => ({
    PUBLISHER_CODE_VERSION: version,
    // The search index is written after the build; the build may skip its own.
    PUBLISHER_INDEX_AFTER: config.indexCommand ? '1' : '0',
    ASTRO_CACHE_DIR: config.astroCacheDir,
    // Keyed pages whose key is unchanged are not rendered (partial build).
    PUBLISHER_PAGE_KEYS: keysDir,
  });
  const buildCommand = () => ({ argv: config.buildCommand, cwd: config.buildCwd, env: config.buildEnv, timeoutMs: config.buildTimeoutMs, signal: abort.signal });
  // At a lower priority: it shares the machine with the release's check and switch.
  const indexCommand = () => ({ argv: ['nice', '-n', '10', ...config.indexCommand!], cwd: config.buildCwd, env: config.buildEnv, timeoutMs: config.indexTimeoutMs, signal: abort.signal });
  const indexOptions = (dir: string) => ({ PUBLISHER_INDEX_DIR: dir, ASTRO_CACHE_DIR: config.astroCacheDir });

  /**
   * Starts the next index command now, waiting for the build's end: it links the full index into
   * the index folder meanwhile (~1.5 s at 50,000 articles; web/scripts/search-index.ts). Called
   * only when no index is being written.
   */
  async function startIndexStandby() {
    if (!config.indexCommand || !config.indexStandby || abort.signal.aborted || indexStandby) return;
    await rm(indexDir, { recursive: true, force: true });
    const held = startBuild(indexCommand(), indexDir, { env: indexOptions(indexDir), standby: true });
    held.done.catch(() => undefined).finally(() => indexStandby === held && (indexStandby = null));
    prepare(Promise.race([held.ready, held.done]));
    indexStandby = held;
  }

  /** The waiting index command is not used (the build failed): stopped before its folder goes. */
  async function dropIndexStandby() {
    const held = indexStandby;
    indexStandby = null;
    held?.stop('was not needed');
    await held?.done.catch(() => undefined);
  }

  /**
   * Links the live release's keyed pages into the next release's folder now, from the keys kept
   * when it went live, rather than while the next build runs (at 50,000 articles ~67,000 links,
   * whose system time the build's sync and render shared 2 cores with). Only a partial build of
   * the same live release uses them (buildRelease).
   */
  function stageAhead() {
    if (!liveRelease || stagedAhead) return;
    const liveDir = join(config.releasesDir, liveRelease);
    const files = rm(nextDir, { recursive: true, force: true }).then(() => stageFromLive(keysDir, liveDir, nextDir));
    files.catch(() => undefined); // awaited by the build that takes it, or dropped
    prepare(files);
    stagedAhead = { live: liveRelease, files };
  }

  /** Pages staged ahead that no build takes. */
  async function dropStaged(staged: NonNullable<typeof stagedAhead>) {
    await staged.files.catch(() => undefined);
    await rm(nextDir, { recursive: true, force: true });
  }

  /**
   * Readies the next publish now: its release's pages staged, its index command and its partial
   * build started, so that Astro's start is paid before the next publish rather than after it;
   * the build reads nothing until that publish (web/src/lib/standby.ts). Called only between
   * builds, so it is the one process writing the build folder.
   */
  async function startStandby() {
    stageAhead();
    await startIndexStandby().catch((error) => log('warn', 'standby.failed', { error: errorMessage(error) }));
    if (!config.standby || abort.signal.aborted || !liveRelease) return;
    try {
      const version = await codeVersion(config.codePaths, config.buildEnv, config.codeEnv);
      await rm(buildDir, { recursive: true, force: true });
      const build = startBuild(buildCommand(), buildDir, { env: buildOptions(version), standby: true });
      const held: NonNullable<typeof standby> = { build, version, state: 'starting' };
      void build.ready.then((ready) => ready && held.state === 'starting' && (held.state = 'waiting'));
      // A standby that is stopped or fails is replaced by a fresh build, not reported.
      build.done.catch(() => undefined).finally(() => (held.state = 'ended'));
      standby = held;
    } catch (error) {
      log('warn', 'standby.failed', { error: errorMessage(error) });
    }
  }

  /** The standby build if it fits this build (same code, partial) and is waiting; else none. */
  async function takeStandby(version: string, full: boolean): Promise<RunningBuild | null> {
    const held = standby;
    standby = null;
    if (!held) return null;
    if (!full && held.version === version && (await held.build.ready)) return held.build;
    held.build.stop('was not needed');
    await held.build.done.catch(() => undefined);
    return null;
  }

  async function buildRelease(changes: ChangeSummary[]) {
    const ahead = stagedAhead;
    stagedAhead = null;
    const id = newReleaseId();
    const outDir = partialDir(config.releasesDir, id);
    const startedAt = performance.now();
    buildCount += 1;
    const phases: BuildPhases = { prepare: 0, build: 0, activate: 0 };
    let step = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = Math.round(now - step);
      step = now;
      return ms;
    };
    let full = false;
    let version = '';
    const pages = { rendered: 0, reused: 0 };
    let completion: Completion;
    const liveDir = liveRelease && join(config.releasesDir, liveRelease);
    let staging: Promise<Staged> | null = null;
    let indexing: Promise<number> | null = null;
    try {
      version = await codeVersion(config.codePaths, config.buildEnv, config.codeEnv);
      full = (await readState(config.stateFile)).codeVersion !== version;
      // Untrusted keys (a new code version, or keys not kept when the live release went live) mean
      // every page is rendered: neither pages staged by them nor a standby build, which read them
      // as it started (web/src/lib/partial-build.ts), is used.
      const trusted = await prepareKeys(keysDir, liveRelease, full);
      if (ahead && trusted && ahead.live === liveRelease) {
        // Filled ahead of the publish from the live release's kept keys (stageAhead).
        staging = ahead.files.then(async (files) => {
          await rename(nextDir, outDir);
          return files;
        });
      } else {
        if (ahead) await dropStaged(ahead);
        // The release folder is filled with the live release's pages while the build runs.
        staging = stageFromLive(keysDir, liveDir, outDir);
      }
      staging.catch(() => undefined); // awaited below; a failing build must not leave it unhandled
      phases.prepare = lap();
      const held = await takeStandby(version, !trusted);
      log('info', 'build.started', { release: id, changes: changes.length, full, standby: held !== null });
      // A standby build has written its bundle there already (it emptied the folder when it started).
      if (!held) {
        await rm(buildDir, { recursive: true, force: true });
        await mkdir(buildDir, { recursive: true });
      }
      let renderStartedAt: number | null = null;
      // Astro prints this banner when content is synced and the bundle built, before any page.
      const onLine = (line: string) => {
        if (renderStartedAt === null && /generating static routes/.test(line)) renderStartedAt = performance.now();
        if (ASTRO_PAGE_LINE.test(stripVTControlCharacters(line))) pages.rendered += 1;
      };
      let running: RunningBuild;
      if (held) {
        running = held;
        held.onLine = onLine;
        held.go();
      } else {
        running = startBuild(buildCommand(), buildDir, { full, env: buildOptions(version), onLine });
      }
      await running.done;
      if (renderStartedAt !== null) {
        phases.sync = Math.round(renderStartedAt - step);
        phases.render = Math.round(performance.now() - renderStartedAt);
      }
      phases.build = lap();
      // The index is written from the build's records while the release is completed and switched.
      if (config.indexCommand) {
        indexing = writeIndex();
        indexing.catch(() => undefined); // awaited after the switch, or below on failure
      }
      completion = await completeFromStaging(keysDir, buildDir, outDir, await staging);
      pages.reused = completion.carried;
      await rm(buildDir, { recursive: true, force: true });
      await checkRelease(outDir, config.expectedPages);
      if (config.indexCommand) await carryIndex(outDir, liveDir);
      await activate(config.liveLink, config.releasesDir, id);
      phases.activate = lap();
    } catch (error) {
      await staging?.catch(() => undefined);
      await indexing?.catch(() => undefined);
      await dropIndexStandby();
      if (ahead) await dropStaged(ahead);
      await rm(indexDir, { recursive: true, force: true });
      await rm(buildDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
      fail(startedAt, error, { release: id, full });
      await startStandby();
      throw error;
    }
    const previous = liveRelease;
    liveRelease = id;
    // Only a build that went live vouches for the code version and its page keys; after a failed
    // one the next build renders everything again.
    await writeState(config.stateFile, { codeVersion: version }).catch((error) => log('warn', 'state.write_failed', { error: errorMessage(error) }));
    // Beside the index command's end (0.25 s at 50k, mostly the assets list): kept before any next build.
    const keeping = keepKeys(keysDir, id, completion.assets).catch((error) => log('warn', 'keys.write_failed', { error: errorMessage(error) }));
    succeed(startedAt, id, { release: id, changes: changes.length, full, phases, pages }, { full, phases, pages });
    if (indexing) await indexRelease(id, indexing, phases);
    await keeping;
    await startStandby();
    // After the switch, off the publish's critical path: each file is replaced by an identical one
    // (rename(2)), so readers of the live release never notice. Before pruning, which may remove `previous`.
    if (previous) {
      const reuseStartedAt = performance.now();
      try {
        // A partial build's carried pages are links to `previous` already: only its own files are compared.
        const result = await linkUnchanged(join(config.releasesDir, id), join(config.releasesDir, previous), completion.written ?? undefined);
        phases.reuse = Math.round(performance.now() - reuseStartedAt);
        if (lastSuccess?.release === id) lastSuccess.reuse = result;
        log('info', 'release.reused', { release: id, from: previous, durationMs: phases.reuse, ...result });
      } catch (error) {
        log('warn', 'release.reuse_failed', { release: id, error: errorMessage(error) });
      }
    }
    try {
      const removed = await prune(config.releasesDir, liveRelease, config.keepReleases);
      const indexes = await dropUnusedIndexes(config.releasesDir, indexesDir(config.releasesDir));
      if (removed.length || indexes.length) log('info', 'release.pruned', { removed, indexes });
    } catch (error) {
      log('warn', 'release.prune_failed', { error: errorMessage(error) });
    }
  }

  /**
   * The search index follows the build: written aside while the release is checked and switched,
   * then placed in the live release, which searches its previous index until then. Resolves with
   * the time the index command started.
   */
  async function writeIndex(): Promise<number> {
    const startedAt = performance.now();
    const held = indexStandby;
    indexStandby = null;
    if (held && (await held.ready)) {
      held.go();
      // As writeIndexAside: a failed write leaves nothing behind.
      await held.done.catch(async (error) => {
        await rm(indexDir, { recursive: true, force: true });
        throw error;
      });
      return startedAt;
    }
    await held?.done.catch(() => undefined);
    await writeIndexAside(indexDir, (dir) => runBuild(indexCommand(), dir, { env: indexOptions(dir) }));
    return startedAt;
  }

  /** Once release `id` is live: its new search index replaces the one it went live with. */
  async function indexRelease(id: string, indexing: Promise<number>, phases: BuildPhases) {
    const startedAt = performance.now();
    try {
      const indexStartedAt = await indexing;
      await placeIndex(join(config.releasesDir, id), indexDir, indexesDir(config.releasesDir));
      phases.index = Math.round(performance.now() - indexStartedAt);
      lastIndex = { at: new Date().toISOString(), release: id, durationMs: phases.index, error: null };
      log('info', 'index.succeeded', { release: id, durationMs: phases.index });
    } catch (error) {
      const durationMs = Math.round(performance.now() - startedAt);
      lastIndex = { at: new Date().toISOString(), release: id, durationMs, error: errorMessage(error) };
      log('error', 'index.failed', { release: id, durationMs, error: errorMessage(error) });
    }
  }

  async function relayChanges(changes: ChangeSummary[]) {
    const startedAt = performance.now();
    buildCount += 1;
    try {
      await dispatch(config.relay!, changes, deps.fetch);
    } catch (error) {
      fail(startedAt, error, { changes: changes.length });
      throw error;
    }
    succeed(startedAt, null, { changes: changes.length });
  }

  const queue = createQueue<ChangeSummary>({
    debounceMs: config.debounceMs,
    maxWaitMs: config.maxWaitMs,
    retryBaseMs: config.retryBaseMs,
    retryMaxMs: config.retryMaxMs,
    run: config.mode === 'build' ? buildRelease : relayChanges,
    onRetryScheduled: (delayMs, failures) => log('warn', 'retry.scheduled', { delayMs, failures }),
  });

  function enqueue(key: string, summary: ChangeSummary) {
    markDirty();
    queue.push(key, summary);
  }

  function status(): PublisherStatus {
    return {
      mode: config.mode,
      liveRelease,
      lastSuccess,
      lastError,
      lastIndex,
      ...queue.status(),
      buildCount,
      standby: standby && standby.state !== 'ended' ? standby.state : null,
      preparing: preparing > 0,
    };
  }

  async function handleWebhook(req: IncomingMessage, res: ServerResponse) {
    if (!isAuthorized(req.headers.authorization, config.secret)) {
      log('warn', 'webhook.rejected', { status: 401, remote: req.socket.remoteAddress });
      return sendJson(req, res, 401, { error: 'unauthorized' });
    }
    let payload;
    try {
      payload = parsePayload(await readBody(req, config.maxBodyBytes));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      log('warn', 'webhook.rejected', { status: error.status, reason: error.message });
      return sendJson(req, res, error.status, { error: error.message });
    }
    const decision = classify(payload, config.alwaysBuildModels);
    if (!decision.build) {
      log('info', 'webhook.ignored', { event: payload.event, model: payload.model, reason: decision.reason });
      return sendJson(req, res, 200, { ignored: true, reason: decision.reason });
    }
    enqueue(decision.key, decision.summary);
    log('info', 'webhook.queued', { ...decision.summary });
    return sendJson(req, res, 202, { queued: true });
  }

  function publicStatus(): PublicStatus {
    const { building, queued } = queue.status();
    return { mode: config.mode, live: liveRelease !== null, building, queued, lastSuccessAt: lastSuccess?.at ?? null, lastErrorAt: lastError?.at ?? null };
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?', 1)[0];
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/webhook') {
      if (req.method === 'POST') return handleWebhook(req, res);
      res.setHeader('allow', 'POST');
      return sendJson(req, res, 405, { error: 'method not allowed' });
    }
    // Build output can name hosts, paths and content not yet public: only the CMS's secret sees it.
    if (path === '/status' && readOnly) {
      return sendJson(req, res, 200, isAuthorized(req.headers.authorization, config.secret) ? status() : publicStatus());
    }
    if (path === '/health' && readOnly) return sendJson(req, res, 200, { ok: true });
    return sendJson(req, res, 404, { error: 'not found' });
  }

  const handleSite = (req: IncomingMessage, res: ServerResponse) =>
    serveStatic(req, res, liveRelease && join(config.releasesDir, liveRelease));
  const handleRedirects = (req: IncomingMessage, res: ServerResponse) =>
    serveStatic(req, res, liveRelease && join(config.releasesDir, liveRelease), { files: false });

  const servers: Server[] = [];
  const listen = async (where: Listen, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => {
    const server = createServer((req, res) => {
      handle(req, res).catch((error) => {
        log('error', 'request.failed', { url: req.url, error: errorMessage(error) });
        if (res.headersSent) res.destroy();
        else sendJson(req, res, 500, { error: 'internal error' });
      });
    });
    // Webhook bodies are small: a client still sending after 30 s is stuck or hostile.
    server.requestTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(where.port, where.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    return `http://${where.host.includes(':') ? `[${where.host}]` : where.host}:${port}`;
  };

  const controlUrl = await listen(config.control, handleControl);
  let siteUrl: string | null = null;
  let redirectsUrl: string | null = null;
  try {
    if (config.site) siteUrl = await listen(config.site, handleSite);
    if (config.redirects) redirectsUrl = await listen(config.redirects, handleRedirects);
  } catch (error) {
    // e.g. the site port is taken: do not leave the control port bound behind a failed start.
    servers.forEach((server) => server.close());
    throw error;
  }
  log('info', 'server.listening', { controlUrl, siteUrl, redirectsUrl, mode: config.mode, liveRelease });

  if (existsSync(pendingMarker)) {
    enqueue('startup|pending', { event: 'startup', at: new Date().toISOString() });
    log('info', 'startup.rebuild', { reason: 'changes accepted before the last shutdown were not built' });
  } else if (config.buildOnStart === 'always' || (config.buildOnStart === 'auto' && config.mode === 'build' && !liveRelease)) {
    // A fresh server has nothing to serve until its first build; do not wait for the first publish.
    enqueue('startup|requested', { event: 'startup', at: new Date().toISOString() });
    log('info', 'startup.rebuild', { reason: liveRelease ? 'PUBLISHER_BUILD_ON_START=always' : 'no live release yet' });
  } else {
    await startStandby();
  }

  let closing: Promise<void> | null = null;
  async function shutDown() {
    // Kill a running build rather than wait minutes for it; the next start cleans up and rebuilds.
    abort.abort();
    await queue.close();
    await standby?.build.done.catch(() => undefined);
    await indexStandby?.done.catch(() => undefined);
    // Nothing of this instance may still write the next release's folder once it is closed (a
    // new instance on the same folders removes it when it starts).
    await stagedAhead?.files.catch(() => undefined);
    await Promise.all(
      servers.map((server) => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        return closed;
      }),
    );
    log('info', 'server.closed');
  }

  return {
    controlUrl,
    siteUrl,
    redirectsUrl,
    status,
    close: () => (closing ??= shutDown()),
  };
}
