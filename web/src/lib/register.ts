/** What the documents register's pages derive from the loaded site (build time only). */
import type { DocumentItem, ListRef, SiteData } from '@toasoan/shared/domain';
import { searchKey } from '@toasoan/shared/search';
import type { RegisterRecord } from './register-filter';

export const fieldHref = (field: { slug: string }) => `/van-ban/linh-vuc/${field.slug}/`;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');

/** Fields (lĩnh vực) that have at least one published document, with their counts, by name. */
export const documentFields = (site: SiteData): (ListRef & { count: number })[] => {
  const counts = new Map<string, ListRef & { count: number }>();
  for (const d of site.documents) {
    for (const field of d.fields) {
      const entry = counts.get(field.slug) ?? { ...field, count: 0 };
      entry.count += 1;
      counts.set(field.slug, entry);
    }
  }
  return [...counts.values()].sort(byName);
};

/** Issuing bodies that have at least one published document, by name. */
export const documentIssuers = (site: SiteData): ListRef[] => {
  const issuers = new Map<string, ListRef>();
  for (const d of site.documents) if (d.issuerSlug && d.issuer) issuers.set(d.issuerSlug, { slug: d.issuerSlug, name: d.issuer });
  return [...issuers.values()].sort(byName);
};

export const registerRecord = (d: DocumentItem, href: string): RegisterRecord => ({
  u: href,
  n: d.number,
  t: d.title,
  k: d.kind,
  kl: d.kindLabel,
  i: d.issuerSlug ?? '',
  il: d.issuer,
  f: d.fields.map((f) => f.slug),
  y: d.year ?? null,
  d: d.issuedAt ?? '',
  e: d.effectiveDate ?? '',
  x: d.expiryDate ?? '',
  q: searchKey([d.number, d.title, d.summary].join(' ')),
});
