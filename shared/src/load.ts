import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createCmsClient, CmsError, type CmsClient } from './client.ts';
import {
  toAlbum,
  toArticle,
  toCategory,
  toComment,
  toDocument,
  toGalleryImage,
  toSiteSettings,
  toTag,
  type ArticleComment,
  type ImageSize,
  type SiteData,
  type VisitStats,
} from './domain.ts';
import type { BuildEnv } from './env.ts';
import {
  AlbumsPageDocument,
  ApprovedCommentsPageDocument,
  ArticlesPageDocument,
  CategoriesPageDocument,
  DocumentsPageDocument,
  GalleryImagesPageDocument,
  SiteSettingsDocument,
  TagsPageDocument,
  UploadFileSizesDocument,
} from './generated/graphql.ts';
import { isCmsUrl, resolveMediaUrl } from './media.ts';
import { mapConcurrent, pageNumbers } from './pagination.ts';
import { richTextImages, type RichText } from './rich-text.ts';

/** The server's GraphQL maxLimit. */
export const PAGE_SIZE = 100;

type PageVars = { page: number; pageSize: number };
type PageInfo = { total: number; pageCount: number };

export interface FetchAllOptions {
  pageSize?: number;
  concurrency?: number;
  /** For messages, e.g. "articles". */
  label: string;
}

/**
 * Reads a whole collection: page 1 gives the totals, the other pages are fetched with bounded
 * concurrency. A result that does not add up to the announced total is an error, never a partial site.
 */
export const fetchAll = async <TResult, TItem, TVars extends object = {}>(
  client: CmsClient,
  document: TypedDocumentNode<TResult, PageVars & TVars>,
  pick: (data: TResult) => { items: (TItem | null | undefined)[]; pageInfo: PageInfo | null | undefined },
  { pageSize = PAGE_SIZE, concurrency = 4, label }: FetchAllOptions,
  /** Further variables of the query (filters), sent with every page. */
  variables?: TVars,
): Promise<TItem[]> => {
  const fetchPage = async (page: number) => {
    const picked = pick(await client.request(document, { ...(variables as TVars), page, pageSize }));
    if (!picked.pageInfo) throw new CmsError(`The CMS gave no page info for ${label}`);
    return picked;
  };
  const first = await fetchPage(1);
  const { total, pageCount } = first.pageInfo!;
  const rest = await mapConcurrent(pageNumbers(pageCount).slice(1), concurrency, fetchPage);
  const seen = new Set<string>();
  const items: TItem[] = [];
  for (const page of [first, ...rest]) {
    for (const item of page.items) {
      if (item == null) continue;
      const id = (item as { documentId?: string }).documentId;
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      items.push(item);
    }
  }
  if (items.length !== total) {
    throw new CmsError(
      `The CMS announced ${total} ${label} but returned ${items.length} over ${pageCount} page(s); content changed during the build or pagination is capped — refusing to build a partial site`,
    );
  }
  return items;
};

export interface LoadOptions {
  concurrency?: number;
  pageSize?: number;
  /** Reads the visit statistics for the "Thống kê website" box (default true). */
  visitStats?: boolean;
}

const STATS_TIMEOUT_MS = 5000;

/**
 * The visit counts at build time, from the CMS's public engagement endpoint. Optional: the browser
 * refreshes them on every page view, so a failure only leaves dashes for readers without JavaScript
 * and never fails the build.
 */
export const fetchVisitStats = async (cmsUrl: string, fetchImpl: typeof fetch = fetch): Promise<VisitStats | undefined> => {
  const url = `${cmsUrl.replace(/\/+$/, '')}/api/engagement/stats`;
  try {
    const res = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = ((await res.json()) as { data?: Record<string, unknown> }).data ?? {};
    const count = (key: string) => {
      const n = Number(data[key]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`no ${key} count in the answer`);
      return n;
    };
    return { online: count('online'), today: count('today'), month: count('month'), total: count('total') };
  } catch (error) {
    console.warn(`[toasoan] visit statistics unavailable from ${url} (${(error as Error).message}); the box shows dashes until the browser refreshes it`);
    return undefined;
  }
};

/** The CMS-served image URLs (absolute) that appear inline in the given bodies, each once. */
export const bodyImageUrls = (bodies: Iterable<RichText>, cmsUrl: string): string[] => {
  const urls = new Set<string>();
  for (const body of bodies) {
    for (const img of richTextImages(body)) {
      const src = img.properties.src;
      if (typeof src === 'string' && src && isCmsUrl(src, cmsUrl)) urls.add(src);
    }
  }
  return [...urls];
};

const positiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/**
 * Width and height of uploaded images, keyed by absolute URL (resolveMediaUrl), for the given URLs:
 * the media library already knows them, so the build never downloads an image just to measure it.
 * Each file's Strapi formats (thumbnail, small, …) are included too. URLs the library does not know
 * are simply absent (the caller falls back to measuring them).
 */
export const fetchImageSizes = async (
  client: CmsClient,
  cmsUrl: string,
  urls: readonly string[],
  { pageSize = PAGE_SIZE, concurrency = 4 }: { pageSize?: number; concurrency?: number } = {},
): Promise<Record<string, ImageSize>> => {
  const sizes: Record<string, ImageSize> = {};
  if (!urls.length) return sizes;
  // The library stores "/uploads/a.jpg" (local provider) or an absolute URL (cloud provider): ask for both forms.
  const base = cmsUrl.replace(/\/+$/, '');
  const candidates = new Set<string>();
  for (const url of urls) {
    candidates.add(url);
    if (!url.startsWith(`${base}/`)) continue;
    const relative = url.slice(base.length);
    candidates.add(relative);
    try {
      candidates.add(decodeURI(relative));
    } catch {
      // A malformed escape: the raw form is all we can ask for.
    }
  }
  const chunks: string[][] = [];
  const all = [...candidates];
  for (let i = 0; i < all.length; i += pageSize) chunks.push(all.slice(i, i + pageSize));
  const add = (url: unknown, width: unknown, height: unknown) => {
    if (typeof url !== 'string' || !positiveInt(width) || !positiveInt(height)) return;
    const absolute = resolveMediaUrl(url, cmsUrl);
    if (absolute) sizes[absolute] = { width, height };
  };
  const results = await mapConcurrent(chunks, concurrency, (chunk) =>
    fetchAll(
      client,
      UploadFileSizesDocument,
      (d) => ({ items: d.uploadFiles, pageInfo: d.uploadFiles_connection?.pageInfo }),
      { pageSize, concurrency: 1, label: 'upload file sizes' },
      { urls: chunk },
    ),
  );
  for (const files of results) {
    for (const file of files) {
      add(file.url, file.width, file.height);
      if (file.formats && typeof file.formats === 'object') {
        for (const format of Object.values(file.formats as Record<string, { url?: unknown; width?: unknown; height?: unknown } | null>)) {
          if (format) add(format.url, format.width, format.height);
        }
      }
    }
  }
  return sizes;
};

/** Approved comments grouped by the documentId of their article, each list newest first. */
export const groupComments = (items: Parameters<typeof toComment>[0][]) => {
  const byArticle = new Map<string, ArticleComment[]>();
  for (const item of items) {
    const mapped = toComment(item);
    if (!mapped) continue;
    const list = byArticle.get(mapped.articleId) ?? [];
    list.push(mapped.comment);
    byArticle.set(mapped.articleId, list);
  }
  for (const list of byArticle.values()) list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return byArticle;
};

/** Everything the site shows, from one CMS, as domain objects. */
export const loadSiteData = async (env: BuildEnv, client?: CmsClient, options: LoadOptions = {}): Promise<SiteData> => {
  const cms = client ?? createCmsClient({ url: env.strapiUrl, token: env.strapiToken });
  // Pages carry the public media addresses; the build maps them back to STRAPI_URL to download (buildFetchUrl).
  const base = env.mediaUrl;
  const opts = { concurrency: options.concurrency ?? 4, pageSize: options.pageSize ?? PAGE_SIZE };

  // Settings first: a single small request that fails fast (with a clear message) when the CMS is down.
  const settings = await cms.request(SiteSettingsDocument, {});

  const [articles, documents, albums, galleryImages, categories, tags, comments, visitStats] = await Promise.all([
    fetchAll(cms, ArticlesPageDocument, (d) => ({ items: d.articles, pageInfo: d.articles_connection?.pageInfo }), { ...opts, label: 'articles' }),
    fetchAll(cms, DocumentsPageDocument, (d) => ({ items: d.documents, pageInfo: d.documents_connection?.pageInfo }), { ...opts, label: 'documents' }),
    fetchAll(cms, AlbumsPageDocument, (d) => ({ items: d.albums, pageInfo: d.albums_connection?.pageInfo }), { ...opts, label: 'albums' }),
    fetchAll(cms, GalleryImagesPageDocument, (d) => ({ items: d.galleryImages, pageInfo: d.galleryImages_connection?.pageInfo }), { ...opts, label: 'gallery images' }),
    fetchAll(cms, CategoriesPageDocument, (d) => ({ items: d.categories, pageInfo: d.categories_connection?.pageInfo }), { ...opts, label: 'categories' }),
    fetchAll(cms, TagsPageDocument, (d) => ({ items: d.tags, pageInfo: d.tags_connection?.pageInfo }), { ...opts, label: 'tags' }),
    fetchAll(cms, ApprovedCommentsPageDocument, (d) => ({ items: d.comments, pageInfo: d.comments_connection?.pageInfo }), { ...opts, label: 'approved comments' }),
    options.visitStats === false ? undefined : fetchVisitStats(env.strapiUrl),
  ]);

  const commentsByArticle = groupComments(comments);
  const mappedArticles = articles
    .map((a) => toArticle(a, base, commentsByArticle.get(a.documentId) ?? []))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  if (mappedArticles.length === 0 && !env.allowEmptySite) {
    throw new CmsError(
      `The CMS at ${env.strapiUrl} has no published articles; refusing to build an empty site (set ALLOW_EMPTY_SITE=1 to build one anyway)`,
    );
  }

  // After the articles: only the images their bodies actually show are looked up.
  const imageSizes = await fetchImageSizes(cms, base, bodyImageUrls(mappedArticles.map((a) => a.body), base), opts);

  return {
    settings: toSiteSettings(settings.siteSetting, base),
    imageSizes,
    visitStats,
    articles: mappedArticles,
    documents: documents.map((d) => toDocument(d, base)),
    albums: albums.map((a) => toAlbum(a, base)),
    galleryImages: galleryImages.map((g) => toGalleryImage(g, base)).filter((g) => g !== undefined),
    categories: categories.map(toCategory),
    tags: tags.map(toTag),
  };
};
