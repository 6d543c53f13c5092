import type { Core } from '@strapi/strapi';
import { registerScheduleAdminRoute } from './admin-route';
import { registerScheduleRules } from './rules';

export { runSchedule } from './run';

/** Scheduled publish and expiry: the write rules and the admin list (the tick is a cron task in config/server.ts). */
export const registerScheduling = (strapi: Core.Strapi) => {
  // The content type's field: a date-time the admin shows and takes in Vietnam time (src/admin/scheduling).
  strapi.customFields.register({ name: 'vn-datetime', type: 'datetime' });
  registerScheduleRules(strapi);
  registerScheduleAdminRoute(strapi);
};
