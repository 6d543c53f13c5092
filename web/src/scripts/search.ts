/**
 * A small search UI on Pagefind's JS API. The query is folded with the same foldVietnamese()
 * that folds the text of every search record (lib/search-records.ts), so diacritics never matter.
 */
import { foldVietnamese } from '@toasoan/shared/search';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
// The index folder's overlay (web/integrations/pagefind.ts): records added or changed since the
// full index was made live in `delta/`, and the full index's out-of-date addresses are listed.
const OVERLAY_URL = '/pagefind/overlay.json';
const DELTA_URL = '/pagefind/delta/';
const MAX_RESULTS = 100;

interface Search {
  pagefind: Pagefind;
  /** Addresses whose full-index result is out of date: only their `fresh` (delta) result counts. */
  stale: Set<string>;
}
let loaded: Promise<Search> | undefined;

const loadSearch = () => {
  loaded ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    // An index built inside the build (no rebuild service) has no overlay: a 404 means none.
    const overlay = await fetch(OVERLAY_URL).then((res) => (res.ok ? (res.json() as Promise<{ delta: boolean; stale: string[] }>) : null));
    if (overlay?.delta) await pagefind.mergeIndex(DELTA_URL);
    await pagefind.init();
    return { pagefind, stale: new Set(overlay?.stale ?? []) };
  })();
  return loaded;
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  return node;
};

export const initSearch = () => {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;
  let seq = 0;

  const run = async (raw: string) => {
    const query = raw.trim();
    const mine = ++seq;
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Đang tìm…';
    try {
      const { pagefind, stale } = await loadSearch();
      const search = await pagefind.search(foldVietnamese(query).toLowerCase());
      const loaded = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine !== seq) return;
      const data = loaded.filter((item) => item.meta.fresh || !stale.has(item.url));
      // Out-of-date results are known once loaded; beyond the first MAX_RESULTS the count may include a few.
      const total = search.results.length - (loaded.length - data.length);
      status.textContent = data.length
        ? `Tìm thấy ${total} kết quả cho “${query}”.`
        : `Không tìm thấy kết quả nào cho “${query}”.`;
      for (const item of data) {
        const li = el('li');
        const h2 = el('h2');
        const a = el('a', item.meta.title ?? item.url);
        a.href = item.url;
        h2.append(a);
        li.append(h2);
        if (item.meta.date) li.append(el('p', item.meta.date));
        if (item.meta.lead) li.append(el('p', item.meta.lead));
        li.querySelectorAll('p').forEach((p) => p.classList.add('meta'));
        list.append(li);
      }
    } catch (error) {
      if (mine !== seq) return;
      status.textContent = 'Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.';
      console.error(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    history.replaceState(null, '', url);
    void run(input.value);
  });

  const initial = new URL(location.href).searchParams.get('q') ?? '';
  if (initial) {
    input.value = initial;
    void run(initial);
  }
};
