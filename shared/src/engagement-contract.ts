/**
 * The engagement HTTP contract between the CMS (cms/src/api/engagement/) and the site's browser
 * script (web/src/components/engagement/engagement.ts): paths, request bodies and answers, written
 * once. zod/mini keeps what the browser downloads small; the CMS uses the same schemas.
 *
 * No imports besides zod and no TypeScript-only runtime syntax (enums, namespaces): the CMS
 * (CommonJS, compiled by Strapi) loads this file as it is, with Node's require() of ES modules and
 * type stripping (Node ≥ 22.18), so there is no build step between the two sides.
 */
import * as z from 'zod/mini';

/** Where the routes below are mounted on the CMS. */
export const ENGAGEMENT_PREFIX = '/api/engagement';

/** Every engagement route; `:documentId` is the Strapi documentId of the article or document. */
export const ENGAGEMENT_ROUTES = {
  hit: { method: 'POST', path: '/hit' },
  stats: { method: 'GET', path: '/stats' },
  viewArticle: { method: 'POST', path: '/articles/:documentId/view' },
  rate: { method: 'POST', path: '/articles/:documentId/rating' },
  listComments: { method: 'GET', path: '/articles/:documentId/comments' },
  postComment: { method: 'POST', path: '/articles/:documentId/comments' },
  viewDocument: { method: 'POST', path: '/documents/:documentId/view' },
  download: { method: 'GET', path: '/documents/:documentId/download' },
} as const;

export type EngagementRoute = keyof typeof ENGAGEMENT_ROUTES;

/** The URL path of `route` for one article or document, relative to the CMS's origin. */
export const engagementPath = (route: EngagementRoute, documentId = '') =>
  `${ENGAGEMENT_PREFIX}${ENGAGEMENT_ROUTES[route].path.replace(':documentId', encodeURIComponent(documentId))}`;

export const documentIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'mã tài liệu không hợp lệ'));

const objectError = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `trường không được hỗ trợ: ${issue.keys.join(', ')}` : 'nội dung gửi lên phải là một đối tượng JSON',
};

const STARS = 'điểm đánh giá phải là số nguyên từ 1 đến 5';
/** POST rate. */
export const ratingRequestSchema = z.strictObject({ value: z.int({ error: STARS }).check(z.minimum(1, STARS), z.maximum(5, STARS)) }, objectError);

/** A hidden form field only bots fill in. */
export const HONEYPOT_FIELD = 'website';

export const COMMENT_LIMITS = { name: { min: 1, max: 100 }, text: { min: 2, max: 2000 }, email: { max: 200 } } as const;

/**
 * A text field as readers type it: `normalize` (the CMS strips HTML) runs before the length check,
 * and raw input may be four times longer so that markup to be stripped does not count.
 */
const text = (label: string, { min, max }: { min: number; max: number }, normalize: (input: string) => string) =>
  z.pipe(
    z.string({ error: (issue) => (issue.input === undefined ? `${label} là bắt buộc` : `${label} phải là chuỗi ký tự`) }).check(z.maxLength(max * 4, `${label} quá dài (tối đa ${max} ký tự)`)),
    z.pipe(
      z.transform(normalize),
      z.string().check(
        z.minLength(min, min === 1 ? `${label} không được để trống` : `${label} phải có ít nhất ${min} ký tự`),
        z.maxLength(max, `${label} quá dài (tối đa ${max} ký tự)`)
      )
    )
  );

/** POST postComment; `normalize` turns reader input into plain text (identity on the site). */
export const commentRequestSchema = (normalize: (input: string) => string = (input) => input.trim()) =>
  z.strictObject(
    {
      name: text('Họ tên', COMMENT_LIMITS.name, normalize),
      email: z.optional(
        z.pipe(
          z.transform((value: unknown) => (value === '' || value === null ? undefined : value)),
          z.optional(
            z.pipe(
              z.string({ error: 'email phải là chuỗi ký tự' }).check(z.trim(), z.maxLength(COMMENT_LIMITS.email.max, `email quá dài (tối đa ${COMMENT_LIMITS.email.max} ký tự)`)),
              z.email('địa chỉ email không hợp lệ')
            )
          )
        )
      ),
      text: text('Nội dung', COMMENT_LIMITS.text, normalize),
      [HONEYPOT_FIELD]: z.optional(z.unknown()),
    },
    objectError
  );

const count = z.number();

/** Answers, each `{ data }` as Strapi's own API answers. */
export const viewArticleResponseSchema = z.object({
  data: z.object({ counted: z.boolean(), views: count, ratingCount: count, ratingAverage: count }),
});
export const viewDocumentResponseSchema = z.object({ data: z.object({ counted: z.boolean(), views: count, downloads: count }) });
export const ratingSchema = z.object({ ratingCount: count, ratingAverage: count });
export const ratingResponseSchema = z.object({ data: ratingSchema });
export const siteStatsSchema = z.object({ online: count, today: count, month: count, total: count });
export const siteStatsResponseSchema = z.object({ data: siteStatsSchema });
export const publicCommentSchema = z.object({ name: z.string(), text: z.string(), createdAt: z.string() });
export const commentsResponseSchema = z.object({
  data: z.array(publicCommentSchema),
  meta: z.object({ total: count, commentsEnabled: z.boolean() }),
});
export const commentPendingResponseSchema = z.object({ data: z.object({ status: z.literal('pending'), message: z.string() }) });

/** Strapi's error answer; a 409 on rating carries the current rating in details. */
export const errorResponseSchema = z.object({
  error: z.object({ status: z.number(), name: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});

export type ViewArticleResponse = z.infer<typeof viewArticleResponseSchema>;
export type ViewDocumentResponse = z.infer<typeof viewDocumentResponseSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type SiteStats = z.infer<typeof siteStatsSchema>;
export type CommentsResponse = z.infer<typeof commentsResponseSchema>;
