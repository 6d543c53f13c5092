/**
 * The web side of the data flow: the content collections (src/content.config.ts, synced from the
 * CMS into Astro's data store) assembled into domain types, plus the derived views pages need.
 * Pages import from here only.
 */
import { getCollection } from 'astro:content';
import { CmsError } from '@toasoan/shared/client';
import { readBuildEnv } from '@toasoan/shared/env';
import { groupComments } from '@toasoan/shared/load';
import { buildFetchUrl } from '@toasoan/shared/media';
import {
  toAlbum,
  toArticle,
  toCategory,
  toDocument,
  toGalleryImage,
  toSiteSettings,
  toTag,
  type Article,
  type ArticleSummary,
  type Category,
  type DocumentItem,
  type GalleryImage,
  type ImageSize,
  type SiteData,
} from '@toasoan/shared/domain';
import { readBody } from './article-bodies';
import { sortLike } from './sorted';

export type { Article, ArticleSummary, Category, DocumentItem, GalleryImage, SiteData };

export const NEWS_PAGE_SIZE = 12;
export const DOCUMENTS_PAGE_SIZE = 20;
/** "Những tin mới hơn" / "Những tin cũ hơn": how many of each. */
export const RELATED_COUNT = 5;

export const buildEnv = () => readBuildEnv(process.env);

/**
 * The site's data plus each entry's store digest (articles, documents, gallery images), for cache
 * keys of pages and of search records.
 */
export type Site = SiteData & { digests: ReadonlyMap<string, string> };

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** What an article was made from, besides its stored entry (compared by identity, comments by text). */
interface MadeArticle {
  article: Article;
  count: unknown;
  category: unknown;
  tags: readonly unknown[];
  comments: string;
}
/**
 * Articles kept by their stored entry for the rest of the build process, on `globalThis` because
 * the content config and the page bundle each hold a copy of this module. A standby build
 * assembles the site from the store while it waits for its publish (lib/prime.ts); the build's own
 * assembly then makes only the articles whose entry, counts, category, tags or comments changed.
 * The store keeps an unchanged entry's object (same digest), and so do the counts, categories and
 * tags. At 50,000 articles making them all took ~1 s of each publish, half of it the garbage
 * collector moving them.
 */
const madeArticles = ((globalThis as Record<symbol, unknown>)[Symbol.for('toasoan.site.madeArticles')] ??= new WeakMap()) as WeakMap<object, MadeArticle>;
/**
 * Newest first, in code-unit order: the same as the locale's for ISO dates and CMS ids, at a
 * fraction of the cost (a localeCompare sort of 50,000 articles took ~0.1 s; documents, albums and
 * gallery images are sorted likewise).
 */
const newestFirst = (a: Article, b: Article) => byCodeUnits(b.date, a.date) || byCodeUnits(a.id, b.id);
/** The last assembly's articles in order, kept beside madeArticles and for the same reason. */
const lastAssembly = ((globalThis as Record<symbol, unknown>)[Symbol.for('toasoan.site.lastAssembly')] ??= {}) as { articles?: Article[] };
/** The same items, by identity, in the same order. */
export const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** A collection's entries as the site is assembled from them: Astro's getCollection, or the store itself (lib/prime.ts). */
export type ReadCollection = typeof getCollection;

/** The site from its collections; pages use loadSite, which does this once per build. */
export const assembleSite = async (read: ReadCollection): Promise<Site> => {
  const env = buildEnv();
  // Pages carry the public media addresses; the build maps them back to STRAPI_URL to download (imageSource).
  const base = env.mediaUrl;
  const [articles, documents, galleryImages, counts, categories, tags, albums, comments, settings] = await Promise.all([
    read('articles'),
    read('documents'),
    read('galleryImages'),
    read('counts'),
    read('categories'),
    read('tags'),
    read('albums'),
    read('comments'),
    read('settings'),
  ]);
  const digests = new Map<string, string>();
  for (const entry of [...articles, ...documents, ...galleryImages]) digests.set(entry.id, String((entry as { digest?: string | number }).digest ?? ''));
  const countOf = new Map(counts.map((c) => [c.id, c.data]));
  // Relations are stored as ids: names and slugs come from their own collections, so a renamed
  // category shows everywhere without refetching its articles, and a deleted one disappears.
  const categoryById = new Map(categories.map((c) => [c.id, c.data]));
  const tagById = new Map(tags.map((t) => [t.id, t.data]));
  const commentsByArticle = groupComments(comments.map((c) => c.data));
  const imageSizes: Record<string, ImageSize> = {};
  const mappedArticles = articles.map(({ id, data }) => {
    Object.assign(imageSizes, data.imageSizes);
    const count = countOf.get(id);
    const category = data.category ? categoryById.get(data.category.documentId) : undefined;
    const articleTags = data.tags.flatMap((t) => (t && tagById.has(t.documentId) ? [tagById.get(t.documentId)!] : []));
    const articleComments = commentsByArticle.get(id) ?? [];
    const commentsText = articleComments.length ? JSON.stringify(articleComments) : '';
    const before = madeArticles.get(data);
    if (before && before.count === count && before.category === category && before.comments === commentsText && sameItems(before.tags, articleTags)) {
      return before.article;
    }
    const { bodyRef } = data;
    // One copy of the stored entry, with no accessor: at 50,000 articles each extra copy or getter
    // per article cost ~0.1 s of every publish.
    const article = toArticle(
      {
        ...data,
        // Read from the cache folder only when a page or search record uses it (below).
        body: null,
        views: count?.views ?? 0,
        ratingAverage: count?.ratingAverage ?? 0,
        ratingCount: count?.ratingCount ?? 0,
        category: category ? { documentId: category.documentId, slug: category.slug, name: category.name } : null,
        tags: articleTags,
      },
      base,
      articleComments,
      () => (bodyRef === null ? null : readBody(bodyRef)),
    );
    madeArticles.set(data, { article, count, category, tags: articleTags, comments: commentsText });
    return article;
  });
  // Kept from the assembly ahead of the publish (lib/sorted.ts), as the articles are.
  const sortedArticles = sortLike(mappedArticles, lastAssembly.articles, newestFirst);
  lastAssembly.articles = sortedArticles;
  if (sortedArticles.length === 0 && !env.allowEmptySite) {
    throw new CmsError(
      `The CMS at ${env.strapiUrl} has no published articles; refusing to build an empty site (set ALLOW_EMPTY_SITE=1 to build one anyway)`,
    );
  }
  const byOrder = <T extends { order?: number | null; name: string }>(a: T, b: T) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name, 'vi');
  return {
    settings: toSiteSettings(settings[0]?.data as Parameters<typeof toSiteSettings>[0], base),
    imageSizes,
    // Not rendered at build time: they change every minute, and baking them in would make every
    // page differ on every build. The browser fills the box (SiteStats) on each page view.
    visitStats: undefined,
    articles: sortedArticles,
    documents: documents
      .map(({ id, data }) => {
        const count = countOf.get(id);
        return toDocument({ ...data, views: count?.views ?? 0, downloads: count?.downloads ?? 0 }, base);
      })
      .sort((a, b) => byCodeUnits(b.issuedAt ?? '', a.issuedAt ?? '') || byCodeUnits(a.id, b.id)),
    albums: albums.map((a) => toAlbum(a.data, base)).sort((a, b) => byCodeUnits(b.date ?? '', a.date ?? '') || byCodeUnits(a.id, b.id)),
    galleryImages: galleryImages
      .map((g) => toGalleryImage(g.data, base))
      .filter((g) => g !== undefined)
      .sort((a, b) => byCodeUnits(b.takenAt ?? '', a.takenAt ?? '') || byCodeUnits(a.id, b.id)),
    categories: [...categories.map((c) => c.data)].sort(byOrder).map(toCategory),
    tags: tags.map((t) => toTag(t.data)).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    digests,
  };
};

let assembled: Promise<Site> | undefined;
let source: (() => Promise<Site>) | undefined;

/**
 * The preview server (web/preview) renders the same components outside the build, where there is
 * no content layer: it hands in the published site it reads itself.
 */
export const setSiteSource = (read: () => Promise<Site>) => {
  source = read;
};

/**
 * The collections as domain objects, assembled once per build process: every one of thousands of
 * pages needs the same lists (menu, sidebar, neighbours), and bodies are parsed once, not per page.
 * The data itself lives in Astro's store; this is only its in-memory view for the build.
 */
export const loadSite = (): Promise<Site> => {
  if (source) return source();
  assembled ??= assembleSite(getCollection);
  return assembled;
};

/**
 * Where astro:assets downloads a CMS image from at build time. Pages hold public upload URLs
 * (PUBLIC_MEDIA_URL/PUBLIC_CMS_URL); the build reads them from STRAPI_URL, and the browser only ever
 * sees the optimised copy under the site's own /_astro/.
 */
export const imageSource = (url: string): string => {
  const env = buildEnv();
  return buildFetchUrl(url, env.mediaUrl, env.strapiUrl);
};


export const articleHref = (a: { slug: string }) => `/tin-tuc/${a.slug}/`;
export const categoryHref = (c: { slug: string }) => `/chuyen-muc/${c.slug}/`;
export const tagHref = (t: { slug: string }) => `/tu-khoa/${t.slug}/`;
export const documentHref = (d: { slug: string }) => `/van-ban/${d.slug}/`;
export const albumHref = (a: { slug: string }) => `/thu-vien-anh/${a.slug}/`;
export const kindHref = (kind: string) => `/van-ban/loai/${kind}/`;
export const yearHref = (year: number) => `/van-ban/nam/${year}/`;

/** Articles of a category, including its sub-categories, newest first (computed once per build). */
export const articlesInCategory = (site: SiteData, category: Category): Article[] => categoryLists(site).get(category.id) ?? [];

/**
 * Every category's articles, sub-categories' included, made in one pass over the articles: every
 * page's header asks for the home categories, and at 50,000 articles a pass per category cost
 * ~0.2 s of each publish.
 */
const categoryLists = (site: SiteData): Map<string, Article[]> => {
  let lists = categoryListsBySite.get(site);
  if (lists) return lists;
  const parentOf = new Map(site.categories.map((c) => [c.id, c.parentId]));
  /** A category and its ancestors (a cycle in the CMS data stops at the first repeat). */
  const lineage = new Map<string, string[]>();
  const lineageOf = (id: string) => {
    let ids = lineage.get(id);
    if (!ids) {
      ids = [];
      for (let at: string | null | undefined = id; at && !ids.includes(at); at = parentOf.get(at)) ids.push(at);
      lineage.set(id, ids);
    }
    return ids;
  };
  lists = new Map(site.categories.map((c) => [c.id, []]));
  for (const a of site.articles) {
    if (a.category) for (const id of lineageOf(a.category.id)) lists.get(id)?.push(a);
  }
  categoryListsBySite.set(site, lists);
  return lists;
};
const categoryListsBySite = new WeakMap<SiteData, Map<string, Article[]>>();

/**
 * Newer and older articles of the same category, by date (site.articles is newest first).
 * newer: the closest newer ones, listed newest first; older: the closest older ones.
 */
export const neighbours = (site: SiteData, article: Article, count = RELATED_COUNT) => {
  const { list, index } = timelinePlace(site, article);
  return {
    newer: list.slice(Math.max(0, index - count), index),
    older: list.slice(index + 1, index + 1 + count),
  };
};

/** An article's category timeline (newest first) and its index there: its neighbours, not copied. */
export const timelinePlace = (site: SiteData, article: Article) => {
  const { byCategory, position } = categoryTimeline(site);
  return { list: byCategory.get(article.category?.id ?? null) ?? [], index: position.get(article.id) ?? -1 };
};

// Every article page asks for its neighbours; indexing the timeline once per build keeps a
// 10,000-article build linear instead of scanning every article for every page.
const timelines = new WeakMap<SiteData, { byCategory: Map<string | null, Article[]>; position: Map<string, number> }>();
const categoryTimeline = (site: SiteData) => {
  let timeline = timelines.get(site);
  if (!timeline) {
    const byCategory = new Map<string | null, Article[]>();
    const position = new Map<string, number>();
    for (const a of site.articles) {
      const key = a.category?.id ?? null;
      const list = byCategory.get(key) ?? [];
      position.set(a.id, list.length);
      list.push(a);
      byCategory.set(key, list);
    }
    timeline = { byCategory, position };
    timelines.set(site, timeline);
  }
  return timeline;
};

/** Articles carrying a tag, newest first (grouped once per build: one pass over the articles). */
export const articlesWithTag = (site: SiteData, tag: { id: string }): Article[] => {
  let byTag = tagIndexes.get(site);
  if (!byTag) {
    byTag = new Map();
    for (const a of site.articles) {
      for (const t of new Set(a.tags.map((x) => x.id))) {
        const list = byTag.get(t) ?? [];
        list.push(a);
        byTag.set(t, list);
      }
    }
    tagIndexes.set(site, byTag);
  }
  return byTag.get(tag.id) ?? [];
};
const tagIndexes = new WeakMap<SiteData, Map<string, Article[]>>();

/** Top-level categories that have articles, in CMS order. */
export const homeCategories = (site: SiteData): Category[] => {
  let list = homeCategoryLists.get(site);
  if (!list) {
    list = site.categories.filter((c) => !c.parentId).filter((c) => articlesInCategory(site, c).length > 0);
    homeCategoryLists.set(site, list);
  }
  return list;
};
const homeCategoryLists = new WeakMap<SiteData, Category[]>();

export interface MenuItem {
  href: string;
  label: string;
}

/**
 * What fits on one row of the desktop menu, in characters of its semibold 15 px text (~8.7 px each)
 * plus ~3 for each item's padding: the row is 992 px wide at the 1024 px breakpoint.
 */
const MENU_ROW_BUDGET = 108;
const menuCost = (item: MenuItem) => item.label.length + 3;

/**
 * The main menu: fixed entries around the top-level categories, in CMS order. On desktop it is
 * one row; the categories that do not fit go under "Khác" (`more`, shown between `before` and
 * `after`). Phones list them all.
 */
export const mainMenu = (site: SiteData): { before: MenuItem[]; more: MenuItem[]; after: MenuItem[] } => {
  const head: MenuItem[] = [
    { href: '/', label: 'Trang chủ' },
    { href: '/gioi-thieu/', label: 'Giới thiệu' },
    { href: '/tin-tuc/', label: 'Tin tức' },
  ];
  const tail: MenuItem[] = [
    { href: '/van-ban/', label: 'Văn bản' },
    { href: '/thu-vien-anh/', label: 'Thư viện ảnh' },
    { href: '/tim-kiem/', label: 'Tìm kiếm' },
  ];
  const categories = homeCategories(site).map((c) => ({ href: categoryHref(c), label: c.name }));
  const fixed = [...head, ...tail].reduce((sum, item) => sum + menuCost(item), 0);
  const all = categories.reduce((sum, item) => sum + menuCost(item), 0);
  if (fixed + all <= MENU_ROW_BUDGET) return { before: [...head, ...categories], more: [], after: tail };
  let room = MENU_ROW_BUDGET - fixed - menuCost({ href: '', label: 'Khác ▾' });
  let shown = 0;
  while (shown < categories.length && menuCost(categories[shown]!) <= room) room -= menuCost(categories[shown++]!);
  return { before: [...head, ...categories.slice(0, shown)], more: categories.slice(shown), after: tail };
};

const MOST_READ_KEPT = 10;
// Dates by code units, as in newestFirst: among 50,000 articles most tie on views with the tenth
// most read, and localeCompare on each tie cost ~0.05 s of each publish.
const readMore = (a: Article, b: Article) => b.views - a.views || byCodeUnits(b.date, a.date);

/**
 * The most read articles by the view counts known at build time (computed once per build): the
 * top ten in one pass, not a sort of the whole archive (~0.1 s at 50,000 articles).
 */
export const mostRead = (site: SiteData, count = 5): Article[] => {
  let list = mostReadLists.get(site);
  if (!list) {
    list = [];
    for (const a of site.articles) {
      if (list.length === MOST_READ_KEPT && readMore(a, list[list.length - 1]!) >= 0) continue;
      let at = list.length;
      while (at > 0 && readMore(a, list[at - 1]!) < 0) at -= 1;
      list.splice(at, 0, a);
      if (list.length > MOST_READ_KEPT) list.pop();
    }
    mostReadLists.set(site, list);
  }
  return list.slice(0, count);
};
const mostReadLists = new WeakMap<SiteData, Article[]>();

export const documentYears = (site: SiteData) =>
  [...new Set(site.documents.map((d) => d.year).filter((y): y is number => y !== undefined))].sort((a, b) => b - a);

export const documentKinds = (site: SiteData) => {
  const counts = new Map<string, { kind: string; label: string; count: number }>();
  for (const d of site.documents) {
    const entry = counts.get(d.kind) ?? { kind: d.kind, label: d.kindLabel, count: 0 };
    entry.count += 1;
    counts.set(d.kind, entry);
  }
  return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
};

/** Photos of an album in the order they were taken (site.galleryImages is newest first). */
export const imagesOfAlbum = (site: SiteData, albumId: string): GalleryImage[] =>
  site.galleryImages
    .filter((g) => g.album?.id === albumId)
    .sort((a, b) => (a.takenAt ?? '').localeCompare(b.takenAt ?? '') || a.id.localeCompare(b.id));

export const absoluteUrl = (path: string, siteUrl: string) => new URL(path, `${siteUrl}/`).toString();

/** A short description for meta tags. */
export const summary = (text: string, max = 200) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
};
