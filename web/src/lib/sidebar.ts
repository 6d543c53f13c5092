/**
 * The sidebar's lists (latest news, most read, latest documents). They change with every publish
 * and with readers' views, so they are not baked into each page — that would make every page differ
 * on every build — but built once into /sidebar.json, which the sidebar script reads.
 */
import { formatDate, formatShortDateTime, isoVietnam } from '@toasoan/shared/dates';
import { articleHref, documentHref, mostRead, type Site } from './site';

export const SIDEBAR_DATA_PATH = '/sidebar.json';

export interface SideItem {
  /** documentId, so the article being read can be left out. */
  id: string;
  href: string;
  title: string;
  /** A document's number, shown before its title. */
  number?: string;
  meta?: string;
  /** ISO date of `meta` when it is a date. */
  datetime?: string;
}

export interface SidebarData {
  latest: SideItem[];
  popular: SideItem[];
  documents: SideItem[];
}

const count = new Intl.NumberFormat('vi-VN');

/** One more article than shown in each list, for the page that leaves its own article out. */
export const sidebarData = (site: Site): SidebarData => ({
  latest: site.articles.slice(0, 6).map((a) => ({ id: a.id, href: articleHref(a), title: a.title, meta: formatShortDateTime(a.date), datetime: isoVietnam(a.date) })),
  popular: mostRead(site, 6).map((a) => ({ id: a.id, href: articleHref(a), title: a.title, meta: `${count.format(a.views)} lượt xem` })),
  documents: site.documents.slice(0, 5).map((d) => ({
    id: d.id,
    href: documentHref(d),
    title: d.title,
    ...(d.number ? { number: d.number } : {}),
    ...(d.issuedAt ? { meta: formatDate(d.issuedAt), datetime: d.issuedAt } : {}),
  })),
});
