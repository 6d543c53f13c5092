import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';

export const DEDUP_WINDOW_MS = 30 * 60 * 1000;
export const ONLINE_WINDOW_MS = 5 * 60 * 1000;

// en-CA formats as YYYY-MM-DD; "hôm nay" and "tháng này" follow the readers' clock, not the server's.
const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

export const vnDay = (at: number) => VN_DATE.format(at);
export const vnMonth = (at: number) => vnDay(at).slice(0, 7);

/** Index of the 30-minute window `at` falls in: a reader counts once per target per window. */
export const slotOf = (at: number) => Math.floor(at / DEDUP_WINDOW_MS);

// No UA at all is a script, not a reader.
export const isBotAgent = (userAgent: string) => userAgent === '' || isbot(userAgent);

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

export interface Reader {
  ip: string;
  userAgent: string;
}

/**
 * Readers are told apart by a keyed hash of IP + User-Agent; the IP itself is never stored.
 * The daily id uses a salt derived from the secret and the Vietnamese date, so ids from
 * different days cannot be linked, even by someone holding the database.
 */
export const createReaderIds = (secret: string) => {
  let saltDay = '';
  let salt = Buffer.alloc(0);
  return {
    daily({ ip, userAgent }: Reader, at: number): string {
      const day = vnDay(at);
      if (day !== saltDay) {
        salt = hmac(secret, `visitor-salt:${day}`);
        saltDay = day;
      }
      return hmac(salt, `${ip}\n${userAgent}`).toString('base64url').slice(0, 32);
    },
    // A vote must outlive the daily salt (one vote per reader per article, ever); scoping the
    // hash to the article keeps a reader's votes on different articles unlinkable.
    perTarget({ ip, userAgent }: Reader, target: string): string {
      return hmac(secret, `${target}\n${ip}\n${userAgent}`).toString('base64url').slice(0, 43);
    },
  };
};

export type ReaderIds = ReturnType<typeof createReaderIds>;
