/**
 * The site's data, synced from the CMS into Astro's data store (content layer). The store is kept
 * between builds in `cacheDir` (data-store.json), so after the first build a sync fetches only what
 * changed:
 *
 * - articles and gallery images: every build lists all published ids with their
 *   `updatedAt` (one small row each); ids gone from the list were unpublished or deleted and are
 *   dropped, ids whose `updatedAt` differs from the stored copy are fetched in full by id. Comparing
 *   each entry's own `updatedAt` (rather than one "since" mark) cannot miss an entry written in the
 *   same millisecond as the mark or under a clock that went back.
 * - reader counts (views, downloads, ratings) change without `updatedAt` changing: they come with
 *   that same listing and live in their own small collection, so an article entry (and every page
 *   keyed on it) stays unchanged when only its counts move.
 * - documents, categories, tags, albums, approved comments and the site settings are small (or, for
 *   documents, show what other entries hold): read whole each time.
 *
 * Entries are written with a digest, so unchanged ones are not rewritten. Relations inside entries
 * (an article's category and tags) are kept as ids and names are resolved from their collections
 * when pages read them (lib/site.ts), so renaming a category needs no article refetch.
 *
 * Astro clears the whole store when its config, this file or its own version changes (and with
 * `astro build --force`); the next sync then reads everything (see web/README.md).
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { createCmsClient, type CmsClient } from '@toasoan/shared/client';
import type { ImageSize } from '@toasoan/shared/domain';
import { readBuildEnv } from '@toasoan/shared/env';
import { bodyImageUrls, fetchAll, fetchImageSizes, PAGE_SIZE } from '@toasoan/shared/load';
import { parseRichText } from '@toasoan/shared/rich-text';
import { mapConcurrent } from '@toasoan/shared/pagination';
import {
  AlbumsPageDocument,
  ApprovedCommentsPageDocument,
  ArticlesByIdPageDocument,
  ArticleStatesPageDocument,
  CategoriesPageDocument,
  DocumentsPageDocument,
  DocumentStatesPageDocument,
  GalleryImagesByIdPageDocument,
  GalleryImageStatesPageDocument,
  SiteSettingsDocument,
  TagsPageDocument,
  type AlbumCardFragment,
  type ArticleFullFragment,
  type CategoryFragment,
  type DocumentFullFragment,
  type GalleryImageCardFragment,
  type PublicCommentFragment,
  type SiteSettingsFragment,
  type TagSlugFragment,
} from '@toasoan/shared/generated/graphql';

const CONCURRENCY = 4;

let client: CmsClient | undefined;
const cms = () => {
  const env = readBuildEnv(process.env);
  client ??= createCmsClient({ url: env.strapiUrl, token: env.strapiToken });
  return client;
};

/**
 * An id listing can be read by two loaders (articles: entries and counts). Both run in the same
 * sync, so the listing is fetched once and handed to both; it is forgotten once every consumer has
 * it, so the next sync (dev server) reads a fresh one.
 */
const sharedListing = <T>(consumers: number, fetch: () => Promise<T>) => {
  let pending: Promise<T> | undefined;
  let left = 0;
  return () => {
    if (!pending) {
      pending = fetch();
      left = consumers;
    }
    const current = pending;
    left -= 1;
    if (left === 0) pending = undefined;
    return current;
  };
};

const articleStates = sharedListing(2, () =>
  fetchAll(cms(), ArticleStatesPageDocument, (d) => ({ items: d.articles, pageInfo: d.articles_connection?.pageInfo }), {
    concurrency: CONCURRENCY,
    label: 'article ids',
  }),
);
const documentStates = sharedListing(1, () =>
  fetchAll(cms(), DocumentStatesPageDocument, (d) => ({ items: d.documents, pageInfo: d.documents_connection?.pageInfo }), {
    concurrency: CONCURRENCY,
    label: 'document ids',
  }),
);

/** Stores every item by id with its digest; drops stored ids the CMS no longer lists. */
const replaceAll = async <T extends { documentId: string }>(
  { store, parseData, generateDigest }: LoaderContext,
  items: readonly T[],
) => {
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.documentId);
    const data = await parseData({ id: item.documentId, data: item as unknown as Record<string, unknown> });
    store.set({ id: item.documentId, data, digest: generateDigest(data) });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
};

/**
 * The incremental part: drop what the listing no longer has, fetch in full what is new or whose
 * updatedAt moved. Entries are stored without their reader counts (see the counts collection).
 */
const syncChanged = async <T extends { documentId: string; updatedAt?: string | null }>(
  context: LoaderContext,
  listing: readonly { documentId: string; updatedAt?: string | null }[],
  fetchByIds: (ids: string[]) => Promise<T[]>,
  strip: (item: T) => Record<string, unknown>,
  /** Extra data for the fetched items, stored with them (e.g. image sizes of article bodies). */
  enrich: (items: T[]) => Promise<Map<string, Record<string, unknown>>> = async () => new Map(),
) => {
  const { store, parseData, generateDigest, logger } = context;
  const listed = new Map(listing.map((item) => [item.documentId, item.updatedAt ?? undefined]));
  let dropped = 0;
  for (const id of store.keys()) {
    if (!listed.has(id)) {
      store.delete(id);
      dropped += 1;
    }
  }
  const changed = [...listed].filter(([id, updatedAt]) => (store.get<{ updatedAt?: string | null }>(id)?.data.updatedAt ?? undefined) !== updatedAt).map(([id]) => id);
  const chunks: string[][] = [];
  for (let i = 0; i < changed.length; i += PAGE_SIZE) chunks.push(changed.slice(i, i + PAGE_SIZE));
  const fetched = (await mapConcurrent(chunks, CONCURRENCY, fetchByIds)).flat();
  const extra = await enrich(fetched);
  for (const item of fetched) {
    const data = await parseData({ id: item.documentId, data: { ...strip(item), ...extra.get(item.documentId) } });
    store.set({ id: item.documentId, data, digest: generateDigest(data) });
  }
  // An entry unpublished between the listing and the fetch is not fetched and stays stored until
  // the next sync's listing drops it.
  logger.info(`${listed.size} listed, ${fetched.length} fetched, ${dropped} dropped`);
};

const byIds = <TResult, TItem>(
  document: Parameters<typeof fetchAll<TResult, TItem, { ids: string[] }>>[1],
  pick: Parameters<typeof fetchAll<TResult, TItem, { ids: string[] }>>[2],
  label: string,
) =>
  (ids: string[]) =>
    fetchAll(cms(), document, pick, { concurrency: 1, label }, { ids });

/**
 * Pixel sizes of the CMS images each fetched article's body shows, stored with the article: the
 * media library knows them, so pages give astro:assets width/height without downloading to measure.
 */
const bodyImageSizes = async (articles: ArticleFullFragment[]) => {
  const { mediaUrl } = readBuildEnv(process.env);
  const urls = new Map(articles.map((a) => [a.documentId, bodyImageUrls([parseRichText(a.body, { mediaBase: mediaUrl })], mediaUrl)]));
  const sizes = await fetchImageSizes(cms(), mediaUrl, [...new Set([...urls.values()].flat())]);
  return new Map(
    [...urls].map(([id, list]) => [id, { imageSizes: Object.fromEntries(list.flatMap((url) => (sizes[url] ? [[url, sizes[url]]] : []))) }]),
  );
};

const articlesLoader: Loader = {
  name: 'toasoan-articles',
  load: async (context) =>
    syncChanged(
      context,
      await articleStates(),
      byIds(ArticlesByIdPageDocument, (d) => ({ items: d.articles, pageInfo: d.articles_connection?.pageInfo }), 'changed articles'),
      ({ views: _views, ratingAverage: _average, ratingCount: _count, ...article }: ArticleFullFragment) => article,
      bodyImageSizes,
    ),
};

/**
 * Documents are read whole every sync (a register holds thousands, not tens of thousands, and
 * they are small): a document shows links made from other documents ("replaced by") and names from
 * the register's lists (type, issuer, signer, fields), none of which moves its own updatedAt.
 * Unchanged ones keep their digest, so their pages are still not rendered again.
 */
const documentsLoader: Loader = {
  name: 'toasoan-documents',
  load: async (context) =>
    replaceAll(
      context,
      (await fetchAll(cms(), DocumentsPageDocument, (d) => ({ items: d.documents, pageInfo: d.documents_connection?.pageInfo }), opts('documents'))).map(
        ({ views: _views, downloads: _downloads, ...document }: DocumentFullFragment) => document,
      ),
    ),
};

const galleryImagesLoader: Loader = {
  name: 'toasoan-gallery-images',
  load: async (context) =>
    syncChanged(
      context,
      await fetchAll(cms(), GalleryImageStatesPageDocument, (d) => ({ items: d.galleryImages, pageInfo: d.galleryImages_connection?.pageInfo }), {
        concurrency: CONCURRENCY,
        label: 'gallery image ids',
      }),
      byIds(GalleryImagesByIdPageDocument, (d) => ({ items: d.galleryImages, pageInfo: d.galleryImages_connection?.pageInfo }), 'changed gallery images'),
      (image) => image,
    ),
};

/** Reader counts of articles and documents, one small entry per item (id = documentId). */
const countsLoader: Loader = {
  name: 'toasoan-counts',
  load: async (context) => {
    const [articles, documents] = await Promise.all([articleStates(), documentStates()]);
    await replaceAll(context, [
      ...articles.map((a) => ({ documentId: a.documentId, views: a.views, ratingAverage: a.ratingAverage, ratingCount: a.ratingCount, downloads: 0 })),
      ...documents.map((d) => ({ documentId: d.documentId, views: d.views, downloads: d.downloads, ratingAverage: 0, ratingCount: 0 })),
    ]);
  },
};

const wholeLoader = (name: string, read: () => Promise<{ documentId: string }[]>): Loader => ({
  name: `toasoan-${name}`,
  load: async (context) => replaceAll(context, await read()),
});

const opts = (label: string) => ({ concurrency: CONCURRENCY, label });

/** Typed by the GraphQL documents (codegen from the CMS schema); checked for an id on the way in. */
const fragment = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null && typeof (value as { documentId?: unknown }).documentId === 'string');

/**
 * `astro sync` (run by `pnpm typecheck`) loads collections only to write their types: it must not
 * need a running CMS, so loaders fetch nothing there.
 */
const typesOnly = process.argv.slice(2).includes('sync');
const online = (loader: Loader): Loader => ({ ...loader, load: async (context) => (typesOnly ? undefined : loader.load(context)) });

export const collections = {
  articles: defineCollection({
    loader: online(articlesLoader),
    schema: fragment<Omit<ArticleFullFragment, 'views' | 'ratingAverage' | 'ratingCount'> & { imageSizes: Record<string, ImageSize> }>(),
  }),
  documents: defineCollection({ loader: online(documentsLoader), schema: fragment<Omit<DocumentFullFragment, 'views' | 'downloads'>>() }),
  galleryImages: defineCollection({ loader: online(galleryImagesLoader), schema: fragment<GalleryImageCardFragment & { updatedAt?: string | null }>() }),
  counts: defineCollection({
    loader: online(countsLoader),
    schema: z.object({
      documentId: z.string(),
      views: z.number().int().nonnegative(),
      downloads: z.number().int().nonnegative(),
      ratingAverage: z.number().nonnegative(),
      ratingCount: z.number().int().nonnegative(),
    }),
  }),
  categories: defineCollection({
    loader: online(wholeLoader('categories', () =>
      fetchAll(cms(), CategoriesPageDocument, (d) => ({ items: d.categories, pageInfo: d.categories_connection?.pageInfo }), opts('categories')),
    )),
    schema: fragment<CategoryFragment>(),
  }),
  tags: defineCollection({
    loader: online(wholeLoader('tags', () => fetchAll(cms(), TagsPageDocument, (d) => ({ items: d.tags, pageInfo: d.tags_connection?.pageInfo }), opts('tags')))),
    schema: fragment<TagSlugFragment>(),
  }),
  albums: defineCollection({
    loader: online(wholeLoader('albums', () => fetchAll(cms(), AlbumsPageDocument, (d) => ({ items: d.albums, pageInfo: d.albums_connection?.pageInfo }), opts('albums')))),
    schema: fragment<AlbumCardFragment>(),
  }),
  comments: defineCollection({
    loader: online(wholeLoader('comments', () =>
      fetchAll(cms(), ApprovedCommentsPageDocument, (d) => ({ items: d.comments, pageInfo: d.comments_connection?.pageInfo }), opts('approved comments')),
    )),
    schema: fragment<PublicCommentFragment>(),
  }),
  settings: defineCollection({
    loader: online({
      name: 'toasoan-settings',
      load: async (context) => {
        const { siteSetting } = await cms().request(SiteSettingsDocument, {});
        await replaceAll(context, [{ documentId: 'site', ...(siteSetting ?? {}) }]);
      },
    }),
    schema: fragment<Partial<SiteSettingsFragment> & { documentId: string }>(),
  }),
};
