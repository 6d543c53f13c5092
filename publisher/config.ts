import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export type Mode = 'build' | 'relay';

export type BuildOnStart = 'auto' | 'always' | 'never';

export interface Listen {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

export interface PublisherConfig {
  secret: string;
  /** /webhook, /status, /health: a private address the CMS reaches, never the public site's. */
  control: Listen;
  /** The static server for the live release (`npm start`); null when nginx serves the release folder. */
  site: Listen | null;
  /**
   * Answers only "301 to the new address" or the 404 page for addresses with no file, from the live
   * release's redirect map: where nginx sends its misses (deploy/nginx). Never the control endpoints.
   */
  redirects: Listen | null;
  mode: Mode;
  releasesDir: string;
  /** Symlink to the release being served; replaced atomically with rename(2). */
  liveLink: string;
  /**
   * Quiet time before a build, so that the webhooks of one editor's action (save, publish) go into
   * one build; edits made while a build runs wait for it anyway and all go into the next one.
   */
  debounceMs: number;
  /** Upper bound on how long a steady stream of edits can postpone a build. */
  maxWaitMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * argv; the token `{outDir}` is replaced by the release folder, which is also in env
   * PUBLISHER_OUT_DIR, `{force}` by `--force` in a full build, `{standbyNodeFlags}` by
   * STANDBY_NODE_FLAGS in a standby build (build.ts).
   */
  buildCommand: string[];
  /** Start the next partial build ahead of the publish, waiting for it (server.ts startStandby). */
  standby: boolean;
  buildCwd: string;
  buildEnv: Record<string, string | undefined>;
  buildTimeoutMs: number;
  /**
   * Astro's cache folder (the site's `cacheDir`): content layer data store, transformed images.
   * It outlives release folders.
   */
  astroCacheDir: string;
  /** What makes up the site's code version; a new version rebuilds everything. */
  codePaths: string[];
  codeEnv: string[];
  /** Code version of the last good build (so a deploy of new code is noticed across restarts). */
  stateFile: string;
  /** Shell command that writes the search index of the build's records (argv), run as the build ends; null: the build indexes. */
  indexCommand: string[] | null;
  /**
   * The index command knows the standby protocol: it is started once the previous index is placed
   * and waits for a line on its input, sent when the build has ended (server.ts startStandby).
   */
  indexStandby: boolean;
  /**
   * Off the publish's critical path; a full index of the whole archive is made now and then
   * (after 500 changes, a Pagefind upgrade): ~20 s at 10,000 articles, ~110 s at 50,000.
   */
  indexTimeoutMs: number;
  keepReleases: number;
  /** Paths relative to a release that must exist besides index.html and 404.html. */
  expectedPages: string[];
  /** Models whose entry.create/update is public immediately (single types, no draft & publish). */
  alwaysBuildModels: string[];
  /** auto: build at start only when no release is live (first start); always; never. */
  buildOnStart: BuildOnStart;
  maxBodyBytes: number;
  relay: { url: string; token: string } | null;
}

export class ConfigError extends Error {}

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const port = (fallback?: number) => {
  const value = z.coerce.number().int().min(0).max(65535);
  return fallback === undefined ? value : value.default(fallback);
};

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

const EnvSchema = z
  .object({
    REBUILD_WEBHOOK_SECRET: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
      .refine((value) => value.trim().length > 0, 'must not be blank'),
    PUBLISHER_CONTROL_HOST: z.string().default('127.0.0.1'),
    PUBLISHER_CONTROL_PORT: port(4322),
    PUBLISHER_SITE_HOST: z.string().default('127.0.0.1'),
    PUBLISHER_SITE_PORT: port().optional(),
    PUBLISHER_SITE_DIR: z.string().optional(),
    PUBLISHER_REDIRECT_HOST: z.string().default('127.0.0.1'),
    PUBLISHER_REDIRECT_PORT: port().optional(),
    PUBLISHER_MODE: z.enum(['build', 'relay']).default('build'),
    PUBLISHER_RELEASES_DIR: z.string().optional(),
    // Draft saves never build (webhook.ts), so the events left to coalesce come in quick bursts
    // (a bulk publish); every millisecond here is on each publish's way to the site.
    PUBLISHER_DEBOUNCE_MS: int(200),
    PUBLISHER_MAX_WAIT_MS: int(30_000),
    PUBLISHER_RETRY_BASE_MS: int(5_000, 1),
    PUBLISHER_RETRY_MAX_MS: int(5 * 60_000, 1),
    PUBLISHER_BUILD_COMMAND: z.string().optional(),
    PUBLISHER_BUILD_TIMEOUT_MS: int(15 * 60_000, 1),
    PUBLISHER_STANDBY: z.enum(['0', '1']).optional(),
    PUBLISHER_KEEP_RELEASES: int(3, 1),
    PUBLISHER_ASTRO_CACHE_DIR: z.string().optional(),
    PUBLISHER_CODE_PATHS: z.string().optional(),
    PUBLISHER_CODE_ENV: list('SITE_URL,PUBLIC_CMS_URL,PUBLIC_MEDIA_URL,STRAPI_URL,IMAGE_HOSTS'),
    PUBLISHER_INDEX_COMMAND: z.string().optional(),
    PUBLISHER_INDEX_TIMEOUT_MS: int(10 * 60_000, 1),
    PUBLISHER_INDEX_STANDBY: z.enum(['0', '1']).default('0'),
    PUBLISHER_EXPECTED_PAGES: list(''),
    PUBLISHER_ALWAYS_BUILD_MODELS: list('site-setting,category,tag,album,comment'),
    PUBLISHER_BUILD_ON_START: z.enum(['auto', 'always', 'never']).default('auto'),
    PUBLISHER_MAX_BODY_BYTES: int(1024 * 1024, 1),
    STRAPI_URL: z.url().optional(),
    GITHUB_DISPATCH_URL: z.url().optional(),
    GITHUB_TOKEN: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.PUBLISHER_MODE !== 'relay') return;
    for (const name of ['GITHUB_DISPATCH_URL', 'GITHUB_TOKEN'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PUBLISHER_MODE=relay' });
    }
  });

/**
 * Reads the publisher's settings from environment variables.
 * The site's folder (`PUBLISHER_SITE_DIR`, else `defaultSiteDir`, the workspace's web/) anchors the
 * defaults (release folder, astro binary) so the service behaves the same whatever the cwd.
 */
export function loadConfig(env: Record<string, string | undefined>, defaultSiteDir: string): PublisherConfig {
  // An empty variable (`FOO=` in an env file) means "not set", not "zero" or "empty string".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid publisher configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const webDir = e.PUBLISHER_SITE_DIR ? resolve(e.PUBLISHER_SITE_DIR) : defaultSiteDir;
  const releasesDir = e.PUBLISHER_RELEASES_DIR
    ? isAbsolute(e.PUBLISHER_RELEASES_DIR)
      ? e.PUBLISHER_RELEASES_DIR
      : resolve(webDir, e.PUBLISHER_RELEASES_DIR)
    : join(webDir, '.publisher', 'releases');

  return {
    secret: e.REBUILD_WEBHOOK_SECRET,
    control: { host: e.PUBLISHER_CONTROL_HOST, port: e.PUBLISHER_CONTROL_PORT },
    site: e.PUBLISHER_SITE_PORT === undefined ? null : { host: e.PUBLISHER_SITE_HOST, port: e.PUBLISHER_SITE_PORT },
    redirects: e.PUBLISHER_REDIRECT_PORT === undefined ? null : { host: e.PUBLISHER_REDIRECT_HOST, port: e.PUBLISHER_REDIRECT_PORT },
    mode: e.PUBLISHER_MODE,
    releasesDir,
    liveLink: join(dirname(releasesDir), 'live'),
    debounceMs: e.PUBLISHER_DEBOUNCE_MS,
    maxWaitMs: Math.max(e.PUBLISHER_MAX_WAIT_MS, e.PUBLISHER_DEBOUNCE_MS),
    retryBaseMs: e.PUBLISHER_RETRY_BASE_MS,
    retryMaxMs: Math.max(e.PUBLISHER_RETRY_MAX_MS, e.PUBLISHER_RETRY_BASE_MS),
    buildCommand: e.PUBLISHER_BUILD_COMMAND
      ? ['/bin/sh', '-c', e.PUBLISHER_BUILD_COMMAND]
      : [process.execPath, '{standbyNodeFlags}', join(webDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', '{outDir}', '{force}'],
    // A command of one's own may not know the site's standby protocol (web/src/lib/standby.ts).
    standby: e.PUBLISHER_STANDBY ? e.PUBLISHER_STANDBY === '1' : !e.PUBLISHER_BUILD_COMMAND,
    buildCwd: webDir,
    buildEnv: buildEnv(env, e.STRAPI_URL),
    buildTimeoutMs: e.PUBLISHER_BUILD_TIMEOUT_MS,
    astroCacheDir: e.PUBLISHER_ASTRO_CACHE_DIR ? resolve(webDir, e.PUBLISHER_ASTRO_CACHE_DIR) : join(webDir, '.cache', 'astro'),
    codePaths: e.PUBLISHER_CODE_PATHS
      ? e.PUBLISHER_CODE_PATHS.split(',').map((path) => resolve(webDir, path.trim())).filter(Boolean)
      : [webDir, join(webDir, '..', 'shared'), join(webDir, '..', 'pnpm-lock.yaml')],
    codeEnv: e.PUBLISHER_CODE_ENV,
    stateFile: join(dirname(releasesDir), 'build-state.json'),
    indexCommand: e.PUBLISHER_INDEX_COMMAND ? ['/bin/sh', '-c', e.PUBLISHER_INDEX_COMMAND] : null,
    indexTimeoutMs: e.PUBLISHER_INDEX_TIMEOUT_MS,
    // A command of one's own may not know the protocol: only when told.
    indexStandby: Boolean(e.PUBLISHER_INDEX_COMMAND) && e.PUBLISHER_INDEX_STANDBY === '1',
    keepReleases: e.PUBLISHER_KEEP_RELEASES,
    expectedPages: e.PUBLISHER_EXPECTED_PAGES,
    alwaysBuildModels: e.PUBLISHER_ALWAYS_BUILD_MODELS,
    buildOnStart: e.PUBLISHER_BUILD_ON_START,
    maxBodyBytes: e.PUBLISHER_MAX_BODY_BYTES,
    relay:
      e.PUBLISHER_MODE === 'relay' && e.GITHUB_DISPATCH_URL && e.GITHUB_TOKEN
        ? { url: e.GITHUB_DISPATCH_URL, token: e.GITHUB_TOKEN }
        : null,
  };
}

/** The build runs site code and npm dependencies: it gets STRAPI_URL/STRAPI_TOKEN but not the publisher's own secrets. */
function buildEnv(env: Record<string, string | undefined>, strapiUrl: string | undefined): Record<string, string | undefined> {
  const { REBUILD_WEBHOOK_SECRET: _secret, GITHUB_TOKEN: _token, ...rest } = env;
  return { ...rest, ASTRO_TELEMETRY_DISABLED: '1', ...(strapiUrl ? { STRAPI_URL: strapiUrl } : {}) };
}
