import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FIELD_LABELS, isScheduled, scheduleFieldsOf, type ScheduleField } from './fields';

const PUBLISH = 'plugin::content-manager.explorer.publish';
// A time an editor picks "now" in the form reaches the server a moment later.
const PAST_TOLERANCE_MS = 60_000;

const invalid = (field: ScheduleField, message: string) =>
  new errors.ValidationError(`${FIELD_LABELS[field]} (${field}): ${message}`, { path: [field] });

const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
};

const parse = (field: ScheduleField, value: unknown): string | null => {
  if (value === null || value === '') return null;
  const iso = typeof value === 'string' || value instanceof Date ? toIso(value) : null;
  if (iso === null) throw invalid(field, 'không phải ngày giờ hợp lệ');
  return iso;
};

type Ability = { can(action: string, subject: string): boolean };

/**
 * Server-side rules for the scheduling fields, whatever the client (admin form, REST, GraphQL):
 * valid date-times, expiry after the publish time, no schedule in the past, and only users who may
 * publish may set or change a schedule (an Author's attempt is a 403 naming the field). The admin
 * form sends every field on save, so only a value that differs from the stored draft counts as set.
 */
export const registerScheduleRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const { documentId } = context.params as { documentId?: string };
    if (context.action === 'publish' && isScheduled(context.uid) && documentId) {
      // Published by hand before its time: the schedule is used up, or it would publish later edits at that time.
      await strapi.db.query(context.uid).updateMany({ where: { documentId, publishedAt: null, publishAt: { $notNull: true } }, data: { publishAt: null } });
    }
    if ((context.action !== 'create' && context.action !== 'update') || !isScheduled(context.uid)) return next();
    const uid = context.uid;
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    const fields = scheduleFieldsOf(uid);
    const sent = fields.filter((field) => field in data);
    if (sent.length === 0) return next();
    for (const field of sent) data[field] = parse(field, data[field]);

    const stored =
      params.documentId === undefined
        ? null
        : await strapi.db.query(uid).findOne({ select: [...fields], where: { documentId: params.documentId, publishedAt: null } });
    const changed = sent.filter((field) => data[field] !== toIso(stored?.[field]));

    const ability = strapi.requestContext.get()?.state?.userAbility as Ability | undefined;
    if (changed.length > 0 && ability && !ability.can(PUBLISH, uid)) {
      const field = changed[0];
      // A PolicyError is the 403 whose message Strapi passes on (any other ForbiddenError becomes a bare "Forbidden").
      throw new errors.PolicyError(
        `${FIELD_LABELS[field]} (${field}): chỉ người có quyền xuất bản mới được hẹn giờ đăng hoặc đặt hết hạn`,
        { path: [field] }
      );
    }

    const now = Date.now();
    for (const field of changed) {
      const value = data[field] as string | null;
      // A time in the past would act at once.
      if (value !== null && Date.parse(value) < now - PAST_TOLERANCE_MS) {
        throw invalid(field, 'thời điểm đã qua, hãy chọn một thời điểm sắp tới (giờ Việt Nam)');
      }
    }

    if (fields.includes('expireAt')) {
      const publishAt = 'publishAt' in data ? (data.publishAt as string | null) : toIso(stored?.publishAt);
      const expireAt = 'expireAt' in data ? (data.expireAt as string | null) : toIso(stored?.expireAt);
      if (publishAt && expireAt && Date.parse(expireAt) <= Date.parse(publishAt)) {
        throw invalid('expireAt', `phải sau ${FIELD_LABELS.publishAt}`);
      }
    }
    return next();
  });
};
