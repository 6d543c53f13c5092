import type { StrapiApp } from '@strapi/strapi/admin';
import packageJson from '../../package.json';
import { BulkPublishAction } from './content-manager/bulk-publish';
import { vi } from './translations';

const LANGUAGE_KEY = 'strapi-admin-language';

// Strapi falls back to English on a browser it has not seen; our editors work in Vietnamese,
// so the login page and everything after it start in Vietnamese unless the user picked otherwise.
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'vi');
}

// The page shell's title is "Strapi Admin" until a screen sets its own; the sign-in page never does.
if (typeof document !== 'undefined') document.title = 'Trang quản trị';

// The guided tour (its popups over the lists and "Discover your application") has no config
// switch; it reads its state from this key, and `enabled: false` is what "Skip the tour" stores.
if (typeof window !== 'undefined' && !window.localStorage.getItem('STRAPI_GUIDED_TOUR')) {
  window.localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false }));
}

// "Introducing the new Media Library", an English marketing banner above every screen, stays away
// once dismissed; it keeps that per project id (false when telemetry is off) and per flag value.
if (typeof window !== 'undefined') {
  for (const project of [packageJson.strapi.uuid, false]) {
    for (const legacy of [true, false]) {
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${project}`, 'true');
    }
  }
}

// Home page cards for developers and Strapi Cloud, not for a newsroom.
const HIDDEN_WIDGETS = new Set(['admin:deploy-now', 'admin:key-statistics']);

export default {
  config: {
    locales: ['vi'],
    translations: { vi },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.widgets.register((widgets) =>
      widgets.filter((widget) => !HIDDEN_WIDGETS.has(`${widget.pluginId}:${widget.id}`))
    );
    // Strapi's home page always shows "Add Widget" and the guided tour's overview.
    app.router.addRoute((routes) =>
      routes.map((route) =>
        route.index
          ? { index: true, lazy: async () => ({ Component: (await import('./home/HomePage')).HomePage }) }
          : route
      )
    );
  },
  bootstrap(app: StrapiApp) {
    // Strapi's bulk actions are [Publish, Unpublish, Delete]; only its Publish dialog has English
    // that translations cannot reach, so only that one is replaced.
    const contentManager = app.getPlugin('content-manager').apis as {
      addBulkAction: (reducer: (actions: Array<{ type?: string }>) => unknown[]) => void;
    };
    contentManager.addBulkAction((actions: Array<{ type?: string }>) =>
      actions.map((action, index) => (index === 0 && !action.type && actions[1]?.type === 'unpublish' ? BulkPublishAction : action))
    );
  },
};
