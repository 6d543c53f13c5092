/**
 * What the search index holds, made from the data rather than parsed back out of the built HTML:
 * one record per article, document and album. `content` carries the text and its folded copy
 * (foldVietnamese), so "hoc tap" and "học tập" find the same record; the search page folds each
 * query the same way. `meta` is what a result shows: title, date and lead.
 */
import { formatArticleDate, formatDate } from '@toasoan/shared/dates';
import { foldVietnamese } from '@toasoan/shared/search';
import { recordDigest, type RecordEntry, type RecordsBefore } from './search-records-file';
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

const RECORD_KEY = Symbol.for('toasoan.searchRecords.articleKey');
/**
 * What an article's record is made from: the article as stored (its digest) and its tags' names.
 * Kept as text, not hashed: short enough for the index, and 50,000 hashes cost ~0.05 s per publish.
 * Kept on the article, made while a standby build waits (lib/prime.ts): an article object is made
 * again whenever its entry or tags change (lib/site.ts, madeArticles), as for its page keys.
 */
export const articleRecordKey = (site: Site, a: Article & { [RECORD_KEY]?: string }): string =>
  (a[RECORD_KEY] ??= JSON.stringify([site.digests.get(a.id), a.tags.map((t) => t.name)]));

/**
 * The records of the whole site (lib/search-records-file.ts). With `before`, the records of the last
 * build of the same code version, an article whose key (the article as stored: its digest covers
 * title, lead, author, body, date and slug; and its tags' names) is unchanged keeps its record:
 * making an article's record parses its body (~0.2 ms each, 2 s at 10,000 articles), so a publish
 * makes only the records of changed articles. Documents and albums are cheap to make: theirs are
 * made again and kept where their text is the same.
 */
export const searchRecordEntries = (site: Site, before: RecordsBefore | null): { entries: RecordEntry[]; remade: number } => {
  const entries: RecordEntry[] = [];
  let remade = 0;
  for (const a of site.articles) {
    const key = articleRecordKey(site, a);
    const previous = before?.byId.get(a.id);
    if (previous?.key === key) {
      entries.push({ id: a.id, key, kept: previous });
      continue;
    }
    entries.push({ id: a.id, key, json: Buffer.from(JSON.stringify(articleRecord(a))) });
    remade += 1;
  }
  const byText = (id: string, record: SearchRecord) => {
    const json = Buffer.from(JSON.stringify(record));
    const digest = recordDigest(json);
    const previous = before?.byId.get(id);
    entries.push(previous?.digest === digest ? { id, key: digest, kept: previous } : { id, key: digest, json, digest });
  };
  for (const d of site.documents) {
    byText(d.id, {
      url: documentHref(d),
      content: withFolded([d.number, d.title, d.summary, d.issuer, d.signer, d.kindLabel]),
      language: 'vi',
      meta: meta({ title: d.title, date: d.issuedAt ? formatDate(d.issuedAt) : undefined, lead: d.summary }),
    });
  }
  for (const album of site.albums) {
    byText(album.id, {
      url: albumHref(album),
      content: withFolded([album.name, album.description, ...imagesOfAlbum(site, album.id).map((g) => `${g.title} ${g.caption}`)]),
      language: 'vi',
      meta: meta({ title: album.name, date: album.date ? formatDate(album.date) : undefined, lead: album.description }),
    });
  }
  return { entries, remade };
};
