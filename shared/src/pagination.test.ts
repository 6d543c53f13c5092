import { describe, expect, it } from 'vitest';
import { mapConcurrent, pageHref, pageNumbers, pageWindow, paginate } from './pagination.ts';

describe('paginate', () => {
  it('splits into full pages and a remainder', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.totalPages === 3)).toBe(true);
  });
  it('gives exactly full pages without an empty tail', () => {
    expect(paginate(Array.from({ length: 40 }, (_, i) => i), 20)).toHaveLength(2);
  });
  it('gives one empty page for no items', () => {
    expect(paginate([], 10)).toEqual([{ page: 1, totalPages: 1, items: [] }]);
  });
  it('rejects bad page sizes', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });
});

describe('pageHref', () => {
  it('uses the base for page 1 and /trang/N/ after', () => {
    expect(pageHref('/tin-tuc/', 1)).toBe('/tin-tuc/');
    expect(pageHref('/tin-tuc/', 2)).toBe('/tin-tuc/trang/2/');
    expect(pageHref('/chuyen-muc/thoi-su', 3)).toBe('/chuyen-muc/thoi-su/trang/3/');
  });
});

describe('pageWindow', () => {
  it('shows first, last, neighbours and gaps', () => {
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
  });
});

describe('pageNumbers', () => {
  it('lists CMS pages, at least one', () => {
    expect(pageNumbers(0)).toEqual([1]);
    expect(pageNumbers(3)).toEqual([1, 2, 3]);
  });
});

describe('mapConcurrent', () => {
  it('keeps order and never exceeds the limit', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapConcurrent([50, 10, 30, 5, 20, 1], 2, async (ms, i) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active -= 1;
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
  it('rejects when one fails', async () => {
    await expect(mapConcurrent([1, 2], 4, async (n) => { if (n === 2) throw new Error('boom'); return n; })).rejects.toThrow('boom');
  });
});
