/**
 * A standby build's work ahead of its publish (lib/standby.ts), started by the content config once
 * every loader waits: the site assembled from the data store as it is, every article page's cache
 * key and search record key. Nothing of it is rendered; after the publish the build assembles the
 * site again and reuses the articles the publish did not change (lib/site.ts, madeArticles) in
 * their order (lib/sorted.ts), with their cards, page keys (lib/cache-keys.ts) and record keys
 * (lib/search-records.ts).
 */
import { articleKey } from './cache-keys';
import { articleRecordKey } from './search-records';
import { assembleSite, neighbours, type ReadCollection } from './site';

export const primeSite = async (read: ReadCollection): Promise<void> => {
  try {
    const site = await assembleSite(read);
    for (const article of site.articles) {
      const { newer, older } = neighbours(site, article);
      articleKey(site, article, newer, older);
      articleRecordKey(site, article);
    }
    // The image service's native module, which the first image of a build loads (~0.1 s).
    await import('sharp');
  } catch {
    // An empty store (the first build) or any other failure: the build's own assembly after the
    // publish makes everything and reports what fails.
  }
};
