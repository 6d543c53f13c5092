/**
 * The site's data, synced from the CMS into Astro's data store (content layer). The store is kept
 * between builds in `cacheDir` (data-store/), so after the first build a sync fetches only what
 * changed:
 *
 * - articles, documents and gallery images: every build lists all published ids with their
 *   `updatedAt` in one request (`siteStates`, one small row each); ids gone from the list were
 *   unpublished or deleted and are dropped, ids whose `updatedAt` differs from the stored copy are
 *   fetched in full by id. Comparing each entry's own `updatedAt` (rather than one "since" mark)
 *   cannot miss an entry written in the same millisecond as the mark or under a clock that went
 *   back. Documents are also fetched again when what they show of other entries changed (see
 *   documentsLoader).
 * - reader counts (views, downloads, ratings) change without `updatedAt` changing: they come with
 *   that same listing and live in their own small collection, so an article entry (and every page
 *   keyed on it) stays unchanged when only its counts move.
 * - categories, tags, albums, approved comments and the site settings are small: read whole each time.
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
import { articlesFromColumns, documentsFromColumns, galleryImagesFromColumns, type SyncedArticle, type SyncedDocument, type SyncedGalleryImage } from '@toasoan/shared/sync-columns';
import {
  AlbumsPageDocument,
  ApprovedCommentsPageDocument,
  CategoriesPageDocument,
  SiteSettingsDocument,
  SiteStatesDocument,
  SyncArticlesDocument,
  SyncDocumentsDocument,
  SyncGalleryImagesDocument,
  TagsPageDocument,
  type AlbumCardFragment,
  type CategoryFragment,
  type PublicCommentFragment,
  type SiteSettingsFragment,
  type TagSlugFragment,
} from '@toasoan/shared/generated/graphql';
import { dropBodiesExcept, keepBody, keptBodies } from './lib/article-bodies';
import { primeSite } from './lib/prime';
import type { ReadCollection } from './lib/site';
import { inStandby, publishCame } from './lib/standby';

const CONCURRENCY = 4;

/** An article in the data store: its body is kept beside it (lib/article-bodies.ts). */
export type StoredArticle = Omit<SyncedArticle, 'body'> & { bodyRef: string | null; imageSizes: Record<string, ImageSize> };

let client: CmsClient | undefined;
const cms = () => {
  const env = readBuildEnv(process.env);
  client ??= createCmsClient({ url: env.strapiUrl, token: env.strapiToken });
  return client;
};

/**
 * A listing read by several loaders in the same sync is fetched once and handed to each; it is
 * forgotten once every consumer has it, so the next sync (dev server) reads a fresh one.
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

/**
 * Every published article, document and gallery image (ids, updatedAt, counts, links between
 * documents) in one request (`siteStates`), read by the articles, documents, gallery images and
 * counts loaders. It comes as columns (cheap for the CMS to serve); loaders read it as rows.
 */
const siteStates = sharedListing(4, async () => {
  const { siteStates: s } = await cms().request(SiteStatesDocument, {});
  return {
    articles: s.articles.documentIds.map((documentId, i) => ({
      documentId,
      updatedAt: s.articles.updatedAts[i]!,
      views: s.articles.views[i]!,
      ratingAverage: s.articles.ratingAverages[i]!,
      ratingCount: s.articles.ratingCounts[i]!,
    })),
    documents: s.documents.documentIds.map((documentId, i) => ({
      documentId,
      updatedAt: s.documents.updatedAts[i]!,
      views: s.documents.views[i]!,
      downloads: s.documents.downloads[i]!,
      links: s.documents.links[i]!,
    })),
    galleryImages: s.galleryImages.documentIds.map((documentId, i) => ({ documentId, updatedAt: s.galleryImages.updatedAts[i]! })),
    registerVersion: s.registerVersion,
  };
});

/** The stored data holds exactly the item's own fields, each the same value (flat items, e.g. counts). */
const storedAs = (stored: Record<string, unknown> | undefined, item: Record<string, unknown>) => {
  if (!stored) return false;
  const names = Object.keys(item);
  return names.length === Object.keys(stored).length && names.every((name) => stored[name] === item[name]);
};

/**
 * Stores every item by id with its digest; drops stored ids the CMS no longer lists. An item the
 * store holds as it is skips validation and hashing (at 50,000 articles the counts of every
 * article and document, ~0.25 s of each publish).
 */
const replaceAll = async <T extends { documentId: string }>(
  { store, parseData, generateDigest }: LoaderContext,
  items: readonly T[],
) => {
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.documentId);
    if (storedAs(store.get(item.documentId)?.data, item as unknown as Record<string, unknown>)) continue;
    const data = await parseData({ id: item.documentId, data: item as unknown as Record<string, unknown> });
    store.set({ id: item.documentId, data, digest: generateDigest(data) });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
};

/**
 * The incremental part: drop what the listing no longer has, fetch in full what is new or whose
 * updatedAt moved, plus what `alsoStale` names given those ids (an entry showing another entry's
 * data). The fetches carry no reader counts (see the counts collection).
 */
const syncChanged = async <T extends { documentId: string; updatedAt?: string | null }>(
  context: LoaderContext,
  listing: readonly { documentId: string; updatedAt?: string | null }[],
  fetchByIds: (ids: string[]) => Promise<T[]>,
  /** What is stored of the fetched items (articles: the body's reference, image sizes). */
  toStored: (items: T[]) => Promise<Array<{ documentId: string }>> = async (items) => items,
  /** Listed ids to fetch again because they show data of the changed or dropped ids given. */
  alsoStale: (changedOrDropped: ReadonlySet<string>) => Iterable<string> = () => [],
) => {
  const { store, parseData, generateDigest, logger } = context;
  const listed = new Map(listing.map((item) => [item.documentId, item.updatedAt ?? undefined]));
  const dirty = new Set<string>();
  for (const id of store.keys()) if (!listed.has(id)) dirty.add(id);
  const dropped = dirty.size;
  for (const [id, updatedAt] of listed) {
    if ((store.get<{ updatedAt?: string | null }>(id)?.data.updatedAt ?? undefined) !== updatedAt) dirty.add(id);
  }
  const stale = new Set([...dirty].filter((id) => listed.has(id)));
  for (const id of alsoStale(dirty)) if (listed.has(id)) stale.add(id);
  for (const id of store.keys()) if (!listed.has(id)) store.delete(id);
  const changed = [...stale];
  // Fetched and stored a few requests' worth at a time, in the listing's order: a first sync of
  // 50,000 articles held every fetched article, body included, until all were fetched.
  const batch = PAGE_SIZE * CONCURRENCY;
  let fetched = 0;
  for (let start = 0; start < changed.length; start += batch) {
    const chunks: string[][] = [];
    for (let i = start; i < Math.min(start + batch, changed.length); i += PAGE_SIZE) chunks.push(changed.slice(i, i + PAGE_SIZE));
    const items = (await Promise.all(chunks.map(fetchByIds))).flat();
    fetched += items.length;
    for (const item of await toStored(items)) {
      const data = await parseData({ id: item.documentId, data: item as unknown as Record<string, unknown> });
      store.set({ id: item.documentId, data, digest: generateDigest(data) });
    }
  }
  // An entry unpublished between the listing and the fetch is not fetched and stays stored until
  // the next sync's listing drops it.
  logger.info(`${listed.size} listed, ${fetched} fetched, ${dropped} dropped`);
};

/**
 * A fetched article as stored: its body kept beside the store (lib/article-bodies.ts), and the
 * pixel sizes of the CMS images the body shows (the media library knows them, so pages give
 * astro:assets width/height without downloading to measure). Nothing derived from the body is
 * stored: the store is read and written whole on every build, so each stored byte costs every
 * publish; search records keep their own cache (pages/search-records.json.ts).
 */
const toStoredArticles = async (articles: SyncedArticle[]): Promise<StoredArticle[]> => {
  const { mediaUrl } = readBuildEnv(process.env);
  const urls = new Map(articles.map((a) => [a.documentId, bodyImageUrls([parseRichText(a.body, { mediaBase: mediaUrl })], mediaUrl)]));
  const sizes = await fetchImageSizes(cms(), mediaUrl, [...new Set([...urls.values()].flat())]);
  return articles.map(({ body, ...article }) => ({
    ...article,
    bodyRef: body == null ? null : keepBody(body),
    imageSizes: Object.fromEntries(urls.get(article.documentId)!.flatMap((url) => (sizes[url] ? [[url, sizes[url]]] : []))),
  }));
};

const articlesLoader: Loader = {
  name: 'toasoan-articles',
  load: async (context) => {
    const bodiesBefore = keptBodies();
    const stored = () => [...context.store.values()] as Array<{ id: string; data: StoredArticle }>;
    await syncChanged(
      context,
      (await siteStates()).articles,
      // Whole articles as columns (syncArticles; documents and gallery images likewise): ~15 times
      // cheaper for the CMS than the generated `articles` query (a first sync of 10,000 took ~40 s).
      async (ids) => articlesFromColumns((await cms().request(SyncArticlesDocument, { ids })).syncArticles),
      toStoredArticles,
      // An article whose body is gone from the cache folder is fetched again.
      () => stored().flatMap((entry) => (entry.data.bodyRef === null || bodiesBefore.has(entry.data.bodyRef) ? [] : [entry.id])),
    );
    // Bodies written by this sync are all referenced: only those on disk before can be unused.
    dropBodiesExcept(new Set(stored().flatMap((entry) => entry.data.bodyRef ?? [])), bodiesBefore);
  },
};

/**
 * A document page shows data other entries hold: titles of the documents it replaces, is replaced
 * by or lists as related, and names from the register's lists (type, issuer, signer, fields). None
 * of that moves its own updatedAt, so besides its own changes a document is fetched again when a
 * document linked to it either way changed, appeared or went (the listing's links give today's
 * edges, the stored copy yesterday's), and all are when any register list changed (rare).
 */
type StoredLinks = Pick<SyncedDocument, 'replaces' | 'replacedBy' | 'relatedDocuments'>;
const documentsLoader: Loader = {
  name: 'toasoan-documents',
  load: async (context) => {
    const { documents, registerVersion } = await siteStates();
    const registerChanged = context.meta.get('registerVersion') !== registerVersion;
    await syncChanged(
      context,
      documents,
      async (ids) => documentsFromColumns((await cms().request(SyncDocumentsDocument, { ids })).syncDocuments),
      undefined,
      (dirty) => {
        if (registerChanged) return documents.map((d) => d.documentId);
        const stale = new Set<string>();
        for (const { documentId, links } of documents) {
          const stored = context.store.get<StoredLinks>(documentId)?.data;
          const before = [stored?.replaces, stored?.replacedBy, stored?.relatedDocuments].flatMap((list) => (list ?? []).map((d) => d?.documentId));
          if ([...links, ...before].some((id) => id && dirty.has(id))) stale.add(documentId);
          // A changed document's links: the documents it now replaces show it as "replaced by".
          if (dirty.has(documentId)) links.forEach((id) => stale.add(id));
        }
        return stale;
      },
    );
    context.meta.set('registerVersion', registerVersion);
  },
};

const galleryImagesLoader: Loader = {
  name: 'toasoan-gallery-images',
  load: async (context) =>
    syncChanged(
      context,
      (await siteStates()).galleryImages,
      async (ids) => galleryImagesFromColumns((await cms().request(SyncGalleryImagesDocument, { ids })).syncGalleryImages),
    ),
};

/** Reader counts of articles and documents, one small entry per item (id = documentId). */
const countsLoader: Loader = {
  name: 'toasoan-counts',
  load: async (context) => {
    const { articles, documents } = await siteStates();
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
const online = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    if (typesOnly) return;
    if (inStandby()) await waiting(context);
    // A standby build (lib/standby.ts) reads the CMS only once the publish has come.
    await publishCame();
    await loader.load(context);
  },
});

/**
 * The stores of the collections whose loaders wait for the publish: once all do, the work that
 * does not depend on the publish is done (lib/prime.ts) before the build says it is ready (Astro
 * runs every collection's loader in a sync).
 */
const waitingStores = new Map<string, LoaderContext['store']>();
let primed: Promise<void> | undefined;
let everyLoaderWaits = () => {};
const readWaiting = (async (name: string) => [...(waitingStores.get(name)?.values() ?? [])]) as ReadCollection;
/** Resolves once the work ahead is done: the build says it is ready for the publish only then. */
const waiting = ({ collection, store }: LoaderContext): Promise<void> => {
  primed ??= new Promise<void>((resolve) => (everyLoaderWaits = resolve)).then(() => primeSite(readWaiting));
  waitingStores.set(collection, store);
  if (waitingStores.size === Object.keys(collections).length) everyLoaderWaits();
  return primed;
};

export const collections = {
  articles: defineCollection({
    loader: online(articlesLoader),
    schema: fragment<StoredArticle>(),
  }),
  documents: defineCollection({ loader: online(documentsLoader), schema: fragment<SyncedDocument>() }),
  galleryImages: defineCollection({ loader: online(galleryImagesLoader), schema: fragment<SyncedGalleryImage>() }),
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
