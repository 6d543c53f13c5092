import type { Core } from '@strapi/strapi';
import type { Comments } from '../../../engagement/comments';
import type { Counters, CountedKind } from '../../../engagement/counters';
import { createLimits, retryAfter, type Limits } from '../../../engagement/rate-limit';
import { HONEYPOT_FIELD, commentSchema, describe, documentIdSchema, ratingSchema } from '../../../engagement/validation';
import type { Reader } from '../../../engagement/visitor';

type Context = Parameters<Core.ControllerHandler>[0];

const NOT_FOUND = { article: 'Không tìm thấy bài viết', document: 'Không tìm thấy văn bản' } as const;
const PENDING = { data: { status: 'pending', message: 'Cảm ơn bạn! Ý kiến sẽ hiển thị sau khi được biên tập viên duyệt.' } };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Made on first use: the database (whose dialect picks the store) is not connected yet here.
  let limits: Promise<Limits> | undefined;
  const limitsOf = () =>
    (limits ??= createLimits(strapi).catch((error: unknown) => {
      limits = undefined;
      throw error;
    }));
  const counters = () => strapi.service('api::engagement.counters') as unknown as Counters;
  const comments = () => strapi.service('api::engagement.comments') as unknown as Comments;
  const readerOf = (ctx: Context): Reader => ({ ip: ctx.request.ip, userAgent: ctx.get('user-agent') });

  /** Answers 429 and returns false when this IP is over `limiter`'s budget. */
  const admit = async (ctx: Context, which: keyof Limits = 'requests') => {
    // Counts and comments change under the reader's eyes; no cache may keep them.
    ctx.set('Cache-Control', 'no-store');
    const wait = await retryAfter((await limitsOf())[which], ctx.request.ip);
    if (wait === 0) return true;
    ctx.set('Retry-After', String(wait));
    ctx.tooManyRequests(`Bạn thao tác quá nhanh, vui lòng thử lại sau ${wait} giây`);
    return false;
  };

  /** The :documentId path parameter, or undefined after answering 400. */
  const documentIdOf = (ctx: Context): string | undefined => {
    const parsed = documentIdSchema.safeParse(ctx.params.documentId);
    if (parsed.success) return parsed.data;
    ctx.badRequest(`documentId: ${parsed.error.issues[0].message}`, { errors: [{ path: ['documentId'], message: parsed.error.issues[0].message }] });
    return undefined;
  };

  const view = (kind: CountedKind) => async (ctx: Context) => {
    if (!(await admit(ctx))) return;
    const documentId = documentIdOf(ctx);
    if (!documentId) return;
    const result = await counters().view(kind, documentId, readerOf(ctx));
    if (!result) return ctx.notFound(NOT_FOUND[kind]);
    ctx.body = { data: result };
  };

  return {
    async hit(ctx: Context) {
      if (!(await admit(ctx))) return;
      ctx.body = { data: await counters().hit(readerOf(ctx)) };
    },

    async stats(ctx: Context) {
      if (!(await admit(ctx))) return;
      ctx.body = { data: await counters().stats(Date.now()) };
    },

    viewArticle: view('article'),
    viewDocument: view('document'),

    async download(ctx: Context) {
      if (!(await admit(ctx))) return;
      const documentId = documentIdOf(ctx);
      if (!documentId) return;
      const result = await counters().download(documentId, readerOf(ctx));
      if (!result) return ctx.notFound(NOT_FOUND.document);
      if (!result.url) return ctx.notFound('Văn bản chưa có tệp đính kèm');
      ctx.redirect(result.url);
    },

    async rate(ctx: Context) {
      if (!(await admit(ctx))) return;
      const documentId = documentIdOf(ctx);
      if (!documentId) return;
      const parsed = ratingSchema.safeParse(ctx.request.body);
      if (!parsed.success) {
        const { message, errors } = describe(parsed.error);
        return ctx.badRequest(message, { errors });
      }
      const result = await counters().rate(documentId, parsed.data.value, readerOf(ctx));
      if (!result) return ctx.notFound(NOT_FOUND.article);
      const { counted, ...rating } = result;
      if (!counted) return ctx.conflict('value: bạn đã đánh giá bài viết này', rating);
      ctx.body = { data: rating };
    },

    async listComments(ctx: Context) {
      if (!(await admit(ctx))) return;
      const documentId = documentIdOf(ctx);
      if (!documentId) return;
      const article = await comments().article(documentId);
      if (!article) return ctx.notFound(NOT_FOUND.article);
      const { comments: data, total } = await comments().approved(documentId);
      ctx.body = { data, meta: { total, commentsEnabled: article.open } };
    },

    async postComment(ctx: Context) {
      if (!(await admit(ctx))) return;
      const documentId = documentIdOf(ctx);
      if (!documentId) return;
      const body = ctx.request.body as Record<string, unknown> | undefined;
      // A filled hidden field means a bot: it gets the same answer as a person, and nothing is stored.
      if (body && typeof body === 'object' && body[HONEYPOT_FIELD] != null && body[HONEYPOT_FIELD] !== '') {
        if (!(await admit(ctx, 'comments'))) return;
        ctx.status = 202;
        ctx.body = PENDING;
        return;
      }
      const parsed = commentSchema.safeParse(body);
      if (!parsed.success) {
        const { message, errors } = describe(parsed.error);
        return ctx.badRequest(message, { errors });
      }
      const article = await comments().article(documentId);
      if (!article) return ctx.notFound(NOT_FOUND.article);
      if (!article.open) return ctx.forbidden('Bài viết này đã đóng chức năng bình luận');
      if (!(await admit(ctx, 'comments'))) return;
      const { name, email, text } = parsed.data;
      await comments().submit(article.rows, { name, email, text });
      ctx.status = 202;
      ctx.body = PENDING;
    },
  };
};
