import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';

// The moderation queue lists pending comments first. The state codes sort alphabetically
// (approved < pending < rejected) and a list sorts by one field, so each comment also carries
// `awaitingModeration`, kept equal to "moderation is pending" on every write, whoever writes:
// the admin form, a bulk action, the reader's submission (query engine) alike.
type Event = { params: { data?: Record<string, unknown> } };

const derive = (data: Record<string, unknown> | undefined, creating: boolean) => {
  if (!data) return;
  if ('moderation' in data) data.awaitingModeration = (data.moderation ?? 'pending') === 'pending';
  else if (creating) data.awaitingModeration = true;
};

export const keepModerationQueueOrder = async (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [COMMENT],
    beforeCreate: (event: Event) => derive(event.params.data, true),
    beforeUpdate: (event: Event) => derive(event.params.data, false),
  });
  // Comments stored before the flag existed (the column was just added, empty).
  const comments = strapi.db.query(COMMENT);
  await comments.updateMany({ where: { awaitingModeration: null, moderation: 'pending' }, data: { awaitingModeration: true } });
  await comments.updateMany({ where: { awaitingModeration: null }, data: { awaitingModeration: false } });
};
