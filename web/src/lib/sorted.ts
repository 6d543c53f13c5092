/**
 * A list kept in order across assemblies of the site. A standby build assembles the site ahead of
 * its publish (lib/prime.ts); the publish then changes a few of the same items. The order made
 * ahead is kept, less the items gone, with the new ones placed by binary search: the result is
 * what sorting gives (the order must be total), at a fraction of the cost (a sort of 50,000
 * articles took ~0.12 s of each publish).
 */

/** Above this many new items a plain sort is as cheap as placing them one by one. */
const FEW = 256;

export const sortLike = <T>(items: T[], before: readonly T[] | undefined, compare: (a: T, b: T) => number): T[] => {
  if (before) {
    const now = new Set(items);
    const kept = before.filter((item) => now.has(item));
    const added = items.length - kept.length;
    if (added <= FEW) {
      if (added > 0) {
        const had = new Set(kept);
        for (const item of items) {
          if (had.has(item)) continue;
          let low = 0;
          let high = kept.length;
          while (low < high) {
            const middle = (low + high) >>> 1;
            if (compare(kept[middle]!, item) <= 0) low = middle + 1;
            else high = middle;
          }
          kept.splice(low, 0, item);
        }
      }
      return kept;
    }
  }
  return items.sort(compare);
};
