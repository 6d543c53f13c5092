/**
 * The document types documents had when types were a fixed enumeration. Types are now a list
 * editors extend (api::document-type); a new CMS starts its list with these, and their codes stay
 * the API's `kind` values. (The old GraphQL enum spelled them with '_', which is still accepted.)
 */
export const DOCUMENT_KINDS = [
  'cong-van',
  'huong-dan',
  'ke-hoach',
  'nghi-quyet',
  'chi-thi',
  'ket-luan',
  'quyet-dinh',
  'bao-cao',
  'thong-bao',
  'khac',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const LABELS: Record<DocumentKind, string> = {
  'cong-van': 'Công văn',
  'huong-dan': 'Hướng dẫn',
  'ke-hoach': 'Kế hoạch',
  'nghi-quyet': 'Nghị quyết',
  'chi-thi': 'Chỉ thị',
  'ket-luan': 'Kết luận',
  'quyet-dinh': 'Quyết định',
  'bao-cao': 'Báo cáo',
  'thong-bao': 'Thông báo',
  khac: 'Khác',
};

/** Accepts either spelling ("cong_van" from GraphQL, "cong-van" from REST); unknown → "khac". */
export const normalizeKind = (kind: string | null | undefined): DocumentKind => {
  const slug = (kind ?? '').trim().toLowerCase().replace(/_/g, '-');
  return (DOCUMENT_KINDS as readonly string[]).includes(slug) ? (slug as DocumentKind) : 'khac';
};

/** Vietnamese label of a document kind, e.g. "cong_van" → "Công văn". */
export const kindLabel = (kind: string | null | undefined): string => LABELS[normalizeKind(kind)];
