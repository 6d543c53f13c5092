/**
 * What the site works with. Loaders map the generated GraphQL fragment types to these once, so
 * pages never see raw GraphQL shapes, relative media URLs or unsanitized rich text.
 */
import type {
  AlbumCardFragment,
  ArticleFullFragment,
  CategoryFragment,
  DocumentFullFragment,
  DocumentSlugFragment,
  GalleryImageCardFragment,
  MediaFragment,
  PublicCommentFragment,
  SiteSettingsFragment,
  TagSlugFragment,
} from './generated/graphql.ts';
import { documentState, vietnamToday, type DocumentState } from './document-state.ts';
import { kindLabel } from './kinds.ts';
import { resolveMediaUrl } from './media.ts';
import { parseRichText, richTextToHtml, richTextToPlain, type RichText } from './rich-text.ts';
import { vietnamYear } from './dates.ts';

export interface Image {
  /** Absolute URL. */
  src: string;
  alt: string;
  width: number | undefined;
  height: number | undefined;
  caption: string | undefined;
  mime: string | undefined;
}

export interface FileRef {
  /** Absolute URL. */
  url: string;
  name: string;
  mime: string;
  ext: string;
  /** As Strapi reports it, in KB. */
  sizeKb: number;
  isPdf: boolean;
}

export interface CategoryRef {
  id: string;
  slug: string;
  name: string;
}

export interface Category extends CategoryRef {
  description: string;
  order: number;
  parentId: string | undefined;
}

export interface TagRef {
  id: string;
  slug: string;
  name: string;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  /** ISO 8601 instant (the date readers see); publishedAt when the editor left it empty. */
  date: string;
  lead: string;
  featured: boolean;
  views: number;
  cover: Image | undefined;
  category: CategoryRef | undefined;
  updatedAt: string | undefined;
}

/** An approved reader comment: what the public may see of it (never the email). Plain text. */
export interface ArticleComment {
  name: string;
  text: string;
  /** ISO 8601 instant. */
  createdAt: string;
}

export interface Article extends ArticleSummary {
  /** The body, parsed once and sanitized (rich-text.ts); pages stringify it after their image step. */
  body: RichText;
  bodyText: string;
  author: string;
  source: string;
  tags: TagRef[];
  /** Approved comments only, newest first. */
  comments: ArticleComment[];
  /** The editor's per-article switch; unset (articles older than the switch) means open. */
  commentsEnabled: boolean;
  ratingAverage: number;
  ratingCount: number;
}

/** A link to another document (replaces, replaced by, related). */
export interface DocumentRef {
  id: string;
  slug: string;
  title: string;
  number: string;
}

/** An entry of an editable list (issuer, field) as the site addresses it. */
export interface ListRef {
  slug: string;
  name: string;
}

export interface DocumentItem {
  id: string;
  slug: string;
  title: string;
  number: string;
  /** The document type's stable code ("cong-van", or one an editor added). */
  kind: string;
  /** The document type's name (hình thức văn bản). */
  kindLabel: string;
  /** Cơ quan ban hành, "" when none. */
  issuer: string;
  issuerSlug: string | undefined;
  /** Người ký, "" when none. */
  signer: string;
  signerPosition: string;
  /** Lĩnh vực, by name. */
  fields: ListRef[];
  /** YYYY-MM-DD or undefined. */
  issuedAt: string | undefined;
  /** Ngày có hiệu lực, YYYY-MM-DD or undefined. */
  effectiveDate: string | undefined;
  /** Ngày hết hiệu lực, YYYY-MM-DD or undefined. */
  expiryDate: string | undefined;
  /** Validity on the build day in Vietnam; the page recomputes it in the browser from the dates. */
  state: DocumentState;
  replaces: DocumentRef[];
  replacedBy: DocumentRef[];
  related: DocumentRef[];
  year: number | undefined;
  summary: string;
  views: number;
  downloads: number;
  file: FileRef | undefined;
  updatedAt: string | undefined;
}

export interface Album {
  id: string;
  slug: string;
  name: string;
  date: string | undefined;
  description: string;
  cover: Image | undefined;
  updatedAt: string | undefined;
}

export interface GalleryImage {
  id: string;
  title: string;
  caption: string;
  takenAt: string | undefined;
  image: Image;
  album: { id: string; slug: string; name: string } | undefined;
}

export interface SiteSettings {
  siteName: string;
  tagline: string;
  /** Sanitized HTML. */
  footerHtml: string;
  /** Sanitized HTML. */
  aboutHtml: string;
  /** The same as plain text (the page's description). */
  aboutText: string;
  address: string;
  phone: string;
  email: string;
  logo: Image | undefined;
}

/** The "Thống kê website" numbers. */
export interface VisitStats {
  online: number;
  today: number;
  month: number;
  total: number;
}

/** Pixel size of an uploaded image, as the media library records it. */
export interface ImageSize {
  width: number;
  height: number;
}

export interface SiteData {
  settings: SiteSettings;
  /**
   * Width/height of the CMS images shown inline in article bodies, by absolute URL (from the media
   * library), so pages never fetch an image to measure it. A URL missing here is measured instead.
   */
  imageSizes: Record<string, ImageSize>;
  /** Visit counts at build time; undefined when the CMS did not give them (the browser refreshes them anyway). */
  visitStats: VisitStats | undefined;
  /** Newest first. */
  articles: Article[];
  /** Newest issue date first. */
  documents: DocumentItem[];
  albums: Album[];
  galleryImages: GalleryImage[];
  /** By order, then name. */
  categories: Category[];
  tags: TagRef[];
}

export const DEFAULT_SITE_NAME = 'Cổng thông tin điện tử';

const str = (value: string | null | undefined) => (value ?? '').trim();

/** `alt`: the media library's alternative text, else its caption, else `fallbackAlt` (the owner's title). */
export const toImage = (media: MediaFragment | null | undefined, cmsUrl: string, fallbackAlt = ''): Image | undefined => {
  const src = resolveMediaUrl(media?.url, cmsUrl);
  if (!media || !src) return undefined;
  return {
    src,
    alt: str(media.alternativeText) || str(media.caption) || fallbackAlt,
    width: media.width ?? undefined,
    height: media.height ?? undefined,
    caption: str(media.caption) || undefined,
    mime: media.mime || undefined,
  };
};

export const toFile = (media: MediaFragment | null | undefined, cmsUrl: string): FileRef | undefined => {
  const url = resolveMediaUrl(media?.url, cmsUrl);
  if (!media || !url) return undefined;
  const ext = str(media.ext).replace(/^\./, '').toLowerCase();
  return {
    url,
    name: media.name,
    mime: media.mime,
    ext,
    sizeKb: media.size,
    isPdf: media.mime === 'application/pdf' || ext === 'pdf',
  };
};

const slugOr = (slug: string | null | undefined, id: string) => str(slug) || id;

export const toCategory = (c: CategoryFragment): Category => ({
  id: c.documentId,
  slug: slugOr(c.slug, c.documentId),
  name: c.name,
  description: str(c.description),
  order: c.order ?? 0,
  parentId: c.parent?.documentId ?? undefined,
});

export const toTag = (t: TagSlugFragment): TagRef => ({ id: t.documentId, slug: slugOr(t.slug, t.documentId), name: t.name });

/** An approved comment with the documentId of its article, or undefined when it has no article. */
export const toComment = (c: PublicCommentFragment): { articleId: string; comment: ArticleComment } | undefined => {
  const articleId = c.article?.documentId;
  if (!articleId) return undefined;
  return {
    articleId,
    comment: { name: str(c.name), text: str(c.text), createdAt: c.createdAt ?? new Date(0).toISOString() },
  };
};

/**
 * `comments`: the article's approved comments, newest first. The body and its plain text are made
 * only when read: a build of a few pages out of thousands renders few bodies, and search records
 * of unchanged articles come from the build's cache (web/src/pages/search-records.json.ts).
 * `readBody`: where the body's HTML comes from when it is not in `a` (the site's build keeps
 * bodies beside its data store, web/src/lib/article-bodies.ts).
 */
export const toArticle = (a: ArticleFullFragment, cmsUrl: string, comments: ArticleComment[] = [], readBody: () => string | null | undefined = () => a.body): Article => {
  let parsed: RichText | undefined;
  let text: string | undefined;
  const body = () => (parsed ??= parseRichText(readBody(), { mediaBase: cmsUrl }));
  return {
    id: a.documentId,
    slug: slugOr(a.slug, a.documentId),
    title: a.title,
    date: a.date ?? a.publishedAt ?? a.updatedAt ?? new Date(0).toISOString(),
    lead: str(a.lead),
    featured: a.featured ?? false,
    views: a.views ?? 0,
    cover: toImage(a.cover, cmsUrl, a.title),
    category: a.category ? { id: a.category.documentId, slug: slugOr(a.category.slug, a.category.documentId), name: a.category.name } : undefined,
    updatedAt: a.updatedAt ?? undefined,
    get body() {
      return body();
    },
    get bodyText() {
      return (text ??= richTextToPlain(body()));
    },
    author: str(a.author),
    source: str(a.source),
    tags: a.tags.filter((t): t is TagSlugFragment => t != null).map(toTag),
    comments,
    commentsEnabled: a.commentsEnabled !== false,
    ratingAverage: a.ratingAverage ?? 0,
    ratingCount: a.ratingCount ?? 0,
  };
};

const toDocumentRefs = (refs: (DocumentSlugFragment | null)[]): DocumentRef[] =>
  refs.filter((r): r is DocumentSlugFragment => r != null).map((r) => ({ id: r.documentId, slug: slugOr(r.slug, r.documentId), title: r.title, number: str(r.number) }));

/** `today`: the Vietnam calendar day the state is computed for (YYYY-MM-DD), the build's by default. */
export const toDocument = (d: DocumentFullFragment, cmsUrl: string, today: string = vietnamToday()): DocumentItem => ({
  id: d.documentId,
  slug: slugOr(d.slug, d.documentId),
  title: d.title,
  number: str(d.number),
  kind: str(d.documentType?.code ?? d.kind) || 'khac',
  kindLabel: str(d.documentType?.name) || kindLabel(d.kind),
  issuer: str(d.issuer?.name),
  issuerSlug: d.issuer?.slug ?? undefined,
  signer: str(d.signer?.name),
  signerPosition: str(d.signer?.position),
  fields: d.fields.filter((f) => f != null).map((f) => ({ slug: str(f!.slug), name: f!.name })).filter((f) => f.slug),
  issuedAt: d.issuedAt ?? undefined,
  effectiveDate: d.effectiveDate ?? undefined,
  expiryDate: d.expiryDate ?? undefined,
  state: documentState(d.effectiveDate, d.expiryDate, today),
  replaces: toDocumentRefs(d.replaces),
  replacedBy: toDocumentRefs(d.replacedBy),
  related: toDocumentRefs(d.relatedDocuments),
  year: vietnamYear(d.issuedAt ?? d.publishedAt),
  summary: str(d.summary),
  views: d.views ?? 0,
  downloads: d.downloads ?? 0,
  file: toFile(d.file, cmsUrl),
  updatedAt: d.updatedAt ?? undefined,
});

export const toAlbum = (a: AlbumCardFragment, cmsUrl: string): Album => ({
  id: a.documentId,
  slug: slugOr(a.slug, a.documentId),
  name: a.name,
  date: a.date ?? undefined,
  description: str(a.description),
  cover: toImage(a.cover, cmsUrl, a.name),
  updatedAt: a.updatedAt ?? undefined,
});

export const toGalleryImage = (g: Omit<GalleryImageCardFragment, 'image'> & { image: GalleryImageCardFragment['image'] | null }, cmsUrl: string): GalleryImage | undefined => {
  const image = toImage(g.image, cmsUrl, str(g.caption) || g.title);
  if (!image) return undefined;
  return {
    id: g.documentId,
    title: g.title,
    caption: str(g.caption),
    takenAt: g.takenAt ?? g.publishedAt ?? undefined,
    image,
    album: g.album ? { id: g.album.documentId, slug: slugOr(g.album.slug, g.album.documentId), name: g.album.name } : undefined,
  };
};

const aboutOf = (html: string | null | undefined, cmsUrl: string) => {
  const about = parseRichText(html, { mediaBase: cmsUrl });
  return { aboutHtml: richTextToHtml(about), aboutText: richTextToPlain(about) };
};

export const toSiteSettings = (s: SiteSettingsFragment | null | undefined, cmsUrl: string): SiteSettings => ({
  siteName: str(s?.siteName) || DEFAULT_SITE_NAME,
  tagline: str(s?.tagline),
  footerHtml: richTextToHtml(parseRichText(s?.footer, { mediaBase: cmsUrl })),
  ...aboutOf(s?.about, cmsUrl),
  address: str(s?.address),
  phone: str(s?.phone),
  email: str(s?.email),
  logo: toImage(s?.logo, cmsUrl, str(s?.siteName) || DEFAULT_SITE_NAME),
});
