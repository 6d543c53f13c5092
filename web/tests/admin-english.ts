// Finds English on an admin screen. Two signals: a text that equals an English message of one of
// the Strapi packages the admin loads (whatever the words), and a word that cannot be Vietnamese:
// written without diacritics, a Vietnamese syllable is an onset, a vowel group and one of eight
// endings (t-r-a-n-g, ng-h-i-ê-n) — "Create", "entries", "found", "Draft", "Published" are not.
import type { Page } from 'playwright-core';
import { PACKAGES, loadPackage } from '../../cms/scripts/admin-translations.mjs';

/**
 * Words an editor may meet in an otherwise Vietnamese admin. Each needs a reason.
 */
export const ALLOWED_WORDS: Record<string, string> = {
  email: 'Vietnamese forms write "Email"/"Địa chỉ email"; Strapi\'s own vi uses it too',
  logo: 'loanword used as is in Vietnamese ("Logo cơ quan")',
  album: 'loanword used as is in Vietnamese ("album ảnh"), also the gallery\'s field label',
  video: 'loanword used as is in Vietnamese',
  markdown: 'name of the body field\'s current text format, until the WYSIWYG editor replaces it',
  ctrl: 'keyboard key name printed on the key ("Ctrl / Cmd + Enter để lưu")',
  cmd: 'keyboard key name printed on the key',
  shift: 'keyboard key name printed on the key',
  enter: 'keyboard key name printed on the key',
  strapi: 'name of the software, shown in the version line',
  // Extensions of uploaded files, shown as the file's format in the media library.
  jpg: 'file format name', jpeg: 'file format name', png: 'file format name', webp: 'file format name',
  gif: 'file format name', pdf: 'file format name', docx: 'file format name', xlsx: 'file format name',
  odt: 'file format name', ods: 'file format name',
};

const ONSET = '(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const VOWELS = '[aeiouy]{1,3}';
const CODA = '(?:ch|nh|ng|c|m|n|p|t)?';
const VIETNAMESE_SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${CODA}$`, 'i');

/** Words of `text` that are neither Vietnamese, an acronym, a number nor allowed. */
export const foreignWords = (text: string): string[] =>
  (text.match(/[\p{L}]+/gu) ?? []).filter(
    (word) =>
      /^[A-Za-z]+$/.test(word) && // anything with a Vietnamese letter (ă, ê, đ, ư, ở …) is Vietnamese
      word.length > 2 && // avatar initials ("Qv"); two-letter English words are caught as Strapi messages
      word !== word.toUpperCase() && // acronyms: UBND, ID, URL, API
      !VIETNAMESE_SYLLABLE.test(word) &&
      !(word.toLowerCase() in ALLOWED_WORDS)
  );

/** Every English message (without arguments) of the packages whose screens an editor uses. */
export const englishMessages = async (): Promise<Set<string>> => {
  const messages = new Set<string>();
  for (const pkg of PACKAGES) {
    const { en } = await loadPackage(pkg);
    for (const value of Object.values(en) as string[]) {
      const text = value.trim();
      // Messages with arguments or markup never appear verbatim; the word check covers them.
      if (/[{<]/.test(text) || !/[A-Za-z]{2}/.test(text) || foreignWords(text).length === 0 && /^[A-Z]+$/.test(text)) continue;
      if (foreignWords(text).length === 0 && text.split(/\s+/).every((word) => word.toLowerCase() in ALLOWED_WORDS)) continue;
      messages.add(text.toLowerCase());
    }
  }
  return messages;
};

/** What a user sees: visible text nodes, placeholders and the document title. */
export const visibleTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, [aria-hidden="true"]')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // Visually hidden text (1px, clipped) is for screen readers, not on screen.
      const box = parent.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      texts.push(text);
    }
    for (const element of document.querySelectorAll<HTMLElement>('[placeholder]')) {
      if (element.checkVisibility()) texts.push(element.getAttribute('placeholder')!);
    }
    return texts;
  });

/** Texts that are user data rather than interface: file names, addresses, e-mails, slugs, document ids. */
const isData = (text: string) => /@|\/|\.\w{2,5}$|^https?:/.test(text) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(text) || /^[a-z0-9]{20,}$/.test(text);

export interface EnglishFinding {
  text: string;
  why: string;
}

export const findEnglish = (texts: string[], english: Set<string>): EnglishFinding[] => {
  const findings: EnglishFinding[] = [];
  for (const text of new Set(texts)) {
    if (english.has(text.toLowerCase())) findings.push({ text, why: 'an English message of Strapi' });
    else if (!isData(text)) {
      const words = foreignWords(text);
      if (words.length > 0) findings.push({ text, why: `not Vietnamese: ${words.join(', ')}` });
    }
  }
  return findings;
};
