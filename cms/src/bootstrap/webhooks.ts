import type { Core } from '@strapi/strapi';

const WEBHOOK_NAME = 'Xây dựng lại trang công khai';

// Draft saves also fire entry.create/entry.update; the rebuild service drops those that cannot
// change the public site, but it needs them for types that have no drafts (site settings,
// categories, albums) and for comment approvals.
const EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.update',
  'media.delete',
];

type Webhook = { id: string; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

// The admin API refuses webhooks to localhost in production, and nobody should have to click one
// together anyway: the webhook to the rebuild service is kept in step with env on every start.
export const ensureRebuildWebhook = async (strapi: Core.Strapi) => {
  const url = process.env.REBUILD_WEBHOOK_URL;
  const secret = process.env.REBUILD_WEBHOOK_SECRET;
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((hook) => hook.name === WEBHOOK_NAME);

  if (!url || !secret) {
    if (existing) {
      await store.deleteWebhook(existing.id);
      runner.remove(existing);
    }
    return;
  }

  const wanted = {
    name: WEBHOOK_NAME,
    url,
    headers: { Authorization: `Bearer ${secret}` },
    events: EVENTS,
    isEnabled: true,
  };
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    return;
  }
  const unchanged =
    existing.url === url &&
    existing.headers?.Authorization === wanted.headers.Authorization &&
    existing.isEnabled &&
    EVENTS.every((event) => existing.events.includes(event));
  if (unchanged) return;
  runner.update(await store.updateWebhook(existing.id, wanted));
};
