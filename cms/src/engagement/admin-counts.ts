import type { Core } from '@strapi/strapi';
import { ZERO_COUNTS, type CountedKind, type Counters } from './counters';
import { documentIdSchema } from './validation';

type Context = Parameters<Core.ControllerHandler>[0];

const KINDS: readonly CountedKind[] = ['article', 'document'];

/**
 * GET /engagement-admin/counts/:kind/:documentId for the edit view's side panel: the counts are not
 * fields of the form (a save would write them back), so the admin reads them here, signed in.
 */
export const registerAdminCountsRoute = (strapi: Core.Strapi) => {
  strapi.server.routes({
    type: 'admin',
    prefix: '/engagement-admin',
    routes: [
      {
        method: 'GET',
        path: '/counts/:kind/:documentId',
        handler: async (ctx: Context) => {
          const kind = ctx.params.kind as CountedKind;
          if (!KINDS.includes(kind)) return ctx.badRequest('kind: phải là article hoặc document');
          const documentId = documentIdSchema.safeParse(ctx.params.documentId);
          if (!documentId.success) return ctx.badRequest(`documentId: ${documentId.error.issues[0].message}`);
          const counters = strapi.service('api::engagement.counters') as unknown as Counters;
          const counts = (await counters.countsOf(kind, [documentId.data])).get(documentId.data);
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { data: counts ?? ZERO_COUNTS };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};
