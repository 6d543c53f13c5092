'use strict';

// Comments kept their moderation state in a column named `status`, which Strapi 5 reserves for
// draft & publish: the admin form could not save an approval. The field is now `moderation`;
// this carries the stored states over before Strapi syncs the schema (which would otherwise add
// an empty `moderation` column and leave every comment without a state).
// Runs once (Strapi records it in strapi_migrations), inside a transaction, on SQLite and PostgreSQL.
const TABLE = 'comments';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) return; // a new database: the table is made with the new column
    if (!(await knex.schema.hasColumn(TABLE, 'status'))) return;
    if (await knex.schema.hasColumn(TABLE, 'moderation')) {
      // A start of the new code before this migration existed made an empty column; fill it.
      await knex(TABLE).whereNull('moderation').update({ moderation: knex.ref('status') });
      await knex.schema.alterTable(TABLE, (table) => table.dropColumn('status'));
      return;
    }
    await knex.schema.alterTable(TABLE, (table) => table.renameColumn('status', 'moderation'));
  },
};
