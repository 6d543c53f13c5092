import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleHref, loadSite, summary } from '../lib/site';

export const GET: APIRoute = async (context) => {
  const site = await loadSite();
  return rss({
    title: `${site.settings.siteName} - Tin tức`,
    description: site.settings.tagline || site.settings.siteName,
    site: context.site!,
    trailingSlash: true,
    customData: '<language>vi</language>',
    items: site.articles.slice(0, 50).map((a) => ({
      title: a.title,
      link: articleHref(a),
      pubDate: new Date(a.date),
      description: summary(a.lead || a.bodyText, 400),
      ...(a.category ? { categories: [a.category.name] } : {}),
      ...(a.author ? { author: a.author } : {}),
    })),
  });
};
