/**
 * The search records of this build (lib/search-records.ts), read by the Pagefind integration after
 * the build, indexed, and removed from the release: it is never published.
 */
import type { APIRoute } from 'astro';
import { searchRecords } from '../lib/search-records';
import { loadSite } from '../lib/site';

export const GET: APIRoute = async () => new Response(JSON.stringify(searchRecords(await loadSite())));
