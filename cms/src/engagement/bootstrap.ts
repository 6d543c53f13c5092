import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';

type FieldMeta = { label: string; editable?: boolean; description?: string };

// Moderators need to know what the status values mean.
const FIELDS: Record<string, Record<string, FieldMeta>> = {
  'api::article.article': {
    commentsEnabled: { label: 'Cho phép bình luận', description: 'Tắt để đóng mục "Ý kiến bạn đọc" của bài này' },
  },
  [COMMENT]: {
    name: { label: 'Họ tên' },
    email: { label: 'Thư điện tử', description: 'Không bao giờ hiển thị công khai' },
    text: { label: 'Nội dung' },
    status: { label: 'Trạng thái', description: 'pending: chờ duyệt · approved: đã duyệt, hiện trên trang · rejected: từ chối' },
    article: { label: 'Bài viết' },
  },
};

const labelFields = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, fields] of Object.entries(FIELDS)) {
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = configuration.metadatas ?? {};
    let changed = false;
    for (const [field, { label, editable = true, description = '' }] of Object.entries(fields)) {
      const meta = metadatas[field];
      if (!meta || (meta.edit?.label === label && meta.list?.label === label && meta.edit?.editable === editable && meta.edit?.description === description)) continue;
      meta.edit = { ...meta.edit, label, editable, description };
      meta.list = { ...meta.list, label };
      changed = true;
    }
    if (changed) await contentTypes.updateConfiguration(contentType, { settings: configuration.settings, metadatas, layouts: configuration.layouts });
  }
};

// The newsroom roles are derived from the public content types; comments are not one of them,
// yet editors are the ones who approve them.
const MODERATION = ['read', 'update', 'delete'].map((verb) => `plugin::content-manager.explorer.${verb}`);

const letEditorsModerate = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (!role) return;
  const permissions = strapi.service('admin::permission');
  const current: { action: string }[] = await permissions.findMany({ where: { role: { id: role.id }, subject: COMMENT } });
  const missing = MODERATION.filter((action) => !current.some((p) => p.action === action));
  if (missing.length === 0) return;
  const candidates: { subject: string }[] = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(missing.map((action) => ({ ...permissions.actionProvider.get(action), subjects: [COMMENT] })));
  await strapi.service('admin::role').addPermissions(role.id, candidates.filter((p) => p.subject === COMMENT));
};

/** Admin side of reader engagement; idempotent like the rest of bootstrap. */
export const bootstrapEngagement = async (strapi: Core.Strapi) => {
  await letEditorsModerate(strapi);
  await labelFields(strapi);
};
