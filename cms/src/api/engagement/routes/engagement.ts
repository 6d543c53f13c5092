// Public by design (the site's visitors call them from the browser), each rate-limited per IP in
// the controller. Paths carry the Strapi documentId of the article or document.
const route = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path: `/engagement${path}`,
  handler: `engagement.${handler}`,
  config: { auth: false as const },
});

export default {
  routes: [
    route('POST', '/hit', 'hit'),
    route('GET', '/stats', 'stats'),
    route('POST', '/articles/:documentId/view', 'viewArticle'),
    route('POST', '/articles/:documentId/rating', 'rate'),
    route('GET', '/articles/:documentId/comments', 'listComments'),
    route('POST', '/articles/:documentId/comments', 'postComment'),
    route('POST', '/documents/:documentId/view', 'viewDocument'),
    route('GET', '/documents/:documentId/download', 'download'),
  ],
};
