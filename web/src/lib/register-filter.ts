/**
 * The documents register's search and filters, run in the reader's browser over the records the
 * build writes to /van-ban/danh-muc.json (pages/van-ban/danh-muc.json.ts). Pure: no DOM, no fetch.
 */
import { documentState, type DocumentState } from '@toasoan/shared/document-state';
import { searchKey } from '@toasoan/shared/search';

export const REGISTER_JSON = '/van-ban/danh-muc.json';

/** One document as the register's browser script needs it (short keys: the file is fetched whole). */
export interface RegisterRecord {
  /** Address of the document page. */
  u: string;
  /** Số hiệu. */
  n: string;
  /** Trích yếu. */
  t: string;
  /** Type code and name. */
  k: string;
  kl: string;
  /** Issuer slug and name ("" when none). */
  i: string;
  il: string;
  /** Field slugs. */
  f: string[];
  /** Year of issue, issue date, effective date, expiry date (YYYY-MM-DD or ""). */
  y: number | null;
  d: string;
  e: string;
  x: string;
  /** Number, title and summary folded (shared/search.ts searchKey): what the search box matches. */
  q: string;
}

export interface RegisterQuery {
  q: string;
  type: string;
  issuer: string;
  field: string;
  year: string;
  state: string;
}

/** The form's field names, which are also the page's query parameters (shareable addresses). */
export const QUERY_PARAMS: Record<keyof RegisterQuery, string> = {
  q: 'q',
  type: 'loai',
  issuer: 'co-quan',
  field: 'linh-vuc',
  year: 'nam',
  state: 'hieu-luc',
};

export const isEmptyQuery = (query: RegisterQuery) => Object.values(query).every((value) => value.trim() === '');

/**
 * Records matching every filter; the search box matches when each of its words appears in the
 * number, title or summary, with or without diacritics ("quyet dinh" finds "Quyết định").
 * `today`: the Vietnam calendar day the validity state is computed for.
 */
export const filterRecords = (records: RegisterRecord[], query: RegisterQuery, today: string): { record: RegisterRecord; state: DocumentState }[] => {
  const words = searchKey(query.q).split(' ').filter(Boolean);
  const out: { record: RegisterRecord; state: DocumentState }[] = [];
  for (const record of records) {
    if (query.type && record.k !== query.type) continue;
    if (query.issuer && record.i !== query.issuer) continue;
    if (query.field && !record.f.includes(query.field)) continue;
    if (query.year && String(record.y ?? '') !== query.year) continue;
    const state = documentState(record.e, record.x, today);
    if (query.state && state !== query.state) continue;
    if (words.some((word) => !record.q.includes(word))) continue;
    out.push({ record, state });
  }
  return out;
};
