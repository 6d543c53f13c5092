import { describe, expect, it } from 'vitest';
import { archiveHref, mapConcurrent, oldPageRedirects, pageHref, pageNumbers, pageWindow, paginate, stablePages } from './pagination.ts';

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

describe('stablePages', () => {
  const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1, item k added k-th
  it('numbers full pages from the oldest item, each shown newest first', () => {
    const { latest, archive } = stablePages(newestFirst(7), 3);
    expect(latest).toEqual([7, 6, 5]);
    expect(archive.map((p) => p.items)).toEqual([[3, 2, 1], [6, 5, 4]]);
    expect(archive.every((p) => p.totalPages === 2)).toBe(true);
  });
  it('keeps every numbered page as it was when an item is added', () => {
    const before = stablePages(newestFirst(25), 12).archive;
    const after = stablePages(newestFirst(26), 12).archive;
    expect(after).toEqual(before);
    // …until a new page fills up: then that one page is added and the old ones keep their items.
    const filled = stablePages(newestFirst(36), 12).archive;
    expect(filled.map((p) => p.items)).toEqual([...before.map((p) => p.items), [36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25]]);
  });
  it('has no numbered page while everything fits on the first page', () => {
    expect(stablePages(newestFirst(12), 12)).toEqual({ latest: newestFirst(12), archive: [] });
    expect(stablePages([], 12)).toEqual({ latest: [], archive: [] });
  });
});

describe('oldPageRedirects', () => {
  it('sends each old newest-first page to the stable page holding its first item', () => {
    // 30 items, 12 a page: old page 2 began with the 13th newest (item 18: stable page 2 holds 13–24);
    // old page 3 began with the 25th newest (item 6: stable page 1 holds 1–12).
    expect(oldPageRedirects('/tin-tuc/', 30, 12)).toEqual({ '/tin-tuc/trang/2/': '/tin-tuc/luu-tru/2/', '/tin-tuc/trang/3/': '/tin-tuc/luu-tru/1/' });
  });
  it('has nothing to redirect for a list that had a single page', () => {
    expect(oldPageRedirects('/van-ban/', 20, 20)).toEqual({});
  });
  it('builds archive addresses under the list', () => {
    expect(archiveHref('/chuyen-muc/tin-dia-phuong/', 4)).toBe('/chuyen-muc/tin-dia-phuong/luu-tru/4/');
  });
});
