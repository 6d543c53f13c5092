import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

// MySQL's "latin1" is Windows-1252 with the five unassigned bytes kept as C1 controls, which is
// exactly what WHATWG's windows-1252 decoder does; inverting it gives back the original bytes.
const CP1252_BYTE = new Map<string, number>();
{
  const decoder = new TextDecoder('windows-1252');
  for (let byte = 0; byte < 256; byte += 1) CP1252_BYTE.set(decoder.decode(Uint8Array.of(byte)), byte);
}
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// A UTF-8 lead byte (Ã, Ä, Æ, á, â… in cp1252) followed by a continuation byte (0x80–0xBF): the
// shape UTF-8 text takes after being read as latin1. Plain Vietnamese never has it.
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * Repairs text that was UTF-8, read as latin1 and stored again as UTF-8 ("Ä\u0090áº£ng" → "Đảng").
 * Returns the text unchanged unless every character maps back to one byte and those bytes are valid
 * UTF-8, so real Vietnamese (or a lone "Ã" in a name) is never touched.
 */
export const repairDoubleEncoding = (text: string): string => {
  if (!MOJIBAKE.test(text)) return text;
  const bytes: number[] = [];
  for (const char of text) {
    const byte = CP1252_BYTE.get(char);
    if (byte === undefined) return text;
    bytes.push(byte);
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
};

export interface Repair {
  field: string;
  before: string;
  after: string;
}

/**
 * A title or name as readers should see it: double encoding repaired, HTML entities decoded
 * ("&quot;" in NukeViet titles), whitespace collapsed, NFC. `repairs` collects double-encoding fixes.
 */
export const cleanText = (value: unknown, field: string, repairs?: Repair[]): string => {
  const raw = value == null ? '' : String(value);
  const repaired = repairDoubleEncoding(raw);
  if (repaired !== raw) repairs?.push({ field, before: raw, after: repaired });
  return decodeHTML(repaired).replace(/\s+/g, ' ').trim().normalize('NFC');
};

/** HTML (a lead, a summary, a comment) as plain text: tags dropped, entities decoded, NFC. */
export const plainText = (value: unknown, field: string, repairs?: Repair[]): string => {
  const raw = value == null ? '' : String(value);
  const repaired = repairDoubleEncoding(raw);
  if (repaired !== raw) repairs?.push({ field, before: raw, after: repaired });
  const text = sanitizeHtml(repaired.replace(/<br\s*\/?>/gi, '\n'), { allowedTags: [], allowedAttributes: {} });
  return decodeHTML(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
    .normalize('NFC');
};

export const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
