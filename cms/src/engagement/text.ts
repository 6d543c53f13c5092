import sanitizeHtml from 'sanitize-html';

const NO_HTML: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const tidy = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

/**
 * Reader input as plain text. sanitize-html drops tags but escapes what is left; unescaping
 * gives plain text (the site escapes on render), and repeating until nothing changes removes
 * tags smuggled in as entities ("&lt;b&gt;" would otherwise come back as a real "<b>").
 */
export const toPlainText = (input: string): string => {
  let text = input.normalize('NFC');
  for (let round = 0; round < 10; round += 1) {
    const next = sanitizeHtml(text, NO_HTML).replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
    if (next === text) return tidy(text);
    text = next;
  }
  // Only absurdly nested encodings get here; dropping angle brackets is the safe answer.
  return tidy(text.replace(/[<>]/g, ''));
};
