import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';

// A clock, drawn here: the admin's icon package is not one of our dependencies.
const ClockIcon = (props: React.SVGProps<SVGSVGElement>) => (
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </svg>
);

/** The admin half of scheduling: the Vietnam-time input of the "vn-datetime" field and the "Lịch đăng" page. */
export const registerScheduling = (app: StrapiApp) => {
  app.customFields.register({
    name: 'vn-datetime',
    type: 'datetime',
    intlLabel: { id: 'vn-datetime.label', defaultMessage: 'Ngày giờ (giờ Việt Nam)' },
    intlDescription: { id: 'vn-datetime.description', defaultMessage: 'Ngày và giờ, nhập và hiển thị theo giờ Việt Nam (GMT+7)' },
    components: {
      // Strapi types the input as prop-less; the content manager passes the field's props at run time.
      Input: async () => ({ default: (await import('./VietnamDateTimeInput')).default as unknown as ComponentType }),
    },
  });
  app.addMenuLink({
    to: 'lich-dang',
    icon: ClockIcon,
    intlLabel: { id: 'scheduling.menu', defaultMessage: 'Lịch đăng' },
    Component: () => import('./SchedulePage'),
    // Whoever may read articles or documents sees what is scheduled (the list shows only those types).
    permissions: [
      { action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' },
      { action: 'plugin::content-manager.explorer.read', subject: 'api::document.document' },
    ],
    position: 2,
  } as never);
};
