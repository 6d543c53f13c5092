import sanitizeHtml from 'sanitize-html';

/**
 * Every URL an old body points at (images and links), so their files can be copied into the media
 * library before the body is rewritten. Parsed by sanitize-html's HTML parser, never by regex.
 */
export const bodyUrls = (html: string): string[] => {
  const urls: string[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    // Only read, never output: nothing of this pass is stored.
    allowVulnerableTags: true,
    transformTags: {
      '*': (tagName, attribs) => {
        if (tagName === 'img' && attribs.src) urls.push(attribs.src);
        if (tagName === 'a' && attribs.href) urls.push(attribs.href);
        return { tagName, attribs };
      },
    },
  });
  return urls;
};

const ALIGNMENTS = ['center', 'right', 'justify'];

/** NukeViet's CKEditor writes alignment as a style or an align attribute; the editor writes a class. */
const alignClass = (attribs: Record<string, string>): Record<string, string> => {
  const style = /text-align\s*:\s*(\w+)/i.exec(attribs.style ?? '')?.[1] ?? attribs.align ?? '';
  const alignment = style.toLowerCase();
  return ALIGNMENTS.includes(alignment) ? { class: `align-${alignment}` } : {};
};

const block = (tagName: string) => (_: string, attribs: Record<string, string>) => ({ tagName, attribs: alignClass(attribs) });

/**
 * An old body as the admin's editor would store it (cms/src/admin/rich-html/extensions.ts): its
 * elements only (h2–h4, paragraphs, lists, quotes, tables, links, images), alignment as classes,
 * no style, font, class, script or embed (the editor has no place for an iframe). `rewrite` gives each image/link URL its new address,
 * or null for an image whose file is missing (the image is dropped, the report names it).
 */
export const cleanBody = (html: string, rewrite: (url: string) => string | null): string =>
  sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'hr', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img', 'figcaption'],
    allowedAttributes: {
      a: ['href'],
      img: ['src', 'alt'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
    },
    allowedClasses: Object.fromEntries(['p', 'h2', 'h3', 'h4'].map((tag) => [tag, ALIGNMENTS.map((a) => `align-${a}`)])),
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: {
      p: block('p'),
      div: block('p'),
      h1: block('h2'),
      h2: block('h2'),
      h3: block('h3'),
      h4: block('h4'),
      h5: block('h4'),
      h6: block('h4'),
      b: 'strong',
      i: 'em',
      strike: 's',
      del: 's',
      img: (tagName, attribs) => ({ tagName, attribs: { src: rewrite(attribs.src ?? '') ?? '', alt: attribs.alt ?? '' } }),
      a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: attribs.href ? { href: rewrite(attribs.href) ?? attribs.href } : {} }),
    },
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) ||
      (frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length),
  })
    .replace(/&nbsp;/g, '\u00a0')
    .trim()
    .normalize('NFC');
