import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

export const STRAPI_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
  'trigger-test',
] as const;

export type StrapiEvent = (typeof STRAPI_EVENTS)[number];

const PayloadSchema = z.looseObject({
  event: z.enum(STRAPI_EVENTS, {
    error: (issue) =>
      typeof issue.input === 'string' ? `unknown event ${JSON.stringify(issue.input)}` : 'event is required',
  }),
  createdAt: z.string().optional(),
  model: z.string().optional(),
  uid: z.string().optional(),
  // Strapi 5 sends `entry: null` for some publish events.
  entry: z.looseObject({}).nullish(),
  media: z.looseObject({}).nullish(),
});

export type WebhookPayload = z.infer<typeof PayloadSchema>;

/** What is kept of an accepted event: enough to log it and to forward it in a relay dispatch. */
export interface ChangeSummary {
  event: StrapiEvent | 'startup';
  model?: string;
  uid?: string;
  documentId?: string;
  locale?: string;
  at: string;
}

/**
 * Hashing first gives equal-length buffers, so timingSafeEqual never throws and
 * the comparison time does not reveal the secret's length.
 */
export function isAuthorized(header: string | undefined, secret: string): boolean {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(token.trim()), digest(secret));
}

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Rejects as soon as the limit is passed; the rest of the body is drained rather than buffered
 * so the client still receives the 413 instead of a connection reset.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `body larger than ${limit} bytes`);
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).resume();
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

export function parsePayload(body: Buffer): WebhookPayload {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HttpError(400, 'payload must be a JSON object');
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((issue) => (issue.path.length && issue.path[0] !== 'event' ? `${issue.path.join('.')}: ` : '') + issue.message)
      .join('; ');
    throw new HttpError(400, reason);
  }
  return parsed.data;
}

export type Decision = { build: true; key: string; summary: ChangeSummary } | { build: false; reason: string };

/** Decides whether an event can change what visitors see. */
export function classify(payload: WebhookPayload, alwaysBuildModels: readonly string[]): Decision {
  const { event, model, uid, entry } = payload;
  if (event === 'trigger-test') return { build: false, reason: 'test event from Strapi' };
  if (event === 'media.create') return { build: false, reason: 'a new upload is not used by any published entry yet' };
  if (event === 'entry.create' || event === 'entry.update') {
    // In Strapi 5 draft rows always have publishedAt null; types without draft & publish store
    // publishedAt on every write. Single types are listed explicitly because they may have D&P on.
    const published = typeof entry?.publishedAt === 'string' && entry.publishedAt !== '';
    if (!published && !(model && alwaysBuildModels.includes(model))) {
      return { build: false, reason: 'draft change: not visible until published' };
    }
  }
  const target = entry ?? payload.media;
  const documentId = typeof target?.documentId === 'string' ? target.documentId : undefined;
  const locale = typeof target?.locale === 'string' ? target.locale : undefined;
  const summary: ChangeSummary = { event, model, uid, documentId, locale, at: payload.createdAt ?? new Date().toISOString() };
  // Strapi 5 may send the same change twice (draft row and published row): one key per change.
  const key = [event, uid ?? model ?? '', documentId ?? String(target?.id ?? ''), locale ?? ''].join('|');
  return { build: true, key, summary };
}
