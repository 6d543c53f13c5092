/**
 * Whether a document is in force (Decree 42/2022/NĐ-CP: the register shows each document's
 * validity). Computed from its effective and expiry dates against a calendar day in Vietnam, the
 * same way at build time and in the reader's browser (web/src/scripts/document-state.ts), so a
 * static page that has not been rebuilt since a document expired still shows the right state.
 */
import { VIETNAM_TZ } from './dates.ts';

export const DOCUMENT_STATES = ['con-hieu-luc', 'chua-co-hieu-luc', 'het-hieu-luc'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  'con-hieu-luc': 'Còn hiệu lực',
  'chua-co-hieu-luc': 'Chưa có hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
};

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Vietnam at `now`, as YYYY-MM-DD. */
export const vietnamToday = (now: Date = new Date()): string => dayFormat.format(now);

/**
 * `effective`/`expiry`: YYYY-MM-DD or empty. A document without an effective date is in force from
 * its issue; it stops being in force on its expiry day.
 */
export const documentState = (effective: string | null | undefined, expiry: string | null | undefined, today: string): DocumentState => {
  if (expiry && expiry <= today) return 'het-hieu-luc';
  if (effective && effective > today) return 'chua-co-hieu-luc';
  return 'con-hieu-luc';
};
