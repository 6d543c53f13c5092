import type { Core } from '@strapi/strapi';
import type { SiteStats } from '@toasoan/shared/engagement-contract';
import { ONLINE_WINDOW_MS, createReaderIds, isBotAgent, slotOf, vnDay, vnMonth, type Reader } from './visitor';

export type CountedKind = 'article' | 'document';

/** What readers have counted for one article or document. */
export interface ItemCounts {
  views: number;
  downloads: number;
  ratingCount: number;
  ratingAverage: number;
}

export const ZERO_COUNTS: ItemCounts = { views: 0, downloads: 0, ratingCount: 0, ratingAverage: 0 };

type Raw = ReturnType<Core.Strapi['db']['connection']['raw']>;

const itemCounts = (row: Record<string, unknown>): ItemCounts => ({
  views: Number(row.views ?? 0),
  downloads: Number(row.downloads ?? 0),
  ratingCount: Number(row.rating_count ?? 0),
  ratingAverage: Number(row.rating_average ?? 0),
});

const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid).tableName;

/**
 * Every counter is a single atomic statement in the database (UPDATE … SET n = n + 1, or an
 * upsert), and every "once per reader" rule is a unique key written with INSERT … ON CONFLICT
 * DO NOTHING: concurrent requests can neither lose an increment nor count twice, on SQLite and
 * PostgreSQL alike. Nothing is read, changed in JavaScript and written back.
 */
export const createCounters = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const secret = process.env.VISITOR_HASH_SECRET || strapi.config.get<string[]>('server.app.keys')[0];
  const readers = createReaderIds(secret);
  const tables = {
    article: tableOf(strapi, 'api::article.article'),
    document: tableOf(strapi, 'api::document.document'),
    hits: tableOf(strapi, 'api::engagement.engagement-hit'),
    presences: tableOf(strapi, 'api::engagement.engagement-presence'),
    counters: tableOf(strapi, 'api::engagement.engagement-counter'),
    votes: tableOf(strapi, 'api::engagement.rating-vote'),
    items: tableOf(strapi, 'api::engagement.item-count'),
  };

  /**
   * Runs `count` only the first time `fingerprint` is seen in its 30-minute slot. Two autocommit
   * statements, not a transaction: BEGIN/COMMIT measured slower (docs/benchmarks.md, Counters),
   * and a crash between the two can at worst lose one count, never add one.
   */
  const onceInSlot = async (fingerprint: string, slot: number, count: () => Promise<unknown>) => {
    const inserted = await knex(tables.hits).insert({ fingerprint, slot }).onConflict('fingerprint').ignore().returning('id');
    if (inserted.length === 0) return false;
    await count();
    return true;
  };

  // Dedup keys are only needed for the current slot and presence only for the online window;
  // the first request of each slot clears the rest, so no timer has to outlive Strapi.
  let purgedSlot = 0;
  const purgeExpired = (slot: number, now: number) => {
    if (slot === purgedSlot) return;
    purgedSlot = slot;
    Promise.all([
      knex(tables.hits).where('slot', '<', slot).del(),
      knex(tables.presences).where('last_seen', '<', Math.floor((now - ONLINE_WINDOW_MS) / 1000)).del(),
    ]).catch((error) => strapi.log.warn(`engagement: purge failed: ${error}`));
  };

  // Counts live in their own row per (kind, documentId), never on the article or document rows
  // an editor's form saves: a save, publish or unpublish cannot write an old number back.
  const published = (kind: CountedKind, documentId: string) =>
    knex(tables[kind]).where({ document_id: documentId }).whereNotNull('published_at').first('id');

  /** One atomic upsert: the first count creates the row, later ones add to it. */
  const increment = (kind: CountedKind, documentId: string, values: Record<string, number | Raw>, changes: Record<string, number | Raw>) =>
    knex(tables.items)
      .insert({ kind, item_document_id: documentId, views: 0, downloads: 0, rating_sum: 0, rating_count: 0, rating_average: 0, ...values })
      .onConflict(['kind', 'item_document_id'])
      .merge(changes);
  const plusOne = (column: 'views' | 'downloads') => ({ [column]: knex.raw('?? + 1', [`${tables.items}.${column}`]) });

  const countsOf = async (kind: CountedKind, documentIds: readonly string[]): Promise<Map<string, ItemCounts>> => {
    const rows =
      documentIds.length === 0
        ? []
        : await knex(tables.items)
            .where({ kind })
            .whereIn('item_document_id', [...new Set(documentIds)])
            .select('item_document_id', 'views', 'downloads', 'rating_count', 'rating_average');
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.item_document_id), itemCounts(row)]));
  };
  /** Every stored count of one kind, for listings of the whole archive (no id list to bind). */
  const allCountsOf = async (kind: CountedKind): Promise<Map<string, ItemCounts>> => {
    const rows = await knex(tables.items).where({ kind }).select('item_document_id', 'views', 'downloads', 'rating_count', 'rating_average');
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.item_document_id), itemCounts(row)]));
  };
  /** The counts of a published article or document in one read (the hot path of every page view); null when unpublished. */
  const publishedWithCounts = async (kind: CountedKind, documentId: string): Promise<ItemCounts | null> => {
    const row = await knex(`${tables[kind]} as item`)
      .leftJoin(`${tables.items} as counts`, (join) => join.on('counts.item_document_id', 'item.document_id').andOn('counts.kind', knex.raw('?', [kind])))
      .where('item.document_id', documentId)
      .whereNotNull('item.published_at')
      .first('item.id', 'counts.views', 'counts.downloads', 'counts.rating_count', 'counts.rating_average');
    return row ? itemCounts(row) : null;
  };
  /**
   * Every published item of a kind with its `updatedAt` and counts, in one query (the archive's
   * listing, siteStates): at 50,000 articles Strapi's query engine converting each row and a
   * second query for the counts were ~0.1 s of the CMS's answer to every publish. Read from the
   * articles' covering index in its own order (articles_published_listing_idx in the article's
   * schema): a scan of the table reads every body too (at 50,000 articles on SQLite 0.28 s → 0.09 s).
   */
  const publishedStates = async (kind: CountedKind): Promise<Array<ItemCounts & { documentId: string; updatedAt: string | Date }>> => {
    const rows = await knex(`${tables[kind]} as item`)
      .leftJoin(`${tables.items} as counts`, (join) => join.on('counts.item_document_id', 'item.document_id').andOn('counts.kind', knex.raw('?', [kind])))
      .whereNotNull('item.published_at')
      .orderBy([{ column: 'item.published_at' }, { column: 'item.document_id' }])
      .select('item.document_id', 'item.updated_at', 'counts.views', 'counts.downloads', 'counts.rating_count', 'counts.rating_average');
    return rows.map((row: Record<string, unknown>) => ({ documentId: String(row.document_id), updatedAt: row.updated_at as string | Date, ...itemCounts(row) }));
  };
  const countsOfOne = async (kind: CountedKind, documentId: string) => (await countsOf(kind, [documentId])).get(documentId) ?? ZERO_COUNTS;

  const countOnce = async (kind: CountedKind, column: 'views' | 'downloads', documentId: string, reader: Reader, now: number) => {
    if (isBotAgent(reader.userAgent)) return false;
    const slot = slotOf(now);
    purgeExpired(slot, now);
    const fingerprint = `${kind[0]}${column[0]}:${documentId}:${slot}:${readers.daily(reader, now)}`;
    return onceInSlot(fingerprint, slot, () => increment(kind, documentId, { [column]: 1 }, plusOne(column)));
  };

  const stats = async (now: number): Promise<SiteStats> => {
    const day = `day:${vnDay(now)}`;
    const month = `month:${vnMonth(now)}`;
    const [[online], periods] = await Promise.all([
      knex(tables.presences).where('last_seen', '>=', Math.floor((now - ONLINE_WINDOW_MS) / 1000)).count({ n: '*' }),
      knex(tables.counters).select('period', 'visits').whereIn('period', [day, month, 'total']),
    ]);
    const visits = (period: string) => Number(periods.find((row: { period: string }) => row.period === period)?.visits ?? 0);
    return { online: Number(online.n), today: visits(day), month: visits(month), total: visits('total') };
  };

  return {
    /** Views of a published article or document; null when there is none with that id. */
    async view(kind: CountedKind, documentId: string, reader: Reader, now = Date.now()) {
      const counts = await publishedWithCounts(kind, documentId);
      if (!counts) return null;
      const counted = await countOnce(kind, 'views', documentId, reader, now);
      const views = counts.views + (counted ? 1 : 0);
      return kind === 'article'
        ? { counted, views, ratingCount: counts.ratingCount, ratingAverage: counts.ratingAverage }
        : { counted, views, downloads: counts.downloads };
    },

    /** Counts a download of a published document; the caller redirects to the file. */
    async download(documentId: string, reader: Reader, now = Date.now()) {
      const document = await strapi.documents('api::document.document').findOne({
        documentId,
        status: 'published',
        fields: ['documentId'],
        populate: { file: { fields: ['url'] } },
      });
      if (!document) return null;
      const url = (document as { file?: { url?: string } | null }).file?.url;
      if (!url) return { url: undefined };
      await countOnce('document', 'downloads', documentId, reader, now);
      return { url };
    },

    /** One vote per reader per article, kept as an exact sum and count; the average is derived in the same statement. */
    async rate(documentId: string, value: number, reader: Reader) {
      if (!(await published('article', documentId))) return null;
      const counted =
        !isBotAgent(reader.userAgent) &&
        (await knex.transaction(async (trx) => {
          const fingerprint = readers.perTarget(reader, `rating:${documentId}`);
          const inserted = await trx(tables.votes)
            .insert({ fingerprint, article_document_id: documentId, value })
            .onConflict('fingerprint')
            .ignore()
            .returning('id');
          if (inserted.length === 0) return false;
          // SET expressions all see the row as it was before this UPDATE, in SQLite and PostgreSQL.
          const column = (name: string) => `${tables.items}.${name}`;
          await increment(
            'article',
            documentId,
            { rating_sum: value, rating_count: 1, rating_average: value },
            {
              rating_average: trx.raw('(?? + ?) * 1.0 / (?? + 1)', [column('rating_sum'), value, column('rating_count')]),
              rating_sum: trx.raw('?? + ?', [column('rating_sum'), value]),
              rating_count: trx.raw('?? + 1', [column('rating_count')]),
            }
          ).transacting(trx);
          return true;
        }));
      const { ratingCount, ratingAverage } = await countsOfOne('article', documentId);
      return { counted, ratingCount, ratingAverage };
    },

    /** A page view on the site: updates "online now" and counts a visit once per reader per 30 minutes. */
    async hit(reader: Reader, now = Date.now()): Promise<SiteStats> {
      if (!isBotAgent(reader.userAgent)) {
        const slot = slotOf(now);
        purgeExpired(slot, now);
        const visitor = readers.daily(reader, now);
        await knex(tables.presences)
          .insert({ visitor, last_seen: Math.floor(now / 1000) })
          .onConflict('visitor')
          .merge(['last_seen']);
        await onceInSlot(`s:${slot}:${visitor}`, slot, () =>
          knex(tables.counters)
            .insert([`day:${vnDay(now)}`, `month:${vnMonth(now)}`, 'total'].map((period) => ({ period, visits: 1 })))
            .onConflict('period')
            .merge({ visits: knex.raw('?? + 1', [`${tables.counters}.visits`]) })
        );
      }
      return stats(now);
    },

    stats,
    countsOf,
    allCountsOf,
    publishedStates,

    /** Sets counts outright, for demo content and imports; readers' counts go through view/download/rate. */
    async set(kind: CountedKind, documentId: string, counts: { views?: number; downloads?: number }) {
      await increment(kind, documentId, counts, counts);
    },
  };
};

export type Counters = ReturnType<typeof createCounters>;
