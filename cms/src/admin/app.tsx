import type { StrapiApp } from '@strapi/strapi/admin';
import packageJson from '../../package.json';
import { CHOICE_LABELS } from './choices';
import { ReaderCountsPanel } from './components/ReaderCountsPanel';
import { BulkPublishAction } from './content-manager/bulk-publish';
import { moderationBulkActions, moderationDocumentActions } from './moderation';
import { registerRichHtml } from './rich-html';
import { registerScheduling } from './scheduling';
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

type Header = { name: string; attribute?: { type: string }; cellFormatter?: (row: Record<string, unknown>) => unknown };
type BulkActions = Array<{ type?: string }>;
type ContentManagerApis = {
  addDocumentAction(actions: unknown[]): void;
  addBulkAction(actions: unknown[] | ((actions: BulkActions) => unknown[])): void;
  addEditViewSidePanel(panels: unknown[]): void;
};

export default {
  config: {
    locales: ['vi'],
    // Choice labels are keyed by the stored code, which Strapi's forms and filters look up.
    translations: { vi: { ...vi, ...CHOICE_LABELS } },
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
    registerRichHtml(app);
    registerScheduling(app);
  },
  bootstrap(app: StrapiApp) {
    // List cells print an enumeration's code; show its label, as forms and filters do.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) =>
        header.attribute?.type === 'enumeration'
          ? { ...header, cellFormatter: (row: Record<string, unknown>) => CHOICE_LABELS[String(row[header.name])] ?? row[header.name] ?? '-' }
          : header
      ),
    }));
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    // Strapi's bulk actions are [Publish, Unpublish, Delete]; only its Publish dialog has English
    // that translations cannot reach, so only that one is replaced.
    contentManager.addBulkAction((actions: BulkActions) =>
      actions.map((action, index) => (index === 0 && !action.type && actions[1]?.type === 'unpublish' ? BulkPublishAction : action))
    );
    contentManager.addBulkAction(moderationBulkActions);
    contentManager.addDocumentAction(moderationDocumentActions);
    contentManager.addEditViewSidePanel([ReaderCountsPanel]);
  },
};
