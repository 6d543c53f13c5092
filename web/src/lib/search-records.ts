/**
 * What the search index holds, made from the data rather than parsed back out of the built HTML:
 * one record per article, document and album. `content` carries the text and its folded copy
 * (foldVietnamese), so "hoc tap" and "học tập" find the same record; the search page folds each
 * query the same way. `meta` is what a result shows: title, date and lead.
 */
import { formatArticleDate, formatDate } from '@toasoan/shared/dates';
import { foldVietnamese } from '@toasoan/shared/search';
import { hashOf } from './cache-keys';
import { albumHref, articleHref, documentHref, imagesOfAlbum, type Article, type Site } from './site';

export interface SearchRecord {
  url: string;
  content: string;
  language: 'vi';
  meta: Record<string, string>;
}

/** Text with its diacritics-folded copy when they differ. */
const withFolded = (parts: (string | undefined)[]) => {
  const text = parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const copy = foldVietnamese(text);
  return copy === text ? text : `${text} ${copy}`;
};

const meta = (entries: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => !!e[1]));

const articleRecord = (a: Article): SearchRecord => ({
  url: articleHref(a),
  content: [withFolded([a.title, a.lead, a.author, a.tags.map((t) => t.name).join(' ')]), withFolded([a.bodyText])].filter(Boolean).join(' '),
  language: 'vi',
  meta: meta({ title: a.title, date: formatArticleDate(a.date), lead: a.lead }),
});

/**
 * Article records made by an earlier build of the same code version, by article id, with the key
 * each was made for: the article as stored (its digest covers title, lead, author, body, date and
 * slug) and its tags' names. Making an article's record parses its body (~0.2 ms each, 2 s at
 * 10,000 articles), so a publish makes only the records whose key changed. A record is kept as
 * its JSON text: a publish neither parses nor serializes again the records it keeps (at 50,000
 * articles ~170 MB each way).
 */
export type ArticleRecords = Map<string, ArticleRecord>;
export interface ArticleRecord {
  key: string;
  json: string;
}

/**
 * The records of the whole site, as the JSON text of an array. With `made` (the article records
 * of the last build of this code version), articles whose key is unchanged keep their record;
 * `articles` is what to keep for the next build.
 */
export const searchRecordsJson = (site: Site, made?: ArticleRecords): { json: string; articles: ArticleRecords; remade: number } => {
  const articles: ArticleRecords = new Map();
  let remade = 0;
  for (const a of site.articles) {
    const key = hashOf(site.digests.get(a.id), a.tags.map((t) => t.name));
    const previous = made?.get(a.id);
    if (previous?.key === key) {
      articles.set(a.id, previous);
      continue;
    }
    articles.set(a.id, { key, json: JSON.stringify(articleRecord(a)) });
    remade += 1;
  }
  const others: SearchRecord[] = [
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
  const json = `[${[...[...articles.values()].map((entry) => entry.json), ...others.map((record) => JSON.stringify(record))].join(',')}]`;
  return { json, articles, remade };
};
