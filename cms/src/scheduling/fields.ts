import type { UID } from '@strapi/strapi';

/**
 * Scheduled publish and expiry ("Hẹn giờ đăng", "Hết hạn"). The fields are admin-side: private
 * (never in the content API or GraphQL, so the build token cannot read them), not localized (the
 * types have no locales), and read from the draft row — what an editor last saved takes effect
 * without publishing it first.
 */
export const SCHEDULE_FIELDS = ['publishAt', 'expireAt'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

export const FIELD_LABELS: Record<ScheduleField, string> = {
  publishAt: 'Hẹn giờ đăng',
  expireAt: 'Hết hạn',
};

/**
 * Which types have which schedule. An article is unpublished at its expiry. A document has no
 * expiry: whether it is still in force comes from its legal dates (effectiveDate/expiryDate, the
 * register's), and it stays published when it lapses.
 */
export const SCHEDULED_TYPES = {
  'api::article.article': { fields: ['publishAt', 'expireAt'], label: 'Tin bài' },
  'api::document.document': { fields: ['publishAt'], label: 'Văn bản' },
} as const satisfies Partial<Record<UID.ContentType, { fields: readonly ScheduleField[]; label: string }>>;

export type ScheduledUid = keyof typeof SCHEDULED_TYPES;
export const isScheduled = (uid: string): uid is ScheduledUid => uid in SCHEDULED_TYPES;
export const scheduleFieldsOf = (uid: ScheduledUid): readonly ScheduleField[] => SCHEDULED_TYPES[uid].fields;
export const expires = (uid: ScheduledUid) => scheduleFieldsOf(uid).includes('expireAt');

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Default tick: second 0 of every minute, so an entry goes out at the minute an editor chose. */
export const DEFAULT_TICK = '0 * * * * *';
