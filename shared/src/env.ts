import { z } from 'zod';

export class EnvError extends Error {
  override name = 'EnvError';
}

const urlSchema = (name: string, example: string) =>
  z
    .url({
      protocol: /^https?$/,
      error: (issue) => `${name} must be an http(s) URL such as ${example} (got ${JSON.stringify(issue.input)})`,
    })
    .transform((value) => value.replace(/\/+$/, ''));

const httpUrl = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((value) => (value === '' ? fallback : value))
    .pipe(urlSchema(name, fallback));

/** An http(s) URL, or undefined when unset or blank (the caller supplies the default). */
const optionalHttpUrl = (name: string, example: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(urlSchema(name, example).optional());

const flag = z
  .string()
  .optional()
  .transform((value) => ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase()));

const BuildEnvSchema = z.object({
  STRAPI_URL: httpUrl('STRAPI_URL', 'http://127.0.0.1:1337'),
  STRAPI_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine((value) => value === undefined || /^[\x21-\x7e]+$/.test(value), {
      message: 'STRAPI_TOKEN must be a single token without spaces or non-ASCII characters',
    }),
  SITE_URL: httpUrl('SITE_URL', 'http://127.0.0.1:4321'),
  PUBLIC_CMS_URL: optionalHttpUrl('PUBLIC_CMS_URL', 'https://cms.example.gov.vn'),
  PUBLIC_MEDIA_URL: optionalHttpUrl('PUBLIC_MEDIA_URL', 'https://media.example.gov.vn'),
  ALLOW_EMPTY_SITE: flag,
});

export interface BuildEnv {
  /** CMS base URL the build reads from (may be an internal address), without trailing slash. */
  strapiUrl: string;
  strapiToken: string | undefined;
  /** Public site URL without trailing slash (canonical links, sitemap, RSS). */
  siteUrl: string;
  /**
   * CMS base URL as readers' browsers reach it (view counts, ratings, comments, downloads), without
   * trailing slash; STRAPI_URL when PUBLIC_CMS_URL is unset, e.g. when the build runs next to the CMS.
   */
  publicCmsUrl: string;
  /**
   * Base of every upload URL a page links to or a browser loads (PDF preview, og:image, favicon,
   * JSON-LD, file links and images in bodies): PUBLIC_MEDIA_URL, else publicCmsUrl. Never STRAPI_URL
   * when that differs, since it may be an address only the build machine reaches.
   */
  mediaUrl: string;
  allowEmptySite: boolean;
}

/** Reads and validates the build environment; throws EnvError listing every bad variable. */
export const readBuildEnv = (env: Record<string, string | undefined> = process.env): BuildEnv => {
  const parsed = BuildEnvSchema.safeParse({
    STRAPI_URL: env.STRAPI_URL,
    STRAPI_TOKEN: env.STRAPI_TOKEN,
    SITE_URL: env.SITE_URL,
    PUBLIC_CMS_URL: env.PUBLIC_CMS_URL,
    PUBLIC_MEDIA_URL: env.PUBLIC_MEDIA_URL,
    ALLOW_EMPTY_SITE: env.ALLOW_EMPTY_SITE,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new EnvError(`Invalid build environment:\n${lines.join('\n')}`);
  }
  const publicCmsUrl = parsed.data.PUBLIC_CMS_URL ?? parsed.data.STRAPI_URL;
  return {
    strapiUrl: parsed.data.STRAPI_URL,
    strapiToken: parsed.data.STRAPI_TOKEN,
    siteUrl: parsed.data.SITE_URL,
    publicCmsUrl,
    mediaUrl: parsed.data.PUBLIC_MEDIA_URL ?? publicCmsUrl,
    allowEmptySite: parsed.data.ALLOW_EMPTY_SITE,
  };
};
