import type { StrapiApp } from '@strapi/strapi/admin';
import { CHOICE_LABELS } from './choices';
import { ReaderCountsPanel } from './components/ReaderCountsPanel';
import { moderationBulkActions, moderationDocumentActions } from './moderation';
import { registerRichHtml } from './rich-html';

const LANGUAGE_KEY = 'strapi-admin-language';

// Strapi falls back to English on a browser it has not seen; our editors work in Vietnamese,
// so the login page and everything after it start in Vietnamese unless the user picked otherwise.
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'vi');
}

type Header = { name: string; attribute?: { type: string }; cellFormatter?: (row: Record<string, unknown>) => unknown };
type ContentManagerApis = {
  addDocumentAction(actions: unknown[]): void;
  addBulkAction(actions: unknown[]): void;
  addEditViewSidePanel(panels: unknown[]): void;
};

export default {
  config: {
    locales: ['vi'],
    tutorials: false,
    notifications: { releases: false },
    translations: { vi: CHOICE_LABELS },
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
    contentManager.addDocumentAction(moderationDocumentActions);
    contentManager.addBulkAction(moderationBulkActions);
    contentManager.addEditViewSidePanel([ReaderCountsPanel]);
  },
  register(app: StrapiApp) {
    registerRichHtml(app);
  },
};
