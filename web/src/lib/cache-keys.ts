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
  neighbours,
  RELATED_COUNT,
  sameItems,
  timelinePlace,
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
 * What an article keeps of the keys: its card digest and its page's key with what it was made
 * from. Kept on the article itself, under global symbols: a standby build makes them while it
 * waits for its publish (lib/prime.ts, in the content config's copy of this module), and the
 * articles the publish did not change are the same objects in the page bundle (lib/site.ts,
 * madeArticles). An article object is made again whenever anything it holds changes, so what it
 * keeps stays true for it.
 */
const CARD = Symbol.for('toasoan.cacheKeys.card');
const PAGE = Symbol.for('toasoan.cacheKeys.articlePage');
type Keyed = Article & { [CARD]?: string; [PAGE]?: { chrome: string; newer: Article[]; older: Article[]; key: string } };

/** What keys reuse within one site's build: each article's card digest and each tag's text. */
interface SiteTexts {
  /**
   * What an article card or a link to a neighbouring article shows: the article as stored (the
   * store's digest, made at sync) and its category's name and slug. Lists carry no counts, so
   * readers' views do not change list pages. The stored article covers more than a card shows
   * (its body): an edit of the body renders its few list pages again too, while no article is
   * hashed again per publish (~0.4 s at 50,000 articles).
   */
  card: (a: Article) => string;
  /** An article's tags as its page shows them. */
  tags: (a: Article) => string;
}
const textsBySite = new WeakMap<Site, SiteTexts>();
const textsOf = (site: Site): SiteTexts => {
  let texts = textsBySite.get(site);
  if (texts) return texts;
  // JSON texts, one per category or tag and build (not per article): a name holds no raw line
  // break there (keyOf), and within a site an id has one name and slug.
  const categoryTexts = new Map<string, string>();
  const tagTexts = new Map<string, string>();
  const makeCard = (a: Article): string => {
    const stored = site.digests.get(a.id);
    if (!stored) throw new Error(`cache keys: article ${a.id} has no stored digest`);
    if (!a.category) return stored;
    let text = categoryTexts.get(a.category.id);
    if (text === undefined) categoryTexts.set(a.category.id, (text = JSON.stringify([a.category.id, a.category.name, a.category.slug])));
    return `${stored} ${text}`;
  };
  const tagText = (t: Article['tags'][number]) => {
    let text = tagTexts.get(t.id);
    if (text === undefined) tagTexts.set(t.id, (text = JSON.stringify([t.id, t.name, t.slug])));
    return text;
  };
  texts = {
    // Kept on the article itself, not in a map: asked for ~750,000 times per build at 50,000
    // articles (each page's neighbours and list cards), a map lookup each cost ~0.2 s per publish.
    card: (a: Keyed) => (a[CARD] ??= makeCard(a)),
    tags: (a) => a.tags.map(tagText).join(','),
  };
  textsBySite.set(site, texts);
  return texts;
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

/** `items` are list.slice(start, end), by identity, without copying the slice. */
const sameSlice = (items: readonly Article[], list: readonly Article[], start: number, end: number) => {
  const stop = Math.min(end, list.length);
  const from = Math.min(start, stop);
  if (items.length !== stop - from) return false;
  for (let i = 0; i < items.length; i += 1) if (items[i] !== list[from + i]) return false;
  return true;
};

/**
 * An article page: the article as stored (digest), its counts, comments, tags, category and
 * neighbours (lib/site.ts). The same article, neighbours and chrome give the key made before (see
 * PAGE), checked in place in the category's timeline: at 50,000 articles making every key took
 * ~0.5 s of each publish, and copying every article's neighbours to compare them ~0.05 s.
 */
export const articlePageKey = (site: Site, article: Keyed): string => {
  const { list, index } = timelinePlace(site, article);
  const kept = article[PAGE];
  if (
    kept &&
    kept.chrome === chromeKey(site) &&
    sameSlice(kept.newer, list, Math.max(0, index - RELATED_COUNT), index) &&
    sameSlice(kept.older, list, index + 1, index + 1 + RELATED_COUNT)
  ) {
    return kept.key;
  }
  const chrome = chromeKey(site);
  const { newer, older } = neighbours(site, article);
  const { card, tags } = textsOf(site);
  const key = keyOf(
    chrome,
    JSON.stringify([site.digests.get(article.id), article.comments, article.views, article.ratingAverage, article.ratingCount]),
    tags(article),
    card(article),
    newer.map(card),
    '',
    older.map(card),
  );
  article[PAGE] = { chrome, newer, older, key };
  return key;
};

/**
 * List keys made in this build process, by page address. A standby build keys every list page
 * ahead of its publish (lib/prime.ts, lib/list-pages.ts); after it a page whose articles are the
 * same objects in the same order (an article object is made again whenever anything it holds
 * changes, as for PAGE) with the same chrome and rest has the key made before: at 50,000 articles
 * ~20,000 list pages hashed their cards again on every publish (~0.1 s).
 */
const LISTS = Symbol.for('toasoan.cacheKeys.lists');
const listKeys = ((globalThis as Record<symbol, unknown>)[LISTS] ??= new Map()) as Map<string, { chrome: string; rest: string; items: Article[]; key: string }>;

/** A page of article cards (news, category and tag lists) at `address`: the cards and the pager's extent. */
export const articleListKey = (site: Site, address: string, items: Article[], ...rest: unknown[]): string => {
  const chrome = chromeKey(site);
  const restText = JSON.stringify(rest);
  const kept = listKeys.get(address);
  if (kept && kept.chrome === chrome && kept.rest === restText && sameItems(kept.items, items)) return kept.key;
  const key = keyOf(chrome, restText, items.map(textsOf(site).card));
  listKeys.set(address, { chrome, rest: restText, items, key });
  return key;
};

/** A page of the document lists: its rows, the kind, year and field filters, the pager's extent. */
export const documentListKey = (site: Site, items: DocumentItem[], ...rest: unknown[]): string =>
  keyOf(chromeKey(site), documentFiltersDigest(site), JSON.stringify(rest), items.map(documentDigest));

/** A document page: the document as stored and its counts. */
export const documentKey = (site: Site, document: DocumentItem): string =>
  keyOf(chromeKey(site), JSON.stringify([site.digests.get(document.id), document.signer, document.summary]), documentDigest(document));
