/**
 * The site's one rich-text pipeline. Bodies are HTML written by the admin's editor (or converted to
 * HTML on every write, see cms/src/utils/rich-html.ts). Each body is parsed once into a hast tree:
 *
 *   rehype-parse → rehype-sanitize (RICH_TEXT_SCHEMA) → transforms on the tree
 *
 * and the page stringifies that tree after its own image step (web/src/lib/body.ts). No string
 * rewriting of HTML anywhere, no second parse.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { resolveMediaUrl } from './media.ts';

export type RichText = Root;

/** Only these hosts may be embedded with <iframe> (video embeds), always over https. */
export const ALLOWED_IFRAME_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com'];

/**
 * Paragraph alignment as the admin's editor writes it (cms/src/admin/rich-html/extensions.ts,
 * ALIGN_CLASSES): a class, never a style attribute, so the allowlist stays free of CSS.
 */
export const ALIGN_CLASSES = ['align-center', 'align-right', 'align-justify'] as const;

/** The class of the box that lets a wide table scroll sideways on a phone (styled in global.css). */
export const TABLE_SCROLL_CLASS = 'table-scroll';

const alignable = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'th', 'td', 'figure', 'blockquote'];
const ALIGN_ATTRIBUTE: [string, ...string[]] = ['className', ...ALIGN_CLASSES];

/** The one allowlist: document markup only — no script, handler, style, form or foreign embed. */
export const RICH_TEXT_SCHEMA: SanitizeSchema = {
  tagNames: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'span',
    'a', 'img', 'figure', 'figcaption', 'iframe',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  ],
  attributes: {
    ...Object.fromEntries(alignable.map((tag) => [tag, [ALIGN_ATTRIBUTE]])),
    a: ['href', 'title', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen'],
    abbr: ['title'],
    ol: ['start', 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    th: [ALIGN_ATTRIBUTE, 'colSpan', 'rowSpan', ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    td: [ALIGN_ATTRIBUTE, 'colSpan', 'rowSpan'],
    col: ['span'],
    colgroup: ['span'],
  },
  // Relative URLs ("/uploads/a.jpg", "/tin-tuc/x/") are always allowed; absolute ones need these schemes.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'], cite: ['http', 'https'] },
  ancestors: {
    li: ['ol', 'ul'],
    dt: ['dl'],
    dd: ['dl'],
    tbody: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    caption: ['table'],
    colgroup: ['table'],
    col: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    figcaption: ['figure'],
  },
  // Removed with everything inside (other unknown elements are unwrapped and keep their text).
  strip: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'xmp', 'object', 'embed', 'title', 'head'],
  clobber: [],
  clobberPrefix: '',
};

export interface RichTextOptions {
  /** Base URL that relative "/uploads/…" links and images are resolved against (resolveMediaUrl). */
  mediaBase: string;
}

const isUploadPath = (value: string) => /^\/?uploads\//.test(value);
const resolveUpload = (value: string, mediaBase: string) =>
  isUploadPath(value) ? (resolveMediaUrl(value, mediaBase) ?? value) : value;

const allowedIframe = (src: unknown): boolean => {
  if (typeof src !== 'string') return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && ALLOWED_IFRAME_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
};

const tableLabel = (table: Element): string => {
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const text = caption ? toText(caption).trim() : '';
  return text ? `Bảng: ${text}` : 'Bảng';
};

/** What the site adds after sanitizing: h1 demoted, URLs resolved, safe link targets, lazy media, scrollable tables. */
const transform = (tree: Root, { mediaBase }: RichTextOptions) => {
  visit(tree, (node, index, parent) => {
    delete node.position;
    if (node.type !== 'element') return;
    const props = node.properties;
    // A class outside the allowlist leaves an empty list behind.
    if (Array.isArray(props.className) && props.className.length === 0) delete props.className;
    switch (node.tagName) {
      case 'h1':
        // The page's title is its only h1.
        node.tagName = 'h2';
        break;
      case 'a': {
        const href = typeof props.href === 'string' ? resolveUpload(props.href, mediaBase) : undefined;
        if (href) props.href = href;
        // Outside links never get window.opener or the referrer; inside links stay in the tab.
        if (href && /^https?:/i.test(href)) {
          if (props.target !== '_blank') delete props.target;
          props.rel = ['noopener', 'noreferrer'];
        } else {
          delete props.target;
        }
        break;
      }
      case 'img': {
        if (typeof props.src !== 'string' || !props.src.trim()) {
          if (parent && index !== undefined) {
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          break;
        }
        props.src = resolveUpload(props.src, mediaBase);
        props.alt = typeof props.alt === 'string' ? props.alt : '';
        props.loading = 'lazy';
        props.decoding = 'async';
        break;
      }
      case 'iframe':
        if (!allowedIframe(props.src)) {
          if (parent && index !== undefined) {
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          break;
        }
        props.title = typeof props.title === 'string' && props.title ? props.title : 'Video';
        props.loading = 'lazy';
        props.referrerPolicy = 'strict-origin-when-cross-origin';
        break;
      case 'table':
        if (parent && index !== undefined) {
          // A named region (<section> with a label) with a tab stop: keyboard users can scroll it too.
          const box = h('section', { className: [TABLE_SCROLL_CLASS], ariaLabel: tableLabel(node), tabIndex: 0 }, [node]);
          parent.children[index] = box as ElementContent;
        }
        break;
    }
    return undefined;
  });
  return tree;
};

const parser = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, RICH_TEXT_SCHEMA);

/** HTML from the CMS → a sanitized, transformed tree. Parsed exactly once. */
export const parseRichText = (html: string | null | undefined, options: RichTextOptions): RichText => {
  if (!html || !html.trim()) return { type: 'root', children: [] };
  const tree = parser.runSync(parser.parse(html)) as Root;
  return transform(tree, options);
};

/** The tree as HTML (already safe: it went through parseRichText). */
export const richTextToHtml = (tree: RichText): string => toHtml(tree);

/** Plain text (meta descriptions, search folding, RSS summaries): blocks separated by spaces. */
export const richTextToPlain = (tree: RichText): string => toText(tree).replace(/\s+/g, ' ').trim();

/** Every <img> element of the tree, in document order (the site's image step rewrites them). */
export const richTextImages = (tree: RichText): Element[] => {
  const images: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') images.push(node);
  });
  return images;
};
