import type { Core } from '@strapi/strapi';
import type { CountedKind } from './counters';

/**
 * Views, downloads and ratings used to be attributes of articles and documents. Strapi drops the
 * columns of removed attributes while it syncs the schema, so their values are first copied into a
 * holding table (before the sync), then merged into the counters table (after it, when that table
 * exists). The holding table is dropped once merged; a crash in between leaves it for the next start.
 */
const HOLDING = 'engagement_legacy_counts';

const SOURCES: { kind: CountedKind; uid: string; columns: string[] }[] = [
  { kind: 'article', uid: 'api::article.article', columns: ['views', 'rating_sum', 'rating_count', 'rating_average'] },
  { kind: 'document', uid: 'api::document.document', columns: ['views', 'downloads'] },
];
const ALL_COLUMNS = ['views', 'downloads', 'rating_sum', 'rating_count', 'rating_average'];
const CHUNK = 500;

type ContentTypes = Record<string, { collectionName?: string; attributes?: Record<string, unknown> }>;

const copyToHolding = async (strapi: Core.Strapi, oldContentTypes: ContentTypes | undefined) => {
  const knex = strapi.db.connection;
  for (const { kind, uid, columns } of SOURCES) {
    const old = oldContentTypes?.[uid];
    // Only a database last run with the counters on the content type holds counts there.
    if (!old?.collectionName || !old.attributes || !('views' in old.attributes)) continue;
    const table = old.collectionName;
    const present = [];
    for (const column of columns) if (await knex.schema.hasColumn(table, column)) present.push(column);
    if (present.length === 0) continue;
    if (!(await knex.schema.hasTable(HOLDING))) {
      await knex.schema.createTable(HOLDING, (t) => {
        t.string('kind', 16).notNullable();
        t.string('item_document_id', 64).notNullable();
        for (const column of ALL_COLUMNS) (column === 'rating_average' ? t.float(column) : t.integer(column)).notNullable().defaultTo(0);
        t.primary(['kind', 'item_document_id']);
      });
    }
    // Draft and published rows carried the same counts; the larger one is never the stale one.
    const rows: Record<string, unknown>[] = await knex(table)
      .whereNotNull('document_id')
      .groupBy('document_id')
      .select('document_id', ...present.map((column) => knex.raw('coalesce(max(??), 0) as ??', [column, column])));
    await knex.transaction(async (trx) => {
      await trx(HOLDING).where({ kind }).del();
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx(HOLDING).insert(
          rows.slice(i, i + CHUNK).map(({ document_id, ...counts }) => ({ kind, item_document_id: document_id, ...counts }))
        );
      }
    });
    strapi.log.info(`engagement: kept the counts of ${rows.length} ${kind}s for the counters table`);
  }
};

const mergeFromHolding = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(HOLDING))) return;
  const items = strapi.db.metadata.get('api::engagement.item-count').tableName;
  const rows: Record<string, unknown>[] = await knex(HOLDING).select('kind', 'item_document_id', ...ALL_COLUMNS);
  await knex.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx(items).insert(rows.slice(i, i + CHUNK)).onConflict(['kind', 'item_document_id']).merge(ALL_COLUMNS);
    }
  });
  await knex.schema.dropTable(HOLDING);
};

/** Registers both steps around Strapi's schema sync; call from register(). */
export const keepLegacyCounts = (strapi: Core.Strapi) => {
  strapi.hook('strapi::content-types.beforeSync').register(({ oldContentTypes }: { oldContentTypes?: ContentTypes }) => copyToHolding(strapi, oldContentTypes));
  strapi.hook('strapi::content-types.afterSync').register(() => mergeFromHolding(strapi));
};
