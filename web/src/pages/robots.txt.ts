import type { APIRoute } from 'astro';

// The search page itself may be indexed (it is a form); its results (/tim-kiem/?q=…) may not.
export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', 'Allow: /', 'Disallow: /tim-kiem/?', '', `Sitemap: ${new URL('sitemap-index.xml', site).toString()}`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
