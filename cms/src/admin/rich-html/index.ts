import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';

/** The admin half of the "rich-html" custom field (the server half is registered in cms/src/index.ts). */
export const registerRichHtml = (app: StrapiApp) => {
  app.customFields.register({
    name: 'rich-html',
    type: 'richtext',
    intlLabel: { id: 'rich-html.label', defaultMessage: 'Văn bản định dạng' },
    intlDescription: { id: 'rich-html.description', defaultMessage: 'Soạn thảo trực quan: tiêu đề, danh sách, bảng, ảnh có chú thích; dán từ Word' },
    // Loaded only when an edit view shows the field: the editor stays out of the admin's first download.
    components: {
      // Strapi types the input as prop-less; the content manager passes the field's props at run time.
      Input: async () => ({ default: (await import('./RichHtmlInput')).default as unknown as ComponentType }),
    },
  });
};
