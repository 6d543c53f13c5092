/**
 * What the search index holds, made from the data rather than parsed back out of the built HTML:
 * one record per article, document and album. `content` carries the text and its folded copy
 * (foldVietnamese), so "hoc tap" and "học tập" find the same record; the search page folds each
 * query the same way. `meta` is what a result shows: title, date and lead.
 */
import { formatArticleDate, formatDate } from '@toasoan/shared/dates';
import { foldVietnamese } from '@toasoan/shared/search';
import { albumHref, articleHref, documentHref, imagesOfAlbum, type Site } from './site';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'vi';
  meta: Record<string, string>;
}

/** Text with its diacritics-folded copy when they differ (`folded`: the copy, when already made). */
const withFolded = (parts: (string | undefined)[], folded?: string) => {
  const text = parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const copy = folded ?? foldVietnamese(text);
  return copy === text ? text : `${text} ${copy}`;
};

const meta = (entries: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => !!e[1]));

export const searchRecords = (site: Site): SearchRecord[] => [
  ...site.articles.map((a) => ({
    url: articleHref(a),
    // The body's folded copy is made once, when the article is synced (site.foldedBodies).
    content: [withFolded([a.title, a.lead, a.author, a.tags.map((t) => t.name).join(' ')]), withFolded([a.bodyText], site.foldedBodies.get(a.id))]
      .filter(Boolean)
      .join(' '),
    language: 'vi' as const,
    meta: meta({ title: a.title, date: formatArticleDate(a.date), lead: a.lead }),
  })),
  ...site.documents.map((d) => ({
    url: documentHref(d),
    content: withFolded([d.number, d.title, d.summary, d.issuer, d.signer, d.kindLabel]),
    language: 'vi' as const,
    meta: meta({ title: d.title, date: d.issuedAt ? formatDate(d.issuedAt) : undefined, lead: d.summary }),
  })),
  ...site.albums.map((album) => ({
    url: albumHref(album),
    content: withFolded([album.name, album.description, ...imagesOfAlbum(site, album.id).map((g) => `${g.title} ${g.caption}`)]),
    language: 'vi' as const,
    meta: meta({ title: album.name, date: album.date ? formatDate(album.date) : undefined, lead: album.description }),
  })),
];
