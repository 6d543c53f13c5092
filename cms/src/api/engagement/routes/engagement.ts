import { ENGAGEMENT_ROUTES } from '@toasoan/shared/engagement-contract';

// Public by design (the site's visitors call them from the browser), each rate-limited per IP in
// the controller. Paths and methods are the contract shared with the site; each route's name is
// its controller action.
export default {
  routes: Object.entries(ENGAGEMENT_ROUTES).map(([handler, { method, path }]) => ({
    method,
    path: `/engagement${path}`,
    handler: `engagement.${handler}`,
    config: { auth: false as const },
  })),
};
