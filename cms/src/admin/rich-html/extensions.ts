/**
 * The body editor's document model (Tiptap/ProseMirror). Whatever is pasted is parsed against this
 * schema, so Office noise with no place in it — fonts, colours, sizes, classes, empty spans,
 * <o:p> — never reaches the stored HTML. What the schema cannot know, Word's fake lists
 * (<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"> with bullet spans), is rebuilt into
 * real lists first by @intevation/tiptap-extension-office-paste.
 *
 * The HTML written here is what the site's allowlist accepts (shared/src/rich-text.ts): keep the
 * alignment classes and the figure markup in step with RICH_TEXT_SCHEMA there.
 */
import { Extension, Node, getHTMLFromFragment, mergeAttributes, type AnyExtension, type Editor } from '@tiptap/core';
import Heading from '@tiptap/extension-heading';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import StarterKit from '@tiptap/starter-kit';
import OfficePaste from '@intevation/tiptap-extension-office-paste';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Paragraph alignment is a class (ALIGN_CLASSES in shared/src/rich-text.ts), never a style. */
export const ALIGNMENTS = ['center', 'right', 'justify'] as const;
type Alignment = (typeof ALIGNMENTS)[number];

const alignmentOf = (element: HTMLElement): Alignment | null => {
  for (const alignment of ALIGNMENTS) if (element.classList.contains(`align-${alignment}`)) return alignment;
  // Word, LibreOffice and Google Docs write alignment as a style (or the old align attribute).
  const styled = (element.style.textAlign || element.getAttribute('align') || '').toLowerCase();
  return (ALIGNMENTS as readonly string[]).includes(styled) ? (styled as Alignment) : null;
};

const ClassAlign = TextAlign.extend({
  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          textAlign: {
            default: null,
            parseHTML: alignmentOf,
            renderHTML: (attributes: { textAlign?: string | null }) =>
              attributes.textAlign && (ALIGNMENTS as readonly string[]).includes(attributes.textAlign)
                ? { class: `align-${attributes.textAlign}` }
                : {},
          },
        },
      },
    ];
  },
}).configure({ types: ['heading', 'paragraph'], alignments: ['left', ...ALIGNMENTS] });

/** The article title is the page's h1: headings in the body are h2–h4; pasted h1 and h5/h6 fit in. */
const BodyHeading = Heading.extend({
  parseHTML() {
    return [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ];
  },
}).configure({ levels: [2, 3, 4] });

// Images come from the media library or the web; a pasted file:///C:/… (Word) or data: URL cannot be shown to readers.
const usableSrc = (src: string | null): src is string => !!src && (/^https?:\/\//i.test(src) || src.startsWith('/'));

export interface FigureAttributes {
  src: string;
  alt: string;
  caption: string;
}

/** An image with its caption: <figure><img src alt><figcaption>…</figcaption></figure>. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    // Written by renderHTML below, not as attributes of <figure>.
    return { src: { default: '', rendered: false }, alt: { default: '', rendered: false }, caption: { default: '', rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          const src = img?.getAttribute('src') ?? null;
          if (!usableSrc(src)) return false;
          return { src, alt: img?.getAttribute('alt') ?? '', caption: element.querySelector('figcaption')?.textContent?.trim() ?? '' };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (element) => {
          const src = element.getAttribute('src');
          return usableSrc(src) ? { src, alt: element.getAttribute('alt') ?? '', caption: '' } : false;
        },
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, caption } = node.attrs as FigureAttributes;
    const img = ['img', { src, alt }];
    return caption
      ? ['figure', mergeAttributes(HTMLAttributes, {}), img, ['figcaption', {}, caption]]
      : ['figure', mergeAttributes(HTMLAttributes, {}), img];
  },
});

// Column widths measured in Word points or Docs pixels mean nothing on a phone: tables are stored
// without widths or inline styles and the site lays them out (and lets them scroll sideways).
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ['table', HTMLAttributes, ['tbody', 0]];
  },
});
// Cell alignment lives on the paragraphs inside (a class), like everywhere else.
const plainCellAttributes = {
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
  align: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
};
const PlainCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), ...plainCellAttributes };
  },
});
const PlainHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), ...plainCellAttributes };
  },
});

// An empty paragraph, or one holding only spaces and line breaks.
const isBlank = (node: PMNode) => {
  if (node.type.name !== 'paragraph') return false;
  let blank = true;
  node.forEach((child) => {
    if (!(child.type.name === 'hardBreak' || (child.isText && !child.text?.trim()))) blank = false;
  });
  return blank;
};

/**
 * Whatever is pasted: Vietnamese from Word or a "tổ hợp" IME arrives decomposed (NFD) and is kept
 * composed (NFC); the empty paragraphs Office uses as spacing (<p><o:p>&nbsp;</o:p></p>) are dropped.
 */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          transformPastedHTML: (html) => html.normalize('NFC'),
          transformPastedText: (text) => text.normalize('NFC'),
          transformPasted: (slice) => {
            const kept: PMNode[] = [];
            slice.content.forEach((node) => {
              if (!isBlank(node)) kept.push(node);
            });
            return kept.length === slice.content.childCount || kept.length === 0
              ? slice
              : new Slice(Fragment.fromArray(kept), slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});

/**
 * What is stored (for `doc`, the editor's document unless given): the editor's HTML, composed (NFC) whatever the IME produced while typing, without
 * the empty paragraphs the editor keeps at the end so the cursor can get past a table or an image.
 */
export const storedHtml = (editor: Editor, doc: PMNode = editor.state.doc): string => {
  const { schema } = editor.state;
  const nodes: PMNode[] = [];
  doc.forEach((node) => nodes.push(node));
  while (nodes.length && isBlank(nodes.at(-1)!)) nodes.pop();
  return nodes.length ? getHTMLFromFragment(Fragment.fromArray(nodes), schema).normalize('NFC') : '';
};

export const bodyExtensions = (): AnyExtension[] => [
  StarterKit.configure({
    heading: false,
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      // The site decides rel/target per link (shared/src/rich-text.ts).
      HTMLAttributes: { target: null, rel: null },
    },
  }),
  BodyHeading,
  ClassAlign,
  PlainTable.configure({ resizable: false }),
  TableRow,
  PlainHeader,
  PlainCell,
  Figure,
  OfficePaste,
  PasteCleanup,
];
