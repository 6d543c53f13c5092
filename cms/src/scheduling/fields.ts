import type { UID } from '@strapi/strapi';

/**
 * Scheduled publish and expiry ("Hẹn giờ đăng", "Hết hạn"). The two fields are admin-side: private
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
 * At expiry an article is unpublished. A document stays published (a legal document that has
 * lapsed is still part of the register) and is marked `expired: true`, which the site shows as
 * "Hết hiệu lực".
 */
export const SCHEDULED_TYPES = {
  'api::article.article': { onExpiry: 'unpublish', label: 'Tin bài' },
  'api::document.document': { onExpiry: 'mark-expired', label: 'Văn bản' },
} as const satisfies Partial<Record<UID.ContentType, { onExpiry: 'unpublish' | 'mark-expired'; label: string }>>;

export type ScheduledUid = keyof typeof SCHEDULED_TYPES;
export const isScheduled = (uid: string): uid is ScheduledUid => uid in SCHEDULED_TYPES;

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Default tick: second 0 of every minute, so an entry goes out at the minute an editor chose. */
export const DEFAULT_TICK = '0 * * * * *';
