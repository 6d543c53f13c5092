import type { APIRoute, GetStaticPaths } from 'astro';
import { readBuildEnv } from '@toasoan/shared/env';
import { loadCmsRedirects } from '@toasoan/shared/load-redirects';
import { mergeRedirects, REDIRECTS_FILE } from '@toasoan/shared/redirects';
import { siteRedirects } from '../lib/redirects';

// The release's redirect map (REDIRECTS_FILE at its root), for the server that answers old
// addresses; not a page for readers (nginx does not serve it). Astro builds no file whose name
// starts with "_", so the name comes in as a parameter.
export const getStaticPaths = (() => [{ params: { redirects: REDIRECTS_FILE.replace(/\.json$/, '') } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { map, loops } = mergeRedirects(await loadCmsRedirects(readBuildEnv(process.env)), await siteRedirects());
  if (loops.length) console.warn(`[redirects] left out, they lead back to themselves: ${loops.join(', ')}`);
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
