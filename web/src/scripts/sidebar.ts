/**
 * Fills the sidebar's lists from /sidebar.json (lib/sidebar.ts). Built with textContent only: the
 * data comes from the CMS. Without the data (offline, error) the frame's links to the full lists stay.
 */
import type { SideItem, SidebarData } from '../lib/sidebar';

const SHOWN = 5;

const item = ({ href, title, number, meta, datetime }: SideItem) => {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  if (number) {
    const span = document.createElement('span');
    span.className = 'doc-number';
    span.textContent = number;
    a.append(span, ': ');
  }
  a.append(title);
  li.append(a);
  if (meta) {
    const m = document.createElement(datetime ? 'time' : 'span');
    m.className = 'meta';
    m.textContent = meta;
    if (datetime) m.setAttribute('datetime', datetime);
    li.append(' ', m);
  }
  return li;
};

export const fillSidebar = async () => {
  const aside = document.querySelector<HTMLElement>('[data-sidebar]');
  if (!aside) return;
  try {
    const res = await fetch('/sidebar.json');
    if (!res.ok) return;
    const data = (await res.json()) as SidebarData;
    const exclude = aside.dataset.exclude;
    for (const key of ['latest', 'popular', 'documents'] as const) {
      const list = aside.querySelector(`[data-side="${key}"]`);
      const items = data[key].filter((i) => i.id !== exclude).slice(0, SHOWN);
      if (list && items.length) list.replaceChildren(...items.map(item));
    }
  } catch {
    // The links to the full lists stay.
  }
};
