import type { Core } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

// Strapi 5 honours `?status=draft` (REST) and `status: DRAFT` (GraphQL) for anyone allowed to
// read a type, which would let a visitor, or whoever holds the site-build token (it goes to CI),
// read unpublished news. Content-API reads are therefore pinned to published content, with or
// without an API token, whatever the query asks for; editors read drafts in the admin.
export const registerPublishedOnlyForPublic = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get();
    const isContentApi = request?.state?.route?.info?.type === 'content-api' || request?.path === '/graphql';
    if (isContentApi && 'status' in (context.params as object)) {
      (context.params as { status?: string }).status = 'published';
    }
    return next();
  });
};
