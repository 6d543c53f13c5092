import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from './content-types';

const READ_ACTIONS = ['find', 'findOne'] as const;

// Visitors (and anyone without a token) may read published content and nothing else.
export const ensurePublicReadAccess = async (strapi: Core.Strapi) => {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('The users-permissions plugin has no public role');

  const wanted = PUBLIC_CONTENT_TYPES.flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`));
  const existing = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: publicRole.id, action: { $in: wanted } } });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));

  for (const action of wanted) {
    if (granted.has(action)) continue;
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action, role: publicRole.id } });
  }
};
