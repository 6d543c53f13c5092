import { createCmsClient, type CmsClient } from './client.ts';
import type { BuildEnv } from './env.ts';
import { RedirectsPageDocument } from './generated/graphql.ts';
import { fetchAll, PAGE_SIZE } from './load.ts';

/** Every redirect kept in the CMS (imported old addresses, editors' own), as old path → new path. */
export const loadCmsRedirects = async (
  env: BuildEnv,
  client?: CmsClient,
  { pageSize = PAGE_SIZE, concurrency = 4 }: { pageSize?: number; concurrency?: number } = {},
): Promise<Record<string, string>> => {
  const cms = client ?? createCmsClient({ url: env.strapiUrl, token: env.strapiToken });
  const rows = await fetchAll(cms, RedirectsPageDocument, (d) => ({ items: d.redirects, pageInfo: d.redirects_connection?.pageInfo }), {
    pageSize,
    concurrency,
    label: 'redirects',
  });
  return Object.fromEntries(rows.map((row) => [row.from, row.to]));
};
