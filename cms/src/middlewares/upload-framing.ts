import type { Core } from '@strapi/strapi';

/**
 * Document pages on the public site show a PDF in an <object> straight from the CMS's uploads.
 * strapi::security sends `frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN` on every
 * response, which makes browsers refuse that preview. For uploads only, the site's own origins
 * (CORS_ORIGINS) are added as allowed framers; the admin and the API stay unframeable.
 */
const uploadFraming: Core.MiddlewareFactory<{ origins: string[] }> = ({ origins }) => {
  const ancestors = ["'self'", ...origins].join(' ');
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/uploads/')) return;
    const csp = ctx.response.get('Content-Security-Policy');
    if (csp) ctx.set('Content-Security-Policy', csp.replace(/frame-ancestors[^;]*/, `frame-ancestors ${ancestors}`));
    // frame-ancestors supersedes it where both are sent; browsers without CSP 2 would still refuse.
    ctx.remove('X-Frame-Options');
  };
};

export default uploadFraming;
