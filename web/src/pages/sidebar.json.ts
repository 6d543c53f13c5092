/** The sidebar's lists for every page's sidebar script (lib/sidebar.ts), rebuilt on every build. */
import type { APIRoute } from 'astro';
import { sidebarData } from '../lib/sidebar';
import { loadSite } from '../lib/site';

export const GET: APIRoute = async () => new Response(JSON.stringify(sidebarData(await loadSite())));
