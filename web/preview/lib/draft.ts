/**
 * A draft as the static site's pages receive a published entry: read from the CMS with the
 * preview token (the only one allowed to read drafts) and mapped with the same domain mappers.
 */
import { createCmsClient } from '@toasoan/shared/client';
import { toAlbum, toArticle, toDocument, toGalleryImage, type Album, type Article, type DocumentItem, type GalleryImage } from '@toasoan/shared/domain';
import { PreviewAlbumDocument, PreviewArticleDocument, PreviewDocumentDocument } from '@toasoan/shared/generated/graphql';
import { loadSiteData } from '@toasoan/shared/load';
import type { PreviewClaims } from '@toasoan/shared/preview-token';
import { buildEnv, setSiteSource, type Site } from '../../src/lib/site';

export type Draft =
  | { kind: 'article'; article: Article }
  | { kind: 'document'; document: DocumentItem }
  | { kind: 'album'; album: Album; photos: GalleryImage[] };

export const loadDraft = async ({ kind, documentId, status }: PreviewClaims): Promise<Draft | undefined> => {
  const env = buildEnv();
  const cms = createCmsClient({ url: env.strapiUrl, token: process.env.STRAPI_PREVIEW_TOKEN });
  const variables = { documentId, status: status === 'published' ? ('PUBLISHED' as const) : ('DRAFT' as const) };
  if (kind === 'article') {
    const { article } = await cms.request(PreviewArticleDocument, variables);
    if (!article) return undefined;
    // Approved comments are the published article's; a draft has the same ones.
    const site = await currentSite();
    const comments = site.articles.find((a) => a.id === documentId)?.comments ?? [];
    return { kind, article: toArticle(article, env.mediaUrl, comments) };
  }
  if (kind === 'document') {
    const { document } = await cms.request(PreviewDocumentDocument, variables);
    return document ? { kind, document: toDocument(document, env.mediaUrl) } : undefined;
  }
  const { album, galleryImages } = await cms.request(PreviewAlbumDocument, variables);
  if (!album) return undefined;
  const photos = galleryImages
    .flatMap((g) => (g ? [toGalleryImage(g, env.mediaUrl)] : []))
    .filter((g): g is GalleryImage => g !== undefined)
    .sort((a, b) => (a.takenAt ?? '').localeCompare(b.takenAt ?? '') || a.id.localeCompare(b.id));
  return { kind, album: toAlbum(album, env.mediaUrl), photos };
};

/**
 * The published site around the draft (menu, sidebar, newer/older articles). The static build
 * reads it once; a long-running preview re-reads it at most once a minute.
 */
const SITE_MAX_AGE_MS = 60_000;
let site: Promise<Site> | undefined;
let siteLoadedAt = 0;
export const currentSite = (): Promise<Site> => {
  if (!site || Date.now() - siteLoadedAt > SITE_MAX_AGE_MS) {
    siteLoadedAt = Date.now();
    const loading = loadSiteData(buildEnv()).then((data) => ({ ...data, digests: new Map<string, string>(), foldedBodies: new Map<string, string>() }));
    // A failed read is not kept: the next preview tries again.
    loading.catch(() => {
      if (site === loading) site = undefined;
    });
    site = loading;
  }
  return site;
};
// The layout and components read the site through loadSite(): here it is this published copy.
setSiteSource(currentSite);

/** Newer and older articles of the draft's category, as the live page would list them once published. */
export const draftNeighbours = (site: Site, article: Article, count = 5) => {
  const same = site.articles.filter((a) => a.id !== article.id && (a.category?.id ?? null) === (article.category?.id ?? null));
  return {
    newer: same.filter((a) => a.date > article.date).slice(-count),
    older: same.filter((a) => a.date <= article.date).slice(0, count),
  };
};
