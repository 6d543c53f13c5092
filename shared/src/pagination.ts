export interface Page<T> {
  /** 1-based. */
  page: number;
  totalPages: number;
  items: T[];
}

/** Splits a list into pages; an empty list still gives one (empty) page. */
export const paginate = <T>(items: readonly T[], pageSize: number): Page<T>[] => {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, i) => ({
    page: i + 1,
    totalPages,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
};

/** "/tin-tuc/" for page 1, "/tin-tuc/trang/2/" after. `base` must end with "/". */
export const pageHref = (base: string, page: number): string => {
  const root = base.endsWith('/') ? base : `${base}/`;
  return page <= 1 ? root : `${root}trang/${page}/`;
};

/**
 * Page numbers for a pager: always first, last, current and its neighbours; gaps are null.
 * pageWindow(5, 10) → [1, null, 4, 5, 6, null, 10]
 */
export const pageWindow = (current: number, total: number, radius = 1): (number | null)[] => {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p += 1) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0) {
      const prev = sorted[i - 1]!;
      if (p - prev === 2) out.push(prev + 1);
      else if (p - prev > 2) out.push(null);
    }
    out.push(p);
  });
  return out;
};

/** Pages of a collection fetched from the CMS: 1..pageCount, at least 1. */
export const pageNumbers = (pageCount: number): number[] =>
  Array.from({ length: Math.max(1, pageCount) }, (_, i) => i + 1);

/** Runs `fn` on every item with at most `limit` in flight; results keep the input order. */
export const mapConcurrent = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
};

/**
 * Stable pagination for lists that grow at the new end (news, documents). Numbered pages count
 * from the oldest item and hold only full pages: page k has the oldest-first items
 * [(k-1)·size, k·size), shown newest first, so a new item never moves an item between numbered
 * pages — it changes the list's first page (`latest`, the newest `size` items) and, once every
 * `size` items, adds one numbered page. `archive` is empty while the list fits on its first page.
 */
export const stablePages = <T>(newestFirst: readonly T[], size: number): { latest: T[]; archive: Page<T>[] } => {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  const latest = newestFirst.slice(0, size);
  if (newestFirst.length <= size) return { latest, archive: [] };
  const oldestFirst = [...newestFirst].reverse();
  const full = Math.floor(oldestFirst.length / size);
  const archive = Array.from({ length: full }, (_, i) => ({
    page: i + 1,
    totalPages: full,
    items: oldestFirst.slice(i * size, (i + 1) * size).reverse(),
  }));
  return { latest, archive };
};

/** "/tin-tuc/luu-tru/3/": a numbered (stable) page of a list whose first page is `base`. */
export const archiveHref = (base: string, page: number): string => `${base.endsWith('/') ? base : `${base}/`}luu-tru/${page}/`;

/**
 * Where an old newest-first page address ("/tin-tuc/trang/<n>/", n ≥ 2) now points: the stable
 * page holding the first item that page showed, or the list's first page for the newest items.
 * Returns one entry per old page number that had items.
 */
export const oldPageRedirects = (base: string, total: number, size: number): Record<string, string> => {
  const map: Record<string, string> = {};
  const full = Math.floor(total / size);
  const oldPages = Math.ceil(total / size);
  for (let n = 2; n <= oldPages; n += 1) {
    const oldestIndex = total - 1 - (n - 1) * size;
    const k = Math.floor(oldestIndex / size) + 1;
    map[pageHref(base, n)] = total > size && k <= full ? archiveHref(base, k) : base;
  }
  return map;
};
