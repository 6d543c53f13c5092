/**
 * A standby build's work ahead of its publish (lib/standby.ts), started by the content config once
 * every loader waits: the site assembled from the data store as it is, every article page's and
 * numbered list page's cache key, and every search record key. Nothing of it is rendered; after the
 * publish the build assembles the site again and reuses the articles the publish did not change
 * (lib/site.ts, madeArticles) in their order (lib/sorted.ts), with their cards, page keys
 * (lib/cache-keys.ts) and record keys (lib/search-records.ts), and the keys of list pages showing
 * the same articles.
 */
import { articlePageKey } from './cache-keys';
import { categoryArchivePaths, newsArchivePaths, tagArchivePaths } from './list-pages';
import { articleRecordKey } from './search-records';
import { assembleSite, type ReadCollection } from './site';

export const primeSite = async (read: ReadCollection): Promise<void> => {
  try {
    const site = await assembleSite(read);
    for (const article of site.articles) {
      articlePageKey(site, article);
      articleRecordKey(site, article);
    }
    newsArchivePaths(site);
    categoryArchivePaths(site);
    tagArchivePaths(site);
    // The image service's native module, which the first image of a build loads (~0.1 s).
    await import('sharp');
  } catch {
    // An empty store (the first build) or any other failure: the build's own assembly after the
    // publish makes everything and reports what fails.
  }
};
