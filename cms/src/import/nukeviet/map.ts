import type { Core } from '@strapi/strapi';

/** A knex transaction (callable like the connection). */
export type Trx = Core.Strapi['db']['connection'];

/**
 * The importer's own bookkeeping on the new side: which old row (kind + key, e.g. "article" +
 * "tin-tuc:15") became which new document. It makes a second run change nothing and a run after
 * new posts import only those. A plain table (not a content type): nothing for editors to see.
 */
export const MAP_TABLE = 'nukeviet_import_map';

export interface MapEntry {
  documentId: string | null;
  value: string | null;
}

export const createImportMap = async (strapi: Core.Strapi, { dryRun }: { dryRun: boolean }) => {
  const knex = strapi.db.connection;
  const exists = await knex.schema.hasTable(MAP_TABLE);
  if (!exists && !dryRun) {
    await knex.schema.createTable(MAP_TABLE, (t) => {
      t.string('kind', 32).notNullable();
      t.string('old_key', 191).notNullable();
      t.string('document_id', 64);
      t.text('value');
      t.primary(['kind', 'old_key']);
    });
  }
  const cache = new Map<string, MapEntry>();
  if (exists) {
    const rows: { kind: string; old_key: string; document_id: string | null; value: string | null }[] = await knex(MAP_TABLE).select('*');
    for (const row of rows) cache.set(`${row.kind}\u0000${row.old_key}`, { documentId: row.document_id, value: row.value });
  }
  // Entries written in a transaction count only once it commits (see settle).
  const staged = new Map<Trx, [string, MapEntry][]>();
  return {
    get: (kind: string, key: string | number) => cache.get(`${kind}\u0000${key}`),
    /** Records an entry; `trx` keeps it in the same transaction as the document it names. */
    async set(kind: string, key: string | number, entry: MapEntry, trx?: Trx) {
      if (trx) staged.set(trx, [...(staged.get(trx) ?? []), [`${kind}\u0000${key}`, entry]]);
      else cache.set(`${kind}\u0000${key}`, entry);
      if (dryRun) return;
      await (trx ?? knex)(MAP_TABLE)
        .insert({ kind, old_key: String(key), document_id: entry.documentId, value: entry.value })
        .onConflict(['kind', 'old_key'])
        .merge();
    },
    /** After `trx` committed (true) or rolled back (false). */
    settle(trx: Trx, committed: boolean) {
      if (committed) for (const [key, entry] of staged.get(trx) ?? []) cache.set(key, entry);
      staged.delete(trx);
    },
  };
};

export type ImportMap = Awaited<ReturnType<typeof createImportMap>>;
