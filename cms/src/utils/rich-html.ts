import { Marked, type Tokens } from 'marked';

/**
 * Rich text is stored as HTML written by the admin's editor (the "rich-html" custom field). Bodies
 * from before the editor, and anything an import or API client still sends as Markdown, are turned
 * into the same HTML on write and once at bootstrap, so the editor never opens Markdown and the site
 * has one input format.
 */
export const RICH_HTML_FIELDS = {
  'api::article.article': ['body'],
  'api::site-setting.site-setting': ['footer', 'about'],
} as const;

// What the editor writes always starts with one of its block elements; Markdown never does.
const HTML_BLOCK = /^<(p|h[1-6]|ul|ol|figure|table|blockquote|pre|hr|div|iframe)[\s>/]/i;

export const isHtml = (value: string) => HTML_BLOCK.test(value.trimStart());

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const figure = (image: Tokens.Image) => {
  const img = `<img src="${escapeHtml(image.href)}" alt="${escapeHtml(image.text)}">`;
  return image.title ? `<figure>${img}<figcaption>${escapeHtml(image.title)}</figcaption></figure>` : `<figure>${img}</figure>`;
};

const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // An image alone in its paragraph is a figure; its Markdown title becomes the caption (as the editor writes it).
    paragraph(token) {
      const tokens = token.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
      if (tokens.length === 1 && tokens[0]!.type === 'image') return figure(tokens[0] as Tokens.Image);
      return false;
    },
  },
});

/**
 * A stored rich-text value as the editor's HTML, NFC-normalised (Vietnamese typed with some IMEs or
 * pasted from Word arrives decomposed). Idempotent: HTML comes back unchanged but for normalisation.
 */
export const toRichHtml = (value: string): string => {
  const text = value.normalize('NFC');
  if (!text.trim() || isHtml(text)) return text;
  return (markdown.parse(text, { async: false }) as string).trim();
};
