/**
 * Validity badges ("Còn hiệu lực", "Hết hiệu lực", "Chưa có hiệu lực") are rendered at build time
 * and recomputed here from the dates they carry against today in Vietnam, so a page that has not
 * been rebuilt since a document expired or came into force still tells the reader the truth.
 */
import { DOCUMENT_STATE_LABELS, documentState, vietnamToday } from '@toasoan/shared/document-state';

export const refreshDocumentStates = (root: ParentNode = document) => {
  const today = vietnamToday();
  for (const badge of root.querySelectorAll<HTMLElement>('[data-doc-state]')) {
    const state = documentState(badge.dataset.effective, badge.dataset.expiry, today);
    if (badge.dataset.docState === state) continue;
    badge.dataset.docState = state;
    badge.textContent = DOCUMENT_STATE_LABELS[state];
  }
};

refreshDocumentStates();
