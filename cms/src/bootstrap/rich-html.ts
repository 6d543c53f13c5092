import type { Core, UID } from '@strapi/strapi';
import { RICH_HTML_FIELDS, toRichHtml } from '../utils/rich-html';

const BATCH = 500;

/**
 * Bodies stored before the WYSIWYG editor (Markdown, possibly with inline HTML) are converted to
 * the editor's HTML once, before any editor opens them. Rows are updated in place (draft and
 * published versions alike) without creating versions or announcing a publish. Running it again
 * finds nothing to convert.
 */
export const convertStoredRichText = async (strapi: Core.Strapi): Promise<{ converted: number }> => {
  let converted = 0;
  for (const [uid, fields] of Object.entries(RICH_HTML_FIELDS) as [UID.ContentType, readonly string[]][]) {
    const query = strapi.db.query(uid);
    for (let lastId = 0; ; ) {
      const rows: Record<string, unknown>[] = await query.findMany({
        select: ['id', ...fields],
        where: { id: { $gt: lastId } },
        orderBy: { id: 'asc' },
        limit: BATCH,
      });
      if (!rows.length) break;
      lastId = rows.at(-1)!.id as number;
      for (const row of rows) {
        const data: Record<string, string> = {};
        for (const field of fields) {
          const value = row[field];
          if (typeof value !== 'string' || !value.trim()) continue;
          const html = toRichHtml(value);
          if (html !== value) data[field] = html;
        }
        if (Object.keys(data).length) {
          await query.update({ where: { id: row.id }, data });
          converted += 1;
        }
      }
    }
  }
  if (converted) strapi.log.info(`Rich text: converted ${converted} stored entries from Markdown to HTML`);
  return { converted };
};

/**
 * Where the one-time conversion is recorded (strapi_core_store_settings, key `core_toasoan_rich-html-conversion`).
 * It lives in the database, not on disk, so a database restored from a backup made before the editor
 * (which has no record) is converted on its first start, and every other start reads one row
 * instead of every article: at 50,000 articles the scan cost each start tens of seconds.
 */
const MARKER = { type: 'core', name: 'toasoan', key: 'rich-html-conversion' } as const;
const CONVERSION_VERSION = 1;

/** Runs `convertStoredRichText` once per database; later starts find the record and touch no row. */
export const convertStoredRichTextOnce = async (strapi: Core.Strapi): Promise<{ converted: number } | null> => {
  const done = (await strapi.store.get(MARKER)) as { version?: number } | null;
  if (done?.version === CONVERSION_VERSION) return null;
  const result = await convertStoredRichText(strapi);
  // Recorded after the rows: a start interrupted half-way converts the rest next time (the conversion is idempotent).
  await strapi.store.set({ ...MARKER, value: { version: CONVERSION_VERSION, at: new Date().toISOString(), converted: result.converted } });
  return result;
};
