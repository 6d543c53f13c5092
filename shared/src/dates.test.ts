import { afterAll, describe, expect, it } from 'vitest';
import { formatArticleDate, formatDate, formatShortDateTime, fromVietnamDateTimeInput, isoVietnam, vietnamDateTimeInput, vietnamYear, WEEKDAYS_VI } from './dates.ts';

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'])('in TZ=%s', (tz) => {
  it('formats in Vietnam time whatever the machine zone', () => {
    process.env.TZ = tz;
    // 2021-06-22 22:38 UTC is Wednesday 23 June 05:38 in Hanoi.
    expect(formatArticleDate('2021-06-22T22:38:00.000Z')).toBe('Thứ tư - 23/06/2021 05:38');
    expect(formatDate('2021-06-22T22:38:00.000Z')).toBe('23/06/2021');
    expect(formatShortDateTime('2021-06-22T22:38:00.000Z')).toBe('05:38 23/06/2021');
    expect(isoVietnam('2021-06-22T22:38:00.000Z')).toBe('2021-06-23T05:38:00+07:00');
  });

  it('prints midnight as 00:00 on the Vietnamese day', () => {
    process.env.TZ = tz;
    expect(formatArticleDate('2021-06-22T17:00:00Z')).toBe('Thứ tư - 23/06/2021 00:00');
    expect(formatArticleDate('2021-06-22T16:59:00Z')).toBe('Thứ ba - 22/06/2021 23:59');
  });

  it('uses the Vietnamese day when UTC is still the day before (year boundary too)', () => {
    process.env.TZ = tz;
    expect(new Date('2020-12-31T20:15:00Z').getUTCDate()).toBe(31);
    expect(formatArticleDate('2020-12-31T20:15:00Z')).toBe('Thứ sáu - 01/01/2021 03:15');
    expect(vietnamYear('2020-12-31T20:15:00Z')).toBe(2021);
  });

  it('names all seven weekdays', () => {
    process.env.TZ = tz;
    // 20 June 2021 was a Sunday.
    const names = [20, 21, 22, 23, 24, 25, 26].map((day) => formatArticleDate(`2021-06-${day}T03:00:00Z`).split(' - ')[0]);
    expect(names).toEqual(['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']);
    expect(names).toEqual([...WEEKDAYS_VI]);
  });

  it('reads and writes the admin date-time input in Vietnam time', () => {
    process.env.TZ = tz;
    expect(vietnamDateTimeInput('2021-06-22T22:38:00.000Z')).toBe('2021-06-23T05:38');
    expect(fromVietnamDateTimeInput('2021-06-23T05:38')).toBe('2021-06-22T22:38:00.000Z');
    expect(fromVietnamDateTimeInput('2021-01-01T00:00')).toBe('2020-12-31T17:00:00.000Z');
    expect(fromVietnamDateTimeInput('23/06/2021 05:38')).toBeUndefined();
    expect(vietnamDateTimeInput(null)).toBe('');
  });

  it('takes date-only values literally', () => {
    process.env.TZ = tz;
    expect(formatDate('2021-06-23')).toBe('23/06/2021');
    expect(vietnamYear('2019-01-01')).toBe(2019);
    expect(isoVietnam('2019-01-01')).toBe('2019-01-01');
  });
});

describe('empty and invalid values', () => {
  it('gives empty strings', () => {
    expect(formatArticleDate(null)).toBe('');
    expect(formatArticleDate(undefined)).toBe('');
    expect(formatArticleDate('not a date')).toBe('');
    expect(formatDate('')).toBe('');
    expect(vietnamYear(null)).toBeUndefined();
  });

  it('accepts Date objects', () => {
    expect(formatArticleDate(new Date(Date.UTC(2024, 1, 29, 1, 2)))).toBe('Thứ năm - 29/02/2024 08:02');
  });
});
