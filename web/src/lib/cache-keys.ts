/**
 * Cache keys of the keyed routes (lib/partial-build.ts): in the rebuild service's partial builds a
 * path whose key is the one recorded for the live release is not rendered; its page is carried
 * over from the live release. A key must therefore cover every datum the page shows. Code is not
 * in the keys: the rebuild service renders everything when the site's code version changes
 * (publisher/cache.ts: the site's and shared code, the lockfile and the build's addresses). The
 * environment read at render time (addresses of the site, CMS and media) is in every key too.
 */
import { createHash } from 'node:crypto';
import {
  buildEnv,
  documentKinds,
  documentYears,
  mainMenu,
  type Article,
  type DocumentItem,
  type Site,
} from './site';
import { documentFields } from './register';

export const hashOf = (...parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/** What an article card shows (lists carry no counts, so readers' views do not change list pages). */
const summaryOf = (a: Article) => [a.id, a.slug, a.title, a.date, a.lead, a.featured, a.category?.id, a.category?.name, a.category?.slug, a.cover];
const documentSummary = (d: DocumentItem) => [d.id, d.slug, d.title, d.number, d.kind, d.kindLabel, d.issuer, d.issuedAt, d.effectiveDate, d.expiryDate, d.state, d.views, d.downloads, d.file];

const chromeKeys = new WeakMap<Site, string>();

/**
 * What every page shares: the header (settings, menu of categories), the footer and the build's
 * addresses. The sidebar's lists are not in pages (lib/sidebar.ts), so a publish or a reader's
 * view does not change every page.
 */
export const chromeKey = (site: Site): string => {
  let key = chromeKeys.get(site);
  if (!key) {
    const env = buildEnv();
    key = hashOf(
      [env.siteUrl, env.publicCmsUrl, env.mediaUrl, env.strapiUrl],
      site.settings,
      mainMenu(site),
    );
    chromeKeys.set(site, key);
  }
  return key;
};

/** An article page: the article as stored (digest), its counts, comments, tags, category and neighbours. */
export const articleKey = (site: Site, article: Article, newer: Article[], older: Article[]): string =>
  hashOf(
    chromeKey(site),
    site.digests.get(article.id),
    summaryOf(article),
    article.tags,
    article.comments,
    article.views,
    article.ratingAverage,
    article.ratingCount,
    [...newer, ...older].map((a) => [a.id, a.slug, a.title, a.date]),
  );

/** A page of article cards (news, category and tag lists): the cards and the pager's extent. */
export const articleListKey = (site: Site, items: Article[], ...rest: unknown[]): string =>
  hashOf(chromeKey(site), items.map(summaryOf), rest);

/** A page of the document lists: its rows, the kind, year and field filters, the pager's extent. */
export const documentListKey = (site: Site, items: DocumentItem[], ...rest: unknown[]): string =>
  hashOf(chromeKey(site), items.map(documentSummary), documentKinds(site), documentYears(site), documentFields(site), rest);

/** A document page: the document as stored and its counts. */
export const documentKey = (site: Site, document: DocumentItem): string =>
  hashOf(chromeKey(site), site.digests.get(document.id), documentSummary(document), document.signer, document.summary);

