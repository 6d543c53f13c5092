/**
 * The short-lived ticket that opens one draft in the preview server: minted by the CMS's preview
 * handler (cms/config/admin.ts) for an editor who asked for a preview, checked by the preview page
 * (web/preview/). HMAC-SHA256 over the claims with PREVIEW_TOKEN_SECRET, which both sides read from
 * the environment; whoever lacks the secret can neither forge nor extend one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What can be previewed, by Strapi uid. */
export const PREVIEW_KINDS = {
  'api::article.article': 'article',
  'api::document.document': 'document',
  'api::album.album': 'album',
} as const;
export type PreviewUid = keyof typeof PREVIEW_KINDS;
export type PreviewKind = (typeof PREVIEW_KINDS)[PreviewUid];

export type PreviewStatus = 'draft' | 'published';

export interface PreviewClaims {
  kind: PreviewKind;
  documentId: string;
  /** The admin's preview tabs: the draft (default) or the published version. */
  status: PreviewStatus;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Long enough to open the preview and read it; a copied link is dead soon after. */
export const PREVIEW_TOKEN_TTL_SECONDS = 15 * 60;

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

const requireSecret = (secret: string | undefined): string => {
  if (!secret?.trim()) throw new Error('PREVIEW_TOKEN_SECRET is not set');
  return secret;
};

export const isPreviewUid = (uid: string): uid is PreviewUid => Object.hasOwn(PREVIEW_KINDS, uid);

export const createPreviewToken = (
  claims: Omit<PreviewClaims, 'exp'>,
  secret: string | undefined,
  { now = Date.now(), ttlSeconds = PREVIEW_TOKEN_TTL_SECONDS }: { now?: number; ttlSeconds?: number } = {},
): string => {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${payload}.${sign(payload, requireSecret(secret))}`;
};

/** The claims of a genuine, unexpired token; undefined for anything else (missing, forged, expired, malformed). */
export const verifyPreviewToken = (token: string | null | undefined, secret: string | undefined, now = Date.now()): PreviewClaims | undefined => {
  const key = requireSecret(secret);
  if (!token) return undefined;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { kind, documentId, status, exp } = (claims ?? {}) as Partial<PreviewClaims>;
  if (!Object.values(PREVIEW_KINDS).includes(kind as PreviewKind) || typeof documentId !== 'string' || !documentId) return undefined;
  if (status !== 'draft' && status !== 'published') return undefined;
  if (typeof exp !== 'number' || exp * 1000 <= now) return undefined;
  return { kind: kind as PreviewKind, documentId, status, exp };
};
