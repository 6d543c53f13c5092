import type { Core } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

// Strapi 5 honours `?status=draft` (REST) and `status: DRAFT` (GraphQL) for anyone allowed to
// read a type, which would let a visitor read unpublished news. Content-API reads without an
// API token are therefore pinned to published content, whatever the query asks for.
export const registerPublishedOnlyForPublic = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get();
    const isContentApi = request?.state?.route?.info?.type === 'content-api' || request?.path === '/graphql';
    const usesApiToken = request?.state?.auth?.strategy?.name === 'content-api-token';
    if (isContentApi && !usesApiToken && 'status' in (context.params as object)) {
      (context.params as { status?: string }).status = 'published';
    }
    return next();
  });
};
