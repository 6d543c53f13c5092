/**
 * The site's sync reads changed articles, documents and gallery images through `syncArticles`,
 * `syncDocuments` and `syncGalleryImages` (cms/src/site-states/), which answer in columns because
 * that is cheap for the CMS to serve. These turn the columns back into the objects the generated
 * collection queries would give (fragments ArticleFull and DocumentFull without reader counts,
 * which the sync takes from `siteStates`; GalleryImageCard with updatedAt). A CMS test checks both
 * give the same.
 */
import type {
  ArticleFullFragment,
  DocumentFullFragment,
  GalleryImageCardFragment,
  SyncArticlesQuery,
  SyncDocumentsQuery,
  SyncGalleryImagesQuery,
  SyncMediaFragment,
  SyncRefsFragment,
} from './generated/graphql.ts';

export type SyncedArticle = Omit<ArticleFullFragment, 'views' | 'ratingAverage' | 'ratingCount'>;
export type SyncedDocument = Omit<DocumentFullFragment, 'views' | 'downloads'>;
/** An image whose file was removed from the media library has none; the site leaves it out. */
export type SyncedGalleryImage = Omit<GalleryImageCardFragment, 'image'> & { image: GalleryImageCardFragment['image'] | null; updatedAt: string | null };

const refsById = ({ documentIds, slugs, names }: SyncRefsFragment) =>
  new Map(documentIds.map((documentId, i) => [documentId, { documentId, slug: slugs[i] ?? null, name: names[i]! }]));

/** The i-th entry's media file, or null when it has none. */
const mediaAt = (m: SyncMediaFragment, i: number) => {
  const url = m.urls[i];
  return url
    ? {
        url,
        alternativeText: m.alternativeTexts[i] ?? null,
        caption: m.captions[i] ?? null,
        width: m.widths[i] ?? null,
        height: m.heights[i] ?? null,
        mime: m.mimes[i]!,
        name: m.names[i]!,
        ext: m.exts[i] ?? null,
        size: m.sizes[i]!,
      }
    : null;
};

export const articlesFromColumns = (c: SyncArticlesQuery['syncArticles']): SyncedArticle[] => {
  const categories = refsById(c.categories);
  const tags = refsById(c.tags);
  return c.documentIds.map((documentId, i) => {
    const categoryId = c.categoryIds[i];
    return {
      documentId,
      slug: c.slugs[i] ?? null,
      title: c.titles[i]!,
      date: c.dates[i] ?? null,
      lead: c.leads[i] ?? null,
      featured: c.featured[i] ?? null,
      updatedAt: c.updatedAts[i] ?? null,
      publishedAt: c.publishedAts[i] ?? null,
      body: c.bodies[i] ?? null,
      author: c.authors[i] ?? null,
      source: c.sources[i] ?? null,
      commentsEnabled: c.commentsEnabled[i] ?? null,
      cover: mediaAt(c.covers, i),
      category: categoryId ? (categories.get(categoryId) ?? null) : null,
      tags: c.tagIds[i]!.map((id) => tags.get(id) ?? null),
    };
  });
};

export const documentsFromColumns = (c: SyncDocumentsQuery['syncDocuments']): SyncedDocument[] => {
  const fields = refsById(c.fields);
  const linked = new Map(
    c.linked.documentIds.map((documentId, i) => [documentId, { documentId, slug: c.linked.slugs[i] ?? null, title: c.linked.titles[i]!, number: c.linked.numbers[i] ?? null }]),
  );
  const links = (ids: string[]) => ids.map((id) => linked.get(id) ?? null);
  return c.documentIds.map((documentId, i) => {
    const typeCode = c.documentTypeCodes[i];
    const issuerName = c.issuerNames[i];
    const signerName = c.signerNames[i];
    return {
      documentId,
      slug: c.slugs[i] ?? null,
      title: c.titles[i]!,
      number: c.numbers[i] ?? null,
      kind: c.kinds[i] ?? null,
      documentType: typeCode != null ? { code: typeCode, name: c.documentTypeNames[i]! } : null,
      issuer: issuerName != null ? { slug: c.issuerSlugs[i] ?? null, name: issuerName } : null,
      fields: c.fieldIds[i]!.map((id) => {
        const field = fields.get(id);
        return field ? { slug: field.slug, name: field.name } : null;
      }),
      issuedAt: c.issuedAts[i] ?? null,
      effectiveDate: c.effectiveDates[i] ?? null,
      expiryDate: c.expiryDates[i] ?? null,
      publishedAt: c.publishedAts[i] ?? null,
      updatedAt: c.updatedAts[i] ?? null,
      file: mediaAt(c.files, i),
      signer: signerName != null ? { name: signerName, position: c.signerPositions[i] ?? null } : null,
      summary: c.summaries[i] ?? null,
      replaces: links(c.replacesIds[i]!),
      replacedBy: links(c.replacedByIds[i]!),
      relatedDocuments: links(c.relatedIds[i]!),
    };
  });
};

export const galleryImagesFromColumns = (c: SyncGalleryImagesQuery['syncGalleryImages']): SyncedGalleryImage[] => {
  const albums = refsById(c.albums);
  return c.documentIds.map((documentId, i) => {
    const albumId = c.albumIds[i];
    return {
      documentId,
      title: c.titles[i]!,
      caption: c.captions[i] ?? null,
      takenAt: c.takenAts[i] ?? null,
      publishedAt: c.publishedAts[i] ?? null,
      updatedAt: c.updatedAts[i] ?? null,
      image: mediaAt(c.images, i),
      album: albumId ? (albums.get(albumId) ?? null) : null,
    };
  });
};
