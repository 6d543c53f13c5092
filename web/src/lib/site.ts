/**
 * The web side of the data flow: shared loaders (GraphQL → domain types) fetched once per build,
 * plus the derived views pages need. Pages import from here only.
 */
import { getSiteData } from '@toasoan/shared/load';
import { readBuildEnv } from '@toasoan/shared/env';
import { buildFetchUrl } from '@toasoan/shared/media';
import type { Article, ArticleSummary, Category, DocumentItem, GalleryImage, SiteData } from '@toasoan/shared/domain';

export type { Article, ArticleSummary, Category, DocumentItem, GalleryImage, SiteData };

export const NEWS_PAGE_SIZE = 12;
export const DOCUMENTS_PAGE_SIZE = 20;
/** "Những tin mới hơn" / "Những tin cũ hơn": how many of each. */
export const RELATED_COUNT = 5;

export const buildEnv = () => readBuildEnv(process.env);

export const loadSite = (): Promise<SiteData> => getSiteData(process.env);

/**
 * Where astro:assets downloads a CMS image from at build time. Pages hold public upload URLs
 * (PUBLIC_MEDIA_URL/PUBLIC_CMS_URL); the build reads them from STRAPI_URL, and the browser only ever
 * sees the optimised copy under the site's own /_astro/.
 */
export const imageSource = (url: string): string => {
  const env = buildEnv();
  return buildFetchUrl(url, env.mediaUrl, env.strapiUrl);
};

/** getStaticPaths of the article page and its print version: one page per published article. */
export const articlePaths = async () =>
  (await loadSite()).articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));

export const articleHref = (a: { slug: string }) => `/tin-tuc/${a.slug}/`;
export const categoryHref = (c: { slug: string }) => `/chuyen-muc/${c.slug}/`;
export const tagHref = (t: { slug: string }) => `/tu-khoa/${t.slug}/`;
export const documentHref = (d: { slug: string }) => `/van-ban/${d.slug}/`;
export const albumHref = (a: { slug: string }) => `/thu-vien-anh/${a.slug}/`;
export const kindHref = (kind: string) => `/van-ban/loai/${kind}/`;
export const yearHref = (year: number) => `/van-ban/nam/${year}/`;

/** Articles of a category, including its sub-categories, newest first (computed once per build and category). */
export const articlesInCategory = (site: SiteData, category: Category): Article[] => {
  let byCategory = categoryLists.get(site);
  if (!byCategory) {
    byCategory = new Map();
    categoryLists.set(site, byCategory);
  }
  let list = byCategory.get(category.id);
  if (!list) {
    list = collectArticlesInCategory(site, category);
    byCategory.set(category.id, list);
  }
  return list;
};
// Every page's header asks for the home categories (and so for each category's articles): cached per
// build, otherwise each of the 24k pages of the 10k corpus would scan all articles once per category.
const categoryLists = new WeakMap<SiteData, Map<string, Article[]>>();

const collectArticlesInCategory = (site: SiteData, category: Category): Article[] => {
  const ids = new Set([category.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of site.categories) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return site.articles.filter((a) => a.category && ids.has(a.category.id));
};

/**
 * Newer and older articles of the same category, by date (site.articles is newest first).
 * newer: the closest newer ones, listed newest first; older: the closest older ones.
 */
export const neighbours = (site: SiteData, article: Article, count = RELATED_COUNT) => {
  const { byCategory, position } = categoryTimeline(site);
  const same = byCategory.get(article.category?.id ?? null) ?? [];
  const index = position.get(article.id) ?? -1;
  return {
    newer: same.slice(Math.max(0, index - count), index),
    older: same.slice(index + 1, index + 1 + count),
  };
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

/** The most read articles by the view counts known at build time (computed once per build). */
export const mostRead = (site: SiteData, count = 5): Article[] => {
  let list = mostReadLists.get(site);
  if (!list) {
    list = [...site.articles].sort((a, b) => b.views - a.views || b.date.localeCompare(a.date)).slice(0, 10);
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
