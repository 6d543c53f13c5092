import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { resolveMediaUrl } from './media.ts';

/** Only these hosts may be embedded with <iframe> (video embeds). */
export const ALLOWED_IFRAME_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com'];

export interface RichTextOptions {
  /** STRAPI_URL: relative "/uploads/…" links and images in the body are resolved against it. */
  cmsUrl?: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const resolveUpload = (value: string | undefined, cmsUrl: string | undefined): string | undefined => {
  if (!value || !cmsUrl) return value;
  return /^\/?uploads\//.test(value) ? resolveMediaUrl(value, cmsUrl) : value;
};

const sanitizeOptions = (options: RichTextOptions): sanitizeHtml.IOptions => ({
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'span',
    'a', 'img', 'figure', 'figcaption', 'iframe',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
    abbr: ['title'],
    ol: ['start', 'reversed'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
  },
  // No style/class/on* attribute anywhere: nothing to carry expression() or handlers.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedIframeHostnames: ALLOWED_IFRAME_HOSTS,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'xmp', 'iframe', 'object', 'embed'],
  enforceHtmlBoundary: false,
  transformTags: {
    // The page's title is its only h1.
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = resolveUpload(attribs.href, options.cmsUrl);
      const out: sanitizeHtml.Attributes = { ...attribs };
      if (href) out.href = href;
      if (out.target === '_blank' || (href && /^https?:/i.test(href))) {
        // Outside links never get window.opener or the referrer.
        if (out.target && out.target !== '_blank') delete out.target;
        out.rel = 'noopener noreferrer';
      } else {
        delete out.target;
        delete out.rel;
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(attribs.src ? { src: resolveUpload(attribs.src, options.cmsUrl) ?? '' } : {}),
        alt: attribs.alt ?? '',
        loading: 'lazy',
        decoding: 'async',
      },
    }),
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        title: attribs.title || 'Video',
        loading: 'lazy',
        referrerpolicy: 'strict-origin-when-cross-origin',
      },
    }),
  },
  exclusiveFilter: (frame) =>
    // An iframe whose src was removed (unknown host or bad scheme) or an image without a source is dropped whole.
    (frame.tag === 'iframe' && !frame.attribs.src) || (frame.tag === 'img' && !frame.attribs.src),
});

/** Sanitizes HTML from the CMS: only document markup survives; no script, handler, style or foreign embed. */
export const sanitizeRichHtml = (html: string | null | undefined, options: RichTextOptions = {}): string =>
  html ? sanitizeHtml(html, sanitizeOptions(options)) : '';

const figure = (image: Tokens.Image) => {
  const img = `<img src="${escapeHtml(image.href)}" alt="${escapeHtml(image.text)}">`;
  return image.title
    ? `<figure>${img}<figcaption>${escapeHtml(image.title)}</figcaption></figure>\n`
    : `<figure>${img}</figure>\n`;
};

const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // An image alone in its paragraph is a figure; its Markdown title becomes the caption.
    paragraph(token) {
      const tokens = token.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
      if (tokens.length === 1 && tokens[0]!.type === 'image') return figure(tokens[0] as Tokens.Image);
      return false;
    },
  },
});

/**
 * Strapi richtext (Markdown with inline HTML) → safe HTML: rendered with marked, then sanitized.
 * Never hand the unsanitized marked output to a page.
 */
export const renderRichText = (source: string | null | undefined, options: RichTextOptions = {}): string => {
  if (!source || !source.trim()) return '';
  const html = markdown.parse(source, { async: false }) as string;
  return sanitizeRichHtml(html, options);
};

/** Plain text of rich content (for meta descriptions, search folding and RSS summaries). */
export const richTextToPlain = (html: string): string =>
  sanitizeHtml(html.replace(/<\/?(p|h[1-6]|li|div|figure|tr|td|th|blockquote|br)\b[^>]*>/gi, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'iframe', 'textarea', 'noscript'],
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
