import type { Core } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

// The preview server's API token (bootstrap/api-token.ts), set once its row exists.
let draftReaderTokenId: number | undefined;
export const allowDraftsFor = (apiTokenId: number) => {
  draftReaderTokenId = apiTokenId;
};

// Strapi 5 honours `?status=draft` (REST) and `status: DRAFT` (GraphQL) for anyone allowed to
// read a type, which would let a visitor, or whoever holds the site-build token (it goes to CI),
// read unpublished news. Content-API reads are therefore pinned to published content, with or
// without an API token, whatever the query asks for; editors read drafts in the admin, and the
// preview server with its own token (STRAPI_PREVIEW_TOKEN), which never leaves the server.
export const registerPublishedOnlyForPublic = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get();
    const isContentApi = request?.state?.route?.info?.type === 'content-api' || request?.path === '/graphql';
    const auth = request?.state?.auth as { strategy?: { name?: string }; credentials?: { id?: number } } | undefined;
    const isDraftReader =
      draftReaderTokenId !== undefined && auth?.strategy?.name === 'content-api-token' && auth.credentials?.id === draftReaderTokenId;
    if (isContentApi && !isDraftReader && 'status' in (context.params as object)) {
      (context.params as { status?: string }).status = 'published';
    }
    return next();
  });
};
