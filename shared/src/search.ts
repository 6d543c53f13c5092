/**
 * Vietnamese text folding for search: strips tone and vowel marks and maps đ/Đ to d/D, so
 * "Đảng bộ học tập" and "dang bo hoc tap" compare equal after lower-casing. The site's search
 * records hold each text with its folded copy, and each query is folded with this same function.
 */
export const foldVietnamese = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');

/** Folded, lower-cased, whitespace-collapsed form used for the search index and queries. */
export const searchKey = (text: string): string =>
  foldVietnamese(text).toLowerCase().replace(/\s+/g, ' ').trim();

/** True when folding changes the text, i.e. a folded copy adds something to the index. */
export const hasDiacritics = (text: string): boolean => foldVietnamese(text) !== text;
