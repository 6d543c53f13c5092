'use strict';

// Documents used to carry their type as a fixed enumeration (`kind`) and their issuing body and
// signer as free text columns. They are now editable lists (document types, issuers, signers)
// linked to each document. The link tables only exist after Strapi syncs the schema, and that sync
// drops the old `issuer` and `signer` columns, so this keeps every row's values in a table of its
// own, which Strapi leaves alone; the bootstrap (src/register/legacy.ts) turns them into list
// entries and links through Strapi's query layer, then drops this table.
// Runs once, inside a transaction, on SQLite and PostgreSQL.
const TABLE = 'documents';
const STAGING = 'documents_register_legacy';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) return; // a new database has nothing to carry over
    if (!(await knex.schema.hasColumn(TABLE, 'issuer'))) return; // already migrated
    const hasKind = await knex.schema.hasColumn(TABLE, 'kind');
    const hasSigner = await knex.schema.hasColumn(TABLE, 'signer');
    if (!(await knex.schema.hasTable(STAGING))) {
      await knex.schema.createTable(STAGING, (table) => {
        table.integer('document_row_id').primary();
        table.string('kind', 60);
        table.string('issuer', 300);
        table.string('signer', 200);
      });
    }
    const rows = await knex(TABLE).select(
      'id',
      hasKind ? 'kind' : knex.raw('NULL as kind'),
      'issuer',
      hasSigner ? 'signer' : knex.raw('NULL as signer'),
    );
    const staged = rows.map((row) => ({ document_row_id: row.id, kind: row.kind, issuer: row.issuer, signer: row.signer }));
    for (let start = 0; start < staged.length; start += 200) await knex(STAGING).insert(staged.slice(start, start + 200));
  },
};
