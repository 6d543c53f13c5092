import slugify from '@sindresorhus/slugify';

// Text pasted from Word often arrives decomposed (NFD: "e" + U+0302 + U+0301); composing it first
// makes "ế" transliterate the same whichever way it was typed. "đ" has no decomposition, so the
// transliteration table (which maps đ/Đ to d) handles it.
export const toSlug = (text: string): string =>
  slugify(text.normalize('NFC'), { lowercase: true, decamelize: false });
