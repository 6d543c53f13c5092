import type { Core, UID } from '@strapi/strapi';
import { createPreviewToken, isPreviewUid, PREVIEW_KINDS } from '@toasoan/shared/preview-token';

/**
 * Strapi's preview handler (config/admin.ts): the address the admin frames when an editor clicks
 * "Xem trước". Strapi 5.54 asks no permission for this route, so the handler answers only for an
 * entry the signed-in user may read (a Tác giả: their own); anyone else gets no address (204).
 * The address carries a 15-minute token (shared/src/preview-token.ts) that only the preview
 * server (web/preview/) honours.
 */
export const previewUrl = async (
  strapi: Core.Strapi,
  uid: string,
  { documentId, status }: { documentId: string; status?: string | null },
  { baseUrl, secret }: { baseUrl: string; secret: string },
): Promise<string | null> => {
  if (!isPreviewUid(uid) || !documentId) return null;
  const userAbility = strapi.requestContext.get()?.state?.userAbility;
  if (!userAbility) return null;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  if (checker.cannot.read()) return null;
  const entry = await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId }, populate: ['createdBy'] });
  if (!entry || checker.cannot.read(entry)) return null;
  const token = createPreviewToken({ kind: PREVIEW_KINDS[uid], documentId, status: status === 'published' ? 'published' : 'draft' }, secret);
  return `${baseUrl.replace(/\/+$/, '')}/xem-truoc/?token=${encodeURIComponent(token)}`;
};
