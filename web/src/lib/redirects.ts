import type { RedirectMap } from '@toasoan/shared/redirects';
import { DOCUMENTS_PAGE_SIZE, NEWS_PAGE_SIZE, articlesInCategory, articlesWithTag, categoryHref, loadSite, tagHref } from './site';
import { oldPageRedirects } from '@toasoan/shared/pagination';

/**
 * Addresses the site itself has moved (not imported ones, which come from the CMS): merged into the
 * release's redirect map (REDIRECTS_FILE in @toasoan/shared/redirects). Reads the content
 * collections, so it runs inside the Astro build (e.g. from an endpoint).
 *
 * - newest-first page numbers `…/trang/<n>/` of the news, category, tag and document lists: the
 *   lists are now numbered from the oldest item (`…/luu-tru/<k>/`, stable as items are added);
 *   each old number goes to the page holding the first item it showed when this build ran.
 *
 * The old print pages (`/tin-tuc/<slug>/ban-in/`; the article page prints itself now) are
 * answered by one rule (printPageArticle in @toasoan/shared/redirects), not listed here.
 */
export const siteRedirects = async (): Promise<RedirectMap> => {
  const site = await loadSite();
  const map: RedirectMap = {};
  Object.assign(map, oldPageRedirects('/tin-tuc/', site.articles.length, NEWS_PAGE_SIZE));
  for (const category of site.categories) {
    Object.assign(map, oldPageRedirects(categoryHref(category), articlesInCategory(site, category).length, NEWS_PAGE_SIZE));
  }
  for (const tag of site.tags) Object.assign(map, oldPageRedirects(tagHref(tag), articlesWithTag(site, tag).length, NEWS_PAGE_SIZE));
  Object.assign(map, oldPageRedirects('/van-ban/', site.documents.length, DOCUMENTS_PAGE_SIZE));
  return map;
};
