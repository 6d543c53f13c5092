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
import { bodiesFolderState, dropBodiesExcept, keepBody, keptBodies } from './lib/article-bodies';
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
 * counts loaders. It comes as columns (cheap for the CMS to serve), and loaders read the columns
 * as they are: at 50,000 articles a row object per article and per count cost ~0.1 s of each
 * publish, most of it the garbage collector's.
 */
const siteStates = sharedListing(4, async () => (await cms().request(SiteStatesDocument, {})).siteStates);

/** A listing of published ids and their updatedAt, as columns. */
interface Listing {
  documentIds: readonly string[];
  updatedAts: readonly (string | null | undefined)[];
}

/**
 * Drops the stored entries whose id the listing no longer has. `storedListed` is how many listed
 * ids the store holds: when that is all it holds (ids are unique), nothing is dropped and the
 * listing is not made into a set.
 */
const dropUnlisted = (store: LoaderContext['store'], storedListed: number, listed: () => Iterable<string>): string[] => {
  const storedIds = store.keys();
  if (storedListed === storedIds.length) return [];
  const keep = new Set(listed());
  const dropped = storedIds.filter((id) => !keep.has(id));
  for (const id of dropped) store.delete(id);
  return dropped;
};

/** Validates an item and stores it by id with its digest. */
const storeItem = async ({ store, parseData, generateDigest }: LoaderContext, item: { documentId: string }) => {
  const data = await parseData({ id: item.documentId, data: item as unknown as Record<string, unknown> });
  store.set({ id: item.documentId, data, digest: generateDigest(data) });
};

/** The stored data holds exactly the item's own fields, each the same value (compared by identity: a nested object differs). */
const storedAs = (stored: Record<string, unknown> | undefined, item: Record<string, unknown>) => {
  if (!stored) return false;
  const names = Object.keys(item);
  return names.length === Object.keys(stored).length && names.every((name) => stored[name] === item[name]);
};

/**
 * Stores every item of a small collection by id with its digest; drops stored ids the CMS no
 * longer lists. An item the store holds as it is skips validation and hashing.
 */
const replaceAll = async <T extends { documentId: string }>(context: LoaderContext, items: readonly T[]) => {
  const { store } = context;
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.documentId);
    if (storedAs(store.get(item.documentId)?.data, item as unknown as Record<string, unknown>)) continue;
    await storeItem(context, item);
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
  listing: Listing,
  fetchByIds: (ids: string[]) => Promise<T[]>,
  /** What is stored of the fetched items (articles: the body's reference, image sizes). */
  toStored: (items: T[]) => Promise<Array<{ documentId: string }>> = async (items) => items,
  /** Listed ids to fetch again because they show data of the changed or dropped ids given. */
  alsoStale: (changedOrDropped: ReadonlySet<string>) => Iterable<string> = () => [],
) => {
  const { store, logger } = context;
  const { documentIds, updatedAts } = listing;
  const stale = new Set<string>();
  let storedListed = 0;
  for (let i = 0; i < documentIds.length; i++) {
    const id = documentIds[i]!;
    const stored = store.get<{ updatedAt?: string | null }>(id);
    if (stored) storedListed += 1;
    if ((stored?.data.updatedAt ?? undefined) !== (updatedAts[i] ?? undefined)) stale.add(id);
  }
  const dropped = dropUnlisted(store, storedListed, () => documentIds);
  const dirty = new Set([...stale, ...dropped]);
  let listed: Set<string> | undefined;
  for (const id of alsoStale(dirty)) if ((listed ??= new Set(documentIds)).has(id)) stale.add(id);
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
      await storeItem(context, item);
    }
  }
  // An entry unpublished between the listing and the fetch is not fetched and stays stored until
  // the next sync's listing drops it.
  logger.info(`${documentIds.length} listed, ${fetched} fetched, ${dropped.length} dropped`);
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

/**
 * The bodies on disk against the stored articles: bodies no stored article refers to any more
 * (left by edits and deletions of earlier syncs) are removed, and the articles whose body is gone
 * are returned, to be fetched again.
 */
const checkBodies = (store: LoaderContext['store']) => {
  const onDisk = keptBodies();
  const referenced = new Set<string>();
  const refetch: string[] = [];
  for (const { id, data } of store.values() as Array<{ id: string; data: StoredArticle }>) {
    if (data.bodyRef === null) continue;
    referenced.add(data.bodyRef);
    if (!onDisk.has(data.bodyRef)) refetch.push(id);
  }
  dropBodiesExcept(referenced, onDisk);
  return { refetch, folder: bodiesFolderState() };
};

const articlesLoader: SiteLoader<ReturnType<typeof checkBodies>> = {
  name: 'toasoan-articles',
  // Before the publish: at 50,000 articles listing the folder and every stored body took ~0.1 s.
  ahead: ({ store }) => checkBodies(store),
  load: async (context, ahead) => {
    // Checked again if the folder changed while the build waited (emptied by hand, say).
    const bodies = ahead?.folder === bodiesFolderState() ? ahead : checkBodies(context.store);
    await syncChanged(
      context,
      (await siteStates()).articles,
      // Whole articles as columns (syncArticles; documents and gallery images likewise): ~15 times
      // cheaper for the CMS than the generated `articles` query (a first sync of 10,000 took ~40 s).
      async (ids) => articlesFromColumns((await cms().request(SyncArticlesDocument, { ids })).syncArticles),
      toStoredArticles,
      () => bodies.refetch,
    );
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
        if (registerChanged) return documents.documentIds;
        const stale = new Set<string>();
        for (const [i, documentId] of documents.documentIds.entries()) {
          const links = documents.links[i]!;
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
type Counts = {
  documentId: string;
  views: number;
  downloads: number;
  ratingAverage: number;
  ratingCount: number;
};
const countsLoader: Loader = {
  name: 'toasoan-counts',
  load: async (context) => {
    const { store } = context;
    const { articles, documents } = await siteStates();
    // Compared field by field, and an entry made only for counts that moved: at 50,000 articles
    // an object per count cost ~0.1 s of each publish.
    const moved: Counts[] = [];
    let storedListed = 0;
    const compare = (documentId: string, views: number, downloads: number, ratingAverage: number, ratingCount: number) => {
      const stored = store.get<Counts>(documentId)?.data;
      if (stored) storedListed += 1;
      if (stored?.views === views && stored.downloads === downloads && stored.ratingAverage === ratingAverage && stored.ratingCount === ratingCount) return;
      moved.push({ documentId, views, downloads, ratingAverage, ratingCount });
    };
    articles.documentIds.forEach((id, i) => compare(id, articles.views[i]!, 0, articles.ratingAverages[i]!, articles.ratingCounts[i]!));
    documents.documentIds.forEach((id, i) => compare(id, documents.views[i]!, documents.downloads[i]!, 0, 0));
    for (const item of moved) {
      await storeItem(context, item);
    }
    dropUnlisted(store, storedListed, () => [...articles.documentIds, ...documents.documentIds]);
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

/**
 * A loader of the CMS's data, with what it can do before the publish comes (`ahead`, in a standby
 * build while it waits: lib/standby.ts), handed to `load` once the publish has come.
 */
interface SiteLoader<A> {
  name: string;
  ahead?: (context: LoaderContext) => A;
  load: (context: LoaderContext, ahead?: A) => Promise<void>;
}
const online = <A>(loader: SiteLoader<A>): Loader => ({
  name: loader.name,
  load: async (context) => {
    if (typesOnly) return;
    const before = loader.ahead?.(context);
    if (inStandby()) await waiting(context);
    // A standby build (lib/standby.ts) reads the CMS only once the publish has come.
    await publishCame();
    await loader.load(context, before);
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
