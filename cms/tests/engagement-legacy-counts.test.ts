// Upgrading a database from the version that kept views, downloads and ratings as columns of the
// articles and documents tables: the counts move to the counters table, the old columns go.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './api-client';
import { startCms, type TestCms } from './harness';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.destroy();
});

const OLD_COLUMNS = {
  articles: { views: 'integer', rating_sum: 'integer', rating_count: 'integer', rating_average: 'float' },
  documents: { views: 'integer', downloads: 'integer' },
} as const;
const OLD_ATTRIBUTES = {
  'api::article.article': { views: { type: 'integer' }, ratingSum: { type: 'integer' }, ratingCount: { type: 'integer' }, ratingAverage: { type: 'float' } },
  'api::document.document': { views: { type: 'integer' }, downloads: { type: 'integer' } },
};

/**
 * Turns the running CMS's database into what the previous version left behind: the counter columns
 * with values, the content types that declared them, and Strapi's record of the columns it manages.
 */
const makeLegacy = async (values: { articles: Record<string, Record<string, number>>; documents: Record<string, Record<string, number>> }) => {
  const { strapi } = cms;
  const knex = strapi.db.connection;
  for (const [table, columns] of Object.entries(OLD_COLUMNS)) {
    await knex.schema.alterTable(table, (t) => {
      for (const [column, type] of Object.entries(columns)) (type === 'float' ? t.float(column) : t.integer(column)).defaultTo(0);
    });
    for (const [documentId, counts] of Object.entries(values[table as keyof typeof values])) {
      await knex(table).where({ document_id: documentId }).update(counts);
    }
  }
  const contentTypes = (await strapi.store.get({ type: 'strapi', name: 'content_types', key: 'schema' })) as Record<string, { attributes: object }>;
  for (const [uid, attributes] of Object.entries(OLD_ATTRIBUTES)) Object.assign(contentTypes[uid].attributes, attributes);
  await strapi.store.set({ type: 'strapi', name: 'content_types', key: 'schema', value: contentTypes });

  const stored = await knex('strapi_database_schema').first();
  const schema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
  for (const table of schema.tables) {
    const columns = OLD_COLUMNS[table.name as keyof typeof OLD_COLUMNS];
    if (!columns) continue;
    for (const [name, type] of Object.entries(columns)) {
      table.columns.push({ name, type, args: [], defaultTo: 0, notNullable: false, unsigned: false });
    }
  }
  await knex('strapi_database_schema').update({ schema: JSON.stringify(schema), hash: 'previous-version' });
};

const counts = async (article: string, document: string) => {
  const { data, errors } = await graphql(
    cms,
    `query($a: ID!, $d: ID!) { article(documentId: $a) { views ratingCount ratingAverage } document(documentId: $d) { views downloads } }`,
    { a: article, d: document },
    cms.buildToken
  );
  expect(errors).toBeUndefined();
  return data;
};

it('keeps every count of a database from the previous version, once', async () => {
  const create = (uid: 'api::article.article' | 'api::document.document', title: string) =>
    cms.strapi.documents(uid).create({ data: { title } as never, status: 'published' }).then((d) => d.documentId);
  const article = await create('api::article.article', 'Tin cũ có lượt xem');
  const document = await create('api::document.document', 'Văn bản cũ có lượt tải');
  const unread = await create('api::article.article', 'Tin cũ chưa ai xem');
  await makeLegacy({
    articles: { [article]: { views: 1234, rating_sum: 9, rating_count: 2, rating_average: 4.5 } },
    documents: { [document]: { views: 321, downloads: 45 } },
  });

  cms = await cms.restart();
  expect(await counts(article, document)).toEqual({
    article: { views: 1234, ratingCount: 2, ratingAverage: 4.5 },
    document: { views: 321, downloads: 45 },
  });
  expect((await counts(unread, document)).article).toEqual({ views: 0, ratingCount: 0, ratingAverage: 0 });
  const knex = cms.strapi.db.connection;
  expect(await knex.schema.hasColumn('articles', 'views')).toBe(false);
  expect(await knex.schema.hasColumn('documents', 'downloads')).toBe(false);
  expect(await knex.schema.hasTable('engagement_legacy_counts')).toBe(false);

  // Counting goes on from there, and a later start does not bring the old numbers back.
  const view = await fetch(`${cms.url}/api/engagement/articles/${article}/view`, { method: 'POST', headers: { 'user-agent': BROWSER } });
  expect((await view.json()).data).toMatchObject({ counted: true, views: 1235 });
  cms = await cms.restart();
  expect((await counts(article, document)).article.views).toBe(1235);
});
