import type { Core } from '@strapi/strapi';
import { registerDerivedFields } from './middlewares/derived-fields';
import { registerPublishedOnlyForPublic } from './middlewares/published-only';
import { registerRedirectRules, subscribeRedirectRules } from './middlewares/redirects';
import { ensureSuperAdmin, nameSuperAdminRole } from './bootstrap/super-admin';
import { ensureNewsroomRoles } from './bootstrap/roles';
import { ensurePublicReadAccess } from './bootstrap/public-access';
import { ensureBuildToken, ensurePreviewToken } from './bootstrap/api-token';
import { ensureRebuildWebhook } from './bootstrap/webhooks';
import { applyAdminViews } from './bootstrap/admin-views';
import { seedDemoContent } from './seed';
import { keepModerationQueueOrder } from './engagement/moderation';
import { convertStoredRichTextOnce } from './bootstrap/rich-html';
import { assertRuntimeSecrets } from './utils/required-env';
import { registerScheduling } from './scheduling';
import { prepareDocumentRegister, registerDocumentRegister } from './register';
import { registerSiteStates } from './site-states/graphql';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertRuntimeSecrets();
    // The WYSIWYG body (admin: cms/src/admin/rich-html): HTML stored in a richtext column.
    strapi.customFields.register({ name: 'rich-html', type: 'richtext' });
    registerDerivedFields(strapi);
    registerPublishedOnlyForPublic(strapi);
    registerRedirectRules(strapi);
    subscribeRedirectRules(strapi);
    registerScheduling(strapi);
    registerDocumentRegister(strapi);
    registerSiteStates(strapi);
  },

  // Every step is idempotent: a restart finds what it made last time and changes nothing.
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Before anyone can open an entry: the editor never sees a Markdown body. Once per database.
    await convertStoredRichTextOnce(strapi);
    await prepareDocumentRegister(strapi);
    await ensureNewsroomRoles(strapi);
    await ensureSuperAdmin(strapi);
    await nameSuperAdminRole(strapi);
    await ensurePublicReadAccess(strapi);
    await ensureBuildToken(strapi);
    await ensurePreviewToken(strapi);
    await ensureRebuildWebhook(strapi);
    await applyAdminViews(strapi);
    await keepModerationQueueOrder(strapi);
    if (process.env.SEED_DEMO_CONTENT === 'true') await seedDemoContent(strapi);
  },
};
