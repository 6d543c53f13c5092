import type { Core } from '@strapi/strapi';
import { registerAdminCountsRoute } from '../../engagement/admin-counts';
import { registerCountFields } from '../../engagement/graphql';
import { keepLegacyCounts } from '../../engagement/legacy-counts';

// Bookkeeping tables behind the public counters: nobody reads them through the API.
const INTERNAL_TYPES = [
  'api::engagement.engagement-hit',
  'api::engagement.engagement-presence',
  'api::engagement.engagement-counter',
  'api::engagement.rating-vote',
  'api::engagement.item-count',
];

export default {
  // GraphQL builds its schema while plugins bootstrap, so shadow CRUD is switched off at register.
  register({ strapi }: { strapi: Core.Strapi }) {
    const extension = strapi.plugin('graphql')?.service('extension');
    for (const uid of INTERNAL_TYPES) extension?.shadowCRUD(uid).disable();
    // Readers submit comments through the rate-limited, validated engagement route only.
    extension?.shadowCRUD('api::comment.comment').disableMutations();
    registerCountFields(strapi);
    keepLegacyCounts(strapi);
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerAdminCountsRoute(strapi);
  },
};
