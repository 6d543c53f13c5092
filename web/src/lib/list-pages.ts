/**
 * The numbered list pages of the news, of each category and of each tag (stable pagination:
 * shared/src/pagination.ts), as their routes' paths with cache keys. A standby build makes them
 * ahead of its publish too (lib/prime.ts), so that after it only the pages whose articles or pager
 * changed are keyed again (lib/cache-keys.ts, articleListKey).
 */
import { archiveHref, stablePages, type Page } from '@toasoan/shared/pagination';
import { articleListKey } from './cache-keys';
import { articlesInCategory, articlesWithTag, categoryHref, NEWS_PAGE_SIZE, tagHref, type Article, type Category, type Site } from './site';

/** One list's pages; a page's key covers its articles, what the list is of, and its pager (which reaches two pages on). */
const archivePaths = <P>(site: Site, base: string, articles: Article[], slug: string | null, of: Category | Site['tags'][number] | null, props: (page: Page<Article>) => P) =>
  stablePages(articles, NEWS_PAGE_SIZE).archive.map((page) => {
    const pager = [page.page, Math.min(page.totalPages, page.page + 2), page.page === page.totalPages];
    return {
      params: slug === null ? { page: String(page.page) } : { slug, page: String(page.page) },
      props: props(page),
      cacheKey: articleListKey(site, archiveHref(base, page.page), page.items, ...(of ? [of, ...pager] : pager)),
    };
  });

export const newsArchivePaths = (site: Site) => archivePaths(site, '/tin-tuc/', site.articles, null, null, (page) => ({ page }));

export const categoryArchivePaths = (site: Site) =>
  site.categories.flatMap((category) =>
    archivePaths(site, categoryHref(category), articlesInCategory(site, category), category.slug, category, (page) => ({ category, page })),
  );

export const tagArchivePaths = (site: Site) =>
  site.tags.flatMap((tag) => archivePaths(site, tagHref(tag), articlesWithTag(site, tag), tag.slug, tag, (page) => ({ tag, page })));
