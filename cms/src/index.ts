import type { Core } from '@strapi/strapi';
import { registerDerivedFields } from './middlewares/derived-fields';
import { registerPublishedOnlyForPublic } from './middlewares/published-only';
import { ensureSuperAdmin, nameSuperAdminRole } from './bootstrap/super-admin';
import { ensureNewsroomRoles } from './bootstrap/roles';
import { ensurePublicReadAccess } from './bootstrap/public-access';
import { ensureBuildToken } from './bootstrap/api-token';
import { ensureRebuildWebhook } from './bootstrap/webhooks';
import { applyVietnameseLabels } from './bootstrap/admin-labels';
import { seedDemoContent } from './seed';
import { bootstrapEngagement } from './engagement/bootstrap';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDerivedFields(strapi);
    registerPublishedOnlyForPublic(strapi);
  },

  // Every step is idempotent: a restart finds what it made last time and changes nothing.
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureNewsroomRoles(strapi);
    await ensureSuperAdmin(strapi);
    await nameSuperAdminRole(strapi);
    await ensurePublicReadAccess(strapi);
    await ensureBuildToken(strapi);
    await ensureRebuildWebhook(strapi);
    await applyVietnameseLabels(strapi);
    await bootstrapEngagement(strapi);
    if (process.env.SEED_DEMO_CONTENT === 'true') await seedDemoContent(strapi);
  },
};
