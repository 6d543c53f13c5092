import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseSitePath, SitePathError } from '@toasoan/shared/redirects';

const UID = 'api::redirect.redirect';

type Row = { from?: unknown; to?: unknown };

const invalid = (field: 'from' | 'to', message: string) =>
  new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

const parse = (field: 'from' | 'to', value: unknown) => {
  if (typeof value !== 'string') throw invalid(field, 'phải là một đường dẫn');
  try {
    // "from" may be pasted as the old site's full address; "to" must stay on this site.
    return parseSitePath(value, { allowOrigin: field === 'from' });
  } catch (error) {
    if (error instanceof SitePathError) throw invalid(field, error.message);
    throw error;
  }
};

/**
 * Puts a redirect's fields in the one spelling the site server looks up (shared/src/redirects.ts):
 * `from` a bare path (no query: requests are matched by path, their query is carried over), `to` a
 * path on this site with its query and fragment, never the same address as `from`.
 */
const normaliseRow = (data: Row, stored?: { from: string; to: string }) => {
  if (data.from !== undefined) {
    const from = parse('from', data.from);
    if (from.search) throw invalid('from', 'chỉ gồm đường dẫn, không có phần "?…" (tham số của yêu cầu được giữ khi chuyển)');
    data.from = from.path;
  }
  if (data.to !== undefined) {
    const to = parse('to', data.to);
    data.to = `${to.path}${to.search}${to.hash}`;
  }
  const from = (data.from as string | undefined) ?? stored?.from;
  const to = (data.to as string | undefined) ?? stored?.to;
  if (from !== undefined && to !== undefined && parseSitePath(to).path === from) {
    throw invalid('to', 'trùng với địa chỉ cũ (chuyển hướng vòng lặp)');
  }
};

/** Refuses `from` values some other redirect already has (ids of the rows being written excluded). */
const assertFree = async (strapi: Core.Strapi, froms: string[], exceptIds: (string | number)[] = []) => {
  const seen = new Set<string>();
  for (const from of froms) {
    if (seen.has(from)) throw invalid('from', `"${from}" xuất hiện hai lần`);
    seen.add(from);
  }
  // Bounded IN lists: SQLite allows 32,766 parameters, PostgreSQL 65,535.
  for (let i = 0; i < froms.length; i += 500) {
    const taken = await strapi.db.query(UID).findOne({
      select: ['from'],
      where: { from: { $in: froms.slice(i, i + 500) }, ...(exceptIds.length ? { id: { $notIn: exceptIds } } : {}) },
    });
    if (taken) throw invalid('from', `"${taken.from}" đã có chuyển hướng`);
  }
};

/**
 * Rules for every way a redirect is written. The document middleware runs before Strapi's own
 * validation (admin, REST, GraphQL), so its required/unique checks see the normalised values; the
 * database lifecycle covers bulk writes straight through `strapi.db.query(...).createMany`, which an
 * import uses for thousands of rows at once (one duplicate check per 500 rows, not one per row).
 */
export const registerRedirectRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; data?: Row };
    if (!params.data) return next();
    const stored =
      context.action === 'update' && params.documentId
        ? await strapi.db.query(UID).findOne({ select: ['id', 'from', 'to'], where: { documentId: params.documentId } })
        : undefined;
    normaliseRow(params.data, stored ?? undefined);
    if (typeof params.data.from === 'string' && params.data.from !== stored?.from) {
      await assertFree(strapi, [params.data.from], stored ? [stored.id] : []);
    }
    return next();
  });
};

const assertPresent = (row: Row) => {
  for (const field of ['from', 'to'] as const) {
    if (row[field] === undefined || row[field] === null) throw invalid(field, 'không được để trống');
  }
};

export const subscribeRedirectRules = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [UID],
    async beforeCreate(event) {
      const data = event.params.data as Row;
      assertPresent(data);
      normaliseRow(data);
      await assertFree(strapi, [data.from as string]);
    },
    async beforeCreateMany(event) {
      const rows = event.params.data as Row[];
      for (const row of rows) {
        assertPresent(row);
        normaliseRow(row);
      }
      await assertFree(strapi, rows.map((row) => row.from as string));
    },
    async beforeUpdate(event) {
      const data = event.params.data as Row;
      if (data.from === undefined && data.to === undefined) return;
      const stored = await strapi.db.query(UID).findOne({ select: ['id', 'from', 'to'], where: event.params.where });
      normaliseRow(data, stored ?? undefined);
      if (stored && data.from !== undefined && data.from !== stored.from) await assertFree(strapi, [data.from as string], [stored.id]);
    },
  });
};
