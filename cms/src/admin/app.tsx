import type { StrapiApp } from '@strapi/strapi/admin';
import { registerRichHtml } from './rich-html';
import { ReaderCountsPanel } from './components/ReaderCountsPanel';

const LANGUAGE_KEY = 'strapi-admin-language';

// Strapi falls back to English on a browser it has not seen; our editors work in Vietnamese,
// so the login page and everything after it start in Vietnamese unless the user picked otherwise.
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'vi');
}

export default {
  config: {
    locales: ['vi'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    registerRichHtml(app);
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel(panels: unknown[]): void } };
    contentManager.apis.addEditViewSidePanel([ReaderCountsPanel]);
  },
};
