/**
 * Cache keys of the keyed routes (lib/partial-build.ts): in the rebuild service's partial builds a
 * path whose key is the one recorded for the live release is not rendered; its page is carried
 * over from the live release. A key must therefore cover every datum the page shows. Code is not
 * in the keys: the rebuild service renders everything when the site's code version changes
 * (publisher/cache.ts: the site's and shared code, the lockfile and the build's addresses). The
 * environment read at render time (addresses of the site, CMS and media) is in every key too.
 */
import { hash } from 'node:crypto';
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

// One call per text: at 50,000 articles a Hash object per key cost ~0.1 s of each publish.
const hashText = (text: string): string => hash('sha256', text, 'base64url');

export const hashOf = (...parts: unknown[]): string => hashText(JSON.stringify(parts));

/**
 * Digest of what a datum shows, made once per datum and build. The same article card is in the
 * news, category and tag lists and beside its neighbours: a page's key hashes the digests of its
 * cards, not their text again (at 50,000 articles, hashing every list page's card texts took ~0.8 s
 * of each publish).
 */
const digestOnce = <T extends object>(show: (value: T) => unknown) => {
  const made = new WeakMap<T, string>();
  return (value: T): string => {
    let digest = made.get(value);
    if (digest === undefined) made.set(value, (digest = hashOf(show(value))));
    return digest;
  };
};

/** Keys made of digests and JSON texts, one per line (neither holds a raw line break). */
const keyOf = (...texts: (string | string[])[]) => hashText(texts.map((text) => (typeof text === 'string' ? text : text.join('\n'))).join('\n'));

/**
 * What an article card or a link to a neighbouring article shows: the article as stored (the
 * store's digest, made at sync) and its category's name and slug. Lists carry no counts, so
 * readers' views do not change list pages. The stored article covers more than a card shows (its
 * body): an edit of the body renders its few list pages again too, while no article is hashed
 * again per publish (~0.4 s at 50,000 articles).
 */
/** Where an article keeps its card digest: on the article, made for one site's build. */
const CARD = Symbol('card digest');
type Carded = Article & { [CARD]?: string };
const cardMakers = new WeakMap<Site, (a: Article) => string>();
const cardsOf = (site: Site): ((a: Article) => string) => {
  let card = cardMakers.get(site);
  if (card) return card;
  /** Categories as cards show them, by id: one JSON text per category and build, not per article. */
  const categoryTexts = new Map<string, string>();
  const make = (a: Article): string => {
    const stored = site.digests.get(a.id);
    if (!stored) throw new Error(`cache keys: article ${a.id} has no stored digest`);
    if (!a.category) return stored;
    let text = categoryTexts.get(a.category.id);
    // JSON text: a name holds no raw line break there (keyOf). Within a site a category id has one name and slug.
    if (text === undefined) categoryTexts.set(a.category.id, (text = JSON.stringify([a.category.id, a.category.name, a.category.slug])));
    return `${stored} ${text}`;
  };
  // Kept on the article itself, not in a map: asked for ~750,000 times per build at 50,000
  // articles (each page's neighbours and list cards), a map lookup each cost ~0.2 s per publish.
  card = (a: Carded) => (a[CARD] ??= make(a));
  cardMakers.set(site, card);
  return card;
};
/** An article's tags as its page shows them: one JSON text per tag and build (within a site a tag id has one name and slug). */
const tagTexts = new WeakMap<Site, Map<string, string>>();
const tagsText = (site: Site, a: Article): string => {
  if (a.tags.length === 0) return '';
  let texts = tagTexts.get(site);
  if (!texts) tagTexts.set(site, (texts = new Map()));
  return a.tags
    .map((t) => {
      let text = texts.get(t.id);
      if (text === undefined) texts.set(t.id, (text = JSON.stringify([t.id, t.name, t.slug])));
      return text;
    })
    .join(',');
};
const documentDigest = digestOnce((d: DocumentItem) => [d.id, d.slug, d.title, d.number, d.kind, d.kindLabel, d.issuer, d.issuedAt, d.effectiveDate, d.expiryDate, d.state, d.views, d.downloads, d.file]);
/** The document lists' filters: kinds, years and fields of the whole register. */
const documentFiltersDigest = digestOnce((site: Site) => [documentKinds(site), documentYears(site), documentFields(site)]);

/**
 * What every page shares: the header (settings, menu of categories), the footer and the build's
 * addresses. The sidebar's lists are not in pages (lib/sidebar.ts), so a publish or a reader's
 * view does not change every page.
 */
export const chromeKey = digestOnce((site: Site) => {
  const env = buildEnv();
  return [[env.siteUrl, env.publicCmsUrl, env.mediaUrl, env.strapiUrl], site.settings, mainMenu(site)];
});

/** An article page: the article as stored (digest), its counts, comments, tags, category and neighbours. */
export const articleKey = (site: Site, article: Article, newer: Article[], older: Article[]): string => {
  const card = cardsOf(site);
  return keyOf(
    chromeKey(site),
    JSON.stringify([site.digests.get(article.id), article.comments, article.views, article.ratingAverage, article.ratingCount]),
    tagsText(site, article),
    card(article),
    newer.map(card),
    '',
    older.map(card),
  );
};

/** A page of article cards (news, category and tag lists): the cards and the pager's extent. */
export const articleListKey = (site: Site, items: Article[], ...rest: unknown[]): string =>
  keyOf(chromeKey(site), JSON.stringify(rest), items.map(cardsOf(site)));

/** A page of the document lists: its rows, the kind, year and field filters, the pager's extent. */
export const documentListKey = (site: Site, items: DocumentItem[], ...rest: unknown[]): string =>
  keyOf(chromeKey(site), documentFiltersDigest(site), JSON.stringify(rest), items.map(documentDigest));

/** A document page: the document as stored and its counts. */
export const documentKey = (site: Site, document: DocumentItem): string =>
  keyOf(chromeKey(site), JSON.stringify([site.digests.get(document.id), document.signer, document.summary]), documentDigest(document));
