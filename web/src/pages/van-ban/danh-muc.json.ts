import type { APIRoute } from 'astro';
import { documentHref, loadSite } from '../../lib/site';
import { registerRecord } from '../../lib/register';

// What the documents register's search and filters run over in the browser (lib/register-filter.ts).
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(site.documents.map((d) => registerRecord(d, documentHref(d)))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
