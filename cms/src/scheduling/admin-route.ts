import type { Core } from '@strapi/strapi';
import { expires, SCHEDULED_TYPES, type ScheduledUid } from './fields';

type Context = Parameters<Core.ControllerHandler>[0];
type Ability = { can(action: string, subject: string): boolean };

export interface ScheduledEntry {
  uid: ScheduledUid;
  type: string;
  documentId: string;
  title: string;
  publishAt: string | null;
  expireAt: string | null;
  published: boolean;
}

const toIso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/**
 * GET /scheduling/entries for the admin page "Lịch đăng": every article with a publish time or an
 * expiry still to come and every document with a publish time (from their drafts), soonest first,
 * only of the types the signed-in user may read.
 */
export const registerScheduleAdminRoute = (strapi: Core.Strapi) => {
  strapi.server.routes({
    type: 'admin',
    prefix: '/scheduling',
    routes: [
      {
        method: 'GET',
        path: '/entries',
        handler: async (ctx: Context) => {
          const ability = ctx.state.userAbility as Ability;
          const entries: ScheduledEntry[] = [];
          for (const [uid, { label }] of Object.entries(SCHEDULED_TYPES) as [ScheduledUid, (typeof SCHEDULED_TYPES)[ScheduledUid]][]) {
            if (!ability.can('plugin::content-manager.explorer.read', uid)) continue;
            const withExpiry = expires(uid);
            const rows = await strapi.db.query(uid).findMany({
              select: ['documentId', 'title', 'publishAt', ...(withExpiry ? ['expireAt'] : [])],
              where: { publishedAt: null, $or: [{ publishAt: { $notNull: true } }, ...(withExpiry ? [{ expireAt: { $notNull: true } }] : [])] },
              limit: 500,
            });
            const published = new Set(
              (await strapi.db.query(uid).findMany({
                select: ['documentId'],
                where: { documentId: { $in: rows.map((row: { documentId: string }) => row.documentId) }, publishedAt: { $notNull: true } },
              })).map((row: { documentId: string }) => row.documentId)
            );
            for (const row of rows) {
              entries.push({ uid, type: label, documentId: row.documentId, title: row.title, publishAt: toIso(row.publishAt), expireAt: toIso(row.expireAt), published: published.has(row.documentId) });
            }
          }
          const next = (entry: ScheduledEntry) => Math.min(...[entry.publishAt, entry.expireAt].filter(Boolean).map((at) => Date.parse(at!)));
          entries.sort((a, b) => next(a) - next(b));
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { data: entries };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};
