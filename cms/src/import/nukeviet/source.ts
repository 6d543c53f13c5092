import mysql from 'mysql2/promise';

export type Row = Record<string, any>;

export interface Module {
  /** The module's URL name (nv4_vi_modules.title), e.g. "tin-tuc". */
  name: string;
  title: string;
  file: string;
  data: string;
  upload: string;
}

/**
 * The old NukeViet database, read only: the importer issues SELECT and SHOW only, so an operator
 * can (and should) give it a user with nothing but SELECT.
 */
export const openSource = async (url: string, { prefix, lang }: { prefix: string; lang: string }) => {
  const connection = await mysql.createConnection({ uri: url, charset: 'utf8mb4', supportBigNumbers: true, bigNumberStrings: false });
  const [tableRows] = await connection.query('SHOW TABLES');
  const tables = new Set((tableRows as Row[]).map((row) => String(Object.values(row)[0])));
  const id = (name: string) => mysql.escapeId(name);
  const select = async (sql: string, params: unknown[] = []): Promise<Row[]> => {
    const [rows] = await connection.query(sql, params);
    return rows as Row[];
  };
  const table = (suffix: string) => `${prefix}_${lang}_${suffix}`;

  const modules = async (): Promise<Module[]> => {
    if (!tables.has(table('modules'))) return [];
    const rows = await select(`SELECT title, custom_title, module_file, module_data, module_upload FROM ${id(table('modules'))} ORDER BY weight, title`);
    return rows.map((row) => ({ name: row.title, title: row.custom_title, file: row.module_file, data: row.module_data, upload: row.module_upload }));
  };

  return {
    tables,
    has: (name: string) => tables.has(name),
    table,
    globalTable: (suffix: string) => `${prefix}_${suffix}`,
    id,
    select,
    modules,
    /** Rows of a table in id order, `size` at a time (an archive of 10,000+ articles never sits in memory). */
    async *batches(sql: string, key: string, size = 200): AsyncGenerator<Row[]> {
      for (let last = -1; ; ) {
        const rows = await select(`${sql} WHERE ${id(key)} > ? ORDER BY ${id(key)} LIMIT ?`, [last, size]);
        if (!rows.length) return;
        yield rows;
        last = Number(rows.at(-1)![key]);
      }
    },
    async count(name: string) {
      return Number((await select(`SELECT COUNT(*) AS n FROM ${id(name)}`))[0]!.n);
    },
    close: () => connection.end(),
  };
};

export type Source = Awaited<ReturnType<typeof openSource>>;
