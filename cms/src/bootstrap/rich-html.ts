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
