import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Every date a reader sees is Vietnam time, whatever the build machine's TZ. */
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

export const WEEKDAYS_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const toVietnam = (value: string | Date): TZDate | undefined => {
  const date = new TZDate(typeof value === 'string' ? new Date(value).getTime() : value.getTime(), VIETNAM_TZ);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "Thứ tư - 23/06/2021 05:38" (NukeViet's article date line), in Vietnam time. */
export const formatArticleDate = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toVietnam(value);
  if (!date) return '';
  return `${WEEKDAYS_VI[date.getDay()]} - ${format(date, 'dd/MM/yyyy HH:mm')}`;
};

/** "23/06/2021" in Vietnam time; a date-only value ("2021-06-23") is printed as it is. */
export const formatDate = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const date = toVietnam(value);
  return date ? format(date, 'dd/MM/yyyy') : '';
};

/** "05:38 23/06/2021" short form for lists, in Vietnam time. */
export const formatShortDateTime = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toVietnam(value);
  return date ? format(date, 'HH:mm dd/MM/yyyy') : '';
};

/** Calendar year in Vietnam (date-only values are taken literally). */
export const vietnamYear = (value: string | Date | null | undefined): number | undefined => {
  if (!value) return undefined;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return Number(m[1]);
  }
  return toVietnam(value)?.getFullYear();
};

/** ISO 8601 with the +07:00 offset, for <time datetime> and JSON-LD. */
export const isoVietnam = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = toVietnam(value);
  return date ? format(date, "yyyy-MM-dd'T'HH:mm:ssxxx") : '';
};

/** "2026-11-27T08:30": a moment as Vietnam wall-clock time, the value of an <input type="datetime-local">. */
export const vietnamDateTimeInput = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toVietnam(value);
  return date ? format(date, "yyyy-MM-dd'T'HH:mm") : '';
};

const DATE_TIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The moment (ISO, UTC) an editor meant by a Vietnam wall-clock "2026-11-27T08:30", whatever the browser's time zone. */
export const fromVietnamDateTimeInput = (input: string): string | undefined => {
  const m = DATE_TIME_INPUT.exec(input);
  if (!m) return undefined;
  const date = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), VIETNAM_TZ);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime()).toISOString();
};
