import { defineMiddleware } from 'astro:middleware';
import { readBuildEnv } from '@toasoan/shared/env';

/**
 * Every answer of the preview server: never indexed, never cached (by a browser or a proxy), the
 * token in its address never sent on as a Referer, and framed only by the CMS admin ("Xem trước").
 * The page's scripts may not call the CMS and its forms go nowhere: an editor's preview counts no
 * view and sends no rating or comment.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const headers = new Headers(response.headers);
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'no-referrer');
  const cms = new URL(readBuildEnv(process.env).publicCmsUrl).origin;
  headers.set('Content-Security-Policy', `frame-ancestors 'self' ${cms}; connect-src 'self'; form-action 'none'`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});
