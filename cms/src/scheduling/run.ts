import type { Core } from '@strapi/strapi';
import { expires, SCHEDULED_TYPES, type ScheduledUid } from './fields';

// Enough for one tick; whatever is left is due at the next.
const BATCH = 50;

type Row = { id: number; documentId: string; locale: string | null };

/**
 * Each due action is claimed by a conditional UPDATE of the draft row (it changes the row only if
 * the action is still due and unclaimed), inside the transaction that then publishes or unpublishes.
 * On PostgreSQL a second process's UPDATE waits for that row's lock and, once the first commits,
 * matches nothing; SQLite has one writer. So with any number of CMS processes each action happens
 * exactly once, and if the publish fails the claim rolls back and the next tick tries again.
 */
const claimOnce = async (strapi: Core.Strapi, uid: ScheduledUid, row: Row, where: object, data: object, act: () => Promise<void>) => {
  try {
    await strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(uid).updateMany({ where: { id: row.id, ...where }, data });
      if (count === 1) await act();
    });
  } catch (error) {
    strapi.log.error(`Lịch đăng: ${uid} ${row.documentId} không thực hiện được, sẽ thử lại ở lượt sau`, error);
  }
};

const localeOf = (row: Row) => (row.locale ? { locale: row.locale } : {});

const publishDue = async (strapi: Core.Strapi, uid: ScheduledUid, now: Date) => {
  const due: Row[] = await strapi.db.query(uid).findMany({
    select: ['id', 'documentId', 'locale'],
    where: { publishedAt: null, publishAt: { $lte: now } },
    orderBy: { publishAt: 'asc' },
    limit: BATCH,
  });
  for (const row of due) {
    // Publishing copies the draft, so the cleared field also leaves the published row without it.
    await claimOnce(strapi, uid, row, { publishAt: { $lte: now } }, { publishAt: null }, async () => {
      await strapi.documents(uid).publish({ documentId: row.documentId, ...localeOf(row) });
      strapi.log.info(`Lịch đăng: đã xuất bản ${uid} ${row.documentId}`);
    });
  }
};

/** An article's expiry: it is unpublished and kept as a draft. */
const expireDue = async (strapi: Core.Strapi, uid: ScheduledUid, now: Date) => {
  const due: Row[] = await strapi.db.query(uid).findMany({
    select: ['id', 'documentId', 'locale'],
    where: { publishedAt: null, expireAt: { $lte: now } },
    orderBy: { expireAt: 'asc' },
    limit: BATCH,
  });
  for (const row of due) {
    // The expiry is used up: published again later, the article stays up until a new one is set.
    await claimOnce(strapi, uid, row, { expireAt: { $lte: now } }, { expireAt: null }, async () => {
      await strapi.db.query(uid).updateMany({ where: { documentId: row.documentId, ...localeOf(row) }, data: { expireAt: null } });
      await strapi.documents(uid).unpublish({ documentId: row.documentId, ...localeOf(row) });
      strapi.log.info(`Lịch đăng: đã gỡ ${uid} ${row.documentId} (hết hạn)`);
    });
  }
};

let running = false;

/** One tick of the scheduler (a Strapi cron task, config/server.ts). */
export const runSchedule = async (strapi: Core.Strapi, now = new Date()) => {
  // A slow tick (a big batch of publishes) must not overlap the next one in the same process.
  if (running) return;
  running = true;
  try {
    for (const uid of Object.keys(SCHEDULED_TYPES) as ScheduledUid[]) {
      await publishDue(strapi, uid, now);
      if (expires(uid)) await expireDue(strapi, uid, now);
    }
  } finally {
    running = false;
  }
};
