/**
 * The body field in the admin: a WYSIWYG editor (Tiptap/ProseMirror, bundled into the admin — no CDN,
 * works offline) storing HTML. Every label, tooltip and dialog is Vietnamese: the editors read
 * nothing else. Images come from Strapi's media library, with caption and alt text.
 */
import * as React from 'react';
import { createPortal } from 'react-dom';
import { createDocument } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useStrapiApp } from '@strapi/strapi/admin';
import styled from 'styled-components';
import { bodyExtensions, storedHtml, type FigureAttributes } from './extensions';

interface Props {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: string | null;
  onChange: (name: string, value: string) => void;
  labelAction?: React.ReactNode;
}

/** What the media library hands back for a chosen file. */
interface Asset {
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  name?: string;
  mime?: string;
}

type MediaLibraryDialog = React.ComponentType<{
  allowedTypes?: string[];
  multiple?: boolean;
  onClose: () => void;
  onSelectAssets: (assets: Asset[]) => void;
}>;

const t = (theme: any, color: string, fallback: string) => theme?.colors?.[color] ?? fallback;

const Wrapper = styled.div<{ $error: boolean }>`
  border: 1px solid ${({ theme, $error }) => ($error ? t(theme, 'danger600', '#d02b20') : t(theme, 'neutral200', '#dcdce4'))};
  border-radius: 4px;
  background: ${({ theme }) => t(theme, 'neutral0', '#fff')};
  color: ${({ theme }) => t(theme, 'neutral800', '#32324d')};
  &:focus-within {
    border-color: ${({ theme }) => t(theme, 'primary600', '#4945ff')};
  }
`;

const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 2px;
  padding: 4px;
  border-bottom: 1px solid ${({ theme }) => t(theme, 'neutral200', '#dcdce4')};
  background: ${({ theme }) => t(theme, 'neutral100', '#f6f6f9')};
  position: sticky;
  top: 0;
  z-index: 1;
  select,
  button {
    font: inherit;
    font-size: 1.3rem;
    min-height: 32px;
    border: 1px solid transparent;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    cursor: pointer;
    padding: 0 8px;
  }
  button[aria-pressed='true'] {
    background: ${({ theme }) => t(theme, 'primary100', '#f0f0ff')};
    border-color: ${({ theme }) => t(theme, 'primary200', '#d9d8ff')};
    color: ${({ theme }) => t(theme, 'primary700', '#271fe0')};
  }
  button:hover:not(:disabled) {
    background: ${({ theme }) => t(theme, 'neutral200', '#dcdce4')};
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  select {
    border-color: ${({ theme }) => t(theme, 'neutral200', '#dcdce4')};
    background: ${({ theme }) => t(theme, 'neutral0', '#fff')};
  }
`;

const Separator = styled.span`
  width: 1px;
  margin: 4px 4px;
  background: ${({ theme }) => t(theme, 'neutral200', '#dcdce4')};
`;

const Content = styled.div`
  .ProseMirror {
    min-height: 320px;
    max-height: 70vh;
    overflow-y: auto;
    padding: 12px 16px;
    font-size: 1.5rem;
    line-height: 1.6;
    outline: none;
  }
  .ProseMirror h2 { font-size: 2rem; font-weight: 600; margin: 1.2em 0 0.4em; }
  .ProseMirror h3 { font-size: 1.75rem; font-weight: 600; margin: 1em 0 0.4em; }
  .ProseMirror h4 { font-size: 1.6rem; font-weight: 600; margin: 1em 0 0.4em; }
  .ProseMirror p { margin: 0 0 0.75em; }
  .ProseMirror ul { list-style: disc; padding-left: 2em; margin: 0 0 0.75em; }
  .ProseMirror ol { list-style: decimal; padding-left: 2em; margin: 0 0 0.75em; }
  .ProseMirror li > p { margin: 0; }
  .ProseMirror strong { font-weight: 700; }
  .ProseMirror em { font-style: italic; }
  .ProseMirror u { text-decoration: underline; }
  .ProseMirror a { color: ${({ theme }) => t(theme, 'primary600', '#4945ff')}; text-decoration: underline; }
  .ProseMirror blockquote { border-left: 4px solid ${({ theme }) => t(theme, 'neutral300', '#c0c0cf')}; padding-left: 1em; margin: 0 0 0.75em; font-style: italic; }
  .ProseMirror table { border-collapse: collapse; margin: 0 0 0.75em; width: 100%; }
  .ProseMirror td, .ProseMirror th { border: 1px solid ${({ theme }) => t(theme, 'neutral300', '#c0c0cf')}; padding: 4px 8px; vertical-align: top; min-width: 4em; }
  .ProseMirror th { font-weight: 600; background: ${({ theme }) => t(theme, 'neutral100', '#f6f6f9')}; }
  .ProseMirror .selectedCell { background: ${({ theme }) => t(theme, 'primary100', '#f0f0ff')}; }
  .ProseMirror figure { margin: 0 0 0.75em; text-align: center; }
  .ProseMirror figure img { max-width: 100%; height: auto; display: inline-block; }
  .ProseMirror figcaption { font-style: italic; font-size: 1.3rem; }
  .ProseMirror figure.ProseMirror-selectednode { outline: 3px solid ${({ theme }) => t(theme, 'primary600', '#4945ff')}; }
  .ProseMirror .align-center { text-align: center; }
  .ProseMirror .align-right { text-align: right; }
  .ProseMirror .align-justify { text-align: justify; }
  .ProseMirror p.is-editor-empty:first-child::before { content: attr(data-placeholder); float: left; height: 0; pointer-events: none; opacity: 0.5; }
`;

const Label = styled.label`
  display: block;
  font-size: 1.2rem;
  font-weight: 600;
  line-height: 1.33;
  margin-bottom: 4px;
  color: ${({ theme }) => t(theme, 'neutral800', '#32324d')};
`;
const Hint = styled.p`
  font-size: 1.2rem;
  margin-top: 4px;
  color: ${({ theme }) => t(theme, 'neutral600', '#666687')};
`;
const ErrorText = styled.p`
  font-size: 1.2rem;
  margin-top: 4px;
  color: ${({ theme }) => t(theme, 'danger600', '#d02b20')};
`;

const DialogBox = styled.dialog`
  border: 0;
  border-radius: 4px;
  padding: 24px;
  width: min(560px, 92vw);
  box-shadow: 0 2px 15px rgba(33, 33, 52, 0.25);
  background: ${({ theme }) => t(theme, 'neutral0', '#fff')};
  color: ${({ theme }) => t(theme, 'neutral800', '#32324d')};
  &::backdrop { background: rgba(33, 33, 52, 0.4); }
  h2 { font-size: 1.6rem; font-weight: 600; margin-bottom: 16px; }
  label { display: block; font-size: 1.2rem; font-weight: 600; margin: 12px 0 4px; }
  input { width: 100%; font: inherit; font-size: 1.4rem; padding: 8px 12px; border: 1px solid ${({ theme }) => t(theme, 'neutral200', '#dcdce4')}; border-radius: 4px; background: inherit; color: inherit; }
  img { max-width: 100%; max-height: 200px; display: block; margin: 0 auto 8px; }
  .actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
  .actions button { font: inherit; font-size: 1.3rem; padding: 8px 16px; border-radius: 4px; cursor: pointer; border: 1px solid ${({ theme }) => t(theme, 'neutral200', '#dcdce4')}; background: inherit; color: inherit; }
  .actions button[type='submit'] { background: ${({ theme }) => t(theme, 'primary600', '#4945ff')}; border-color: transparent; color: #fff; }
`;

interface Field {
  name: string;
  label: string;
  value: string;
  type?: string;
  placeholder?: string;
}

/**
 * A small modal form (native <dialog>: focus trap and Escape come with it), rendered outside the
 * entry's own <form> so submitting it never submits (saves) the entry.
 */
const FormDialog = ({ title, fields, submitLabel, preview, onSubmit, onClose }: {
  title: string;
  fields: Field[];
  submitLabel: string;
  preview?: string;
  onSubmit: (values: Record<string, string>) => void;
  onClose: () => void;
}) => {
  const ref = React.useRef<HTMLDialogElement>(null);
  const [values, setValues] = React.useState(() => Object.fromEntries(fields.map((f) => [f.name, f.value])));
  React.useEffect(() => {
    ref.current?.showModal();
  }, []);
  return createPortal(
    <DialogBox ref={ref} aria-label={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // React events bubble through portals: keep this submit away from the entry's form.
          event.stopPropagation();
          onSubmit(values);
        }}
      >
        <h2>{title}</h2>
        {preview && <img src={preview} alt="" />}
        {fields.map((field) => (
          <React.Fragment key={field.name}>
            <label htmlFor={`rich-html-${field.name}`}>{field.label}</label>
            <input
              id={`rich-html-${field.name}`}
              type={field.type ?? 'text'}
              value={values[field.name]}
              placeholder={field.placeholder}
              onChange={(event) => setValues((v) => ({ ...v, [field.name]: event.target.value }))}
            />
          </React.Fragment>
        ))}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit">{submitLabel}</button>
        </div>
      </form>
    </DialogBox>,
    document.body,
  );
};

const Button = ({ label, onClick, active, disabled, children }: {
  label: string;
  onClick: () => void;
  active?: boolean;
  disabled?: boolean;
  children: React.ReactNode;
}) => (
  <button
    type="button"
    title={label}
    aria-label={label}
    aria-pressed={active === undefined ? undefined : active}
    disabled={disabled}
    // Keep the selection in the editor while clicking the toolbar.
    onMouseDown={(event) => event.preventDefault()}
    onClick={onClick}
  >
    {children}
  </button>
);

const BLOCKS = [
  { value: 'p', label: 'Đoạn văn' },
  { value: '2', label: 'Tiêu đề lớn' },
  { value: '3', label: 'Tiêu đề vừa' },
  { value: '4', label: 'Tiêu đề nhỏ' },
] as const;

const uploadSrc = (url: string) => {
  // The library returns "/uploads/…" for local files: stored relative, so the site resolves it against its own CMS address.
  if (/^https?:\/\//i.test(url)) {
    const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL;
    if (backend && url.startsWith(`${backend.replace(/\/+$/, '')}/uploads/`)) return url.slice(backend.replace(/\/+$/, '').length);
  }
  return url;
};

const Toolbox = ({ editor, disabled, onImage, onLink, onEditImage }: {
  editor: Editor;
  disabled: boolean;
  onImage: () => void;
  onLink: () => void;
  onEditImage: () => void;
}) => {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: e.isActive('heading', { level: 2 }) ? '2' : e.isActive('heading', { level: 3 }) ? '3' : e.isActive('heading', { level: 4 }) ? '4' : 'p',
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      align: (['center', 'right', 'justify'] as const).find((a) => e.isActive({ textAlign: a })) ?? 'left',
      inTable: e.isActive('table'),
      figure: e.isActive('figure'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <Toolbar role="toolbar" aria-label="Định dạng nội dung">
      <select
        aria-label="Kiểu đoạn"
        title="Kiểu đoạn"
        value={state.block}
        disabled={disabled}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'p') chain().setParagraph().run();
          else chain().setHeading({ level: Number(value) as 2 | 3 | 4 }).run();
        }}
      >
        {BLOCKS.map((b) => (
          <option key={b.value} value={b.value}>
            {b.label}
          </option>
        ))}
      </select>
      <Separator />
      <Button label="In đậm (Ctrl+B)" active={state.bold} disabled={disabled} onClick={() => chain().toggleBold().run()}>
        <b>Đ</b>
      </Button>
      <Button label="In nghiêng (Ctrl+I)" active={state.italic} disabled={disabled} onClick={() => chain().toggleItalic().run()}>
        <i>N</i>
      </Button>
      <Button label="Gạch chân (Ctrl+U)" active={state.underline} disabled={disabled} onClick={() => chain().toggleUnderline().run()}>
        <u>G</u>
      </Button>
      <Separator />
      <Button label="Danh sách dấu chấm" active={state.bulletList} disabled={disabled} onClick={() => chain().toggleBulletList().run()}>
        • —
      </Button>
      <Button label="Danh sách đánh số" active={state.orderedList} disabled={disabled} onClick={() => chain().toggleOrderedList().run()}>
        1. —
      </Button>
      <Button label="Trích dẫn" active={state.blockquote} disabled={disabled} onClick={() => chain().toggleBlockquote().run()}>
        “ ”
      </Button>
      <Separator />
      <Button label="Chèn liên kết" active={state.link} disabled={disabled} onClick={onLink}>
        Liên kết
      </Button>
      <Button label="Bỏ liên kết" disabled={disabled || !state.link} onClick={() => chain().extendMarkRange('link').unsetLink().run()}>
        Bỏ liên kết
      </Button>
      <Separator />
      <Button label="Căn trái" active={state.align === 'left'} disabled={disabled} onClick={() => chain().unsetTextAlign().run()}>
        Trái
      </Button>
      <Button label="Căn giữa" active={state.align === 'center'} disabled={disabled} onClick={() => chain().setTextAlign('center').run()}>
        Giữa
      </Button>
      <Button label="Căn phải" active={state.align === 'right'} disabled={disabled} onClick={() => chain().setTextAlign('right').run()}>
        Phải
      </Button>
      <Button label="Căn đều hai bên" active={state.align === 'justify'} disabled={disabled} onClick={() => chain().setTextAlign('justify').run()}>
        Đều
      </Button>
      <Separator />
      <Button label="Chèn ảnh từ thư viện" disabled={disabled} onClick={onImage}>
        Ảnh
      </Button>
      <Button label="Sửa chú thích ảnh" disabled={disabled || !state.figure} onClick={onEditImage}>
        Sửa ảnh
      </Button>
      <Button label="Chèn bảng" disabled={disabled || state.inTable} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run()}>
        Bảng
      </Button>
      {state.inTable && (
        <>
          <Button label="Thêm hàng bên dưới" disabled={disabled} onClick={() => chain().addRowAfter().run()}>
            + Hàng
          </Button>
          <Button label="Thêm cột bên phải" disabled={disabled} onClick={() => chain().addColumnAfter().run()}>
            + Cột
          </Button>
          <Button label="Xóa hàng" disabled={disabled} onClick={() => chain().deleteRow().run()}>
            − Hàng
          </Button>
          <Button label="Xóa cột" disabled={disabled} onClick={() => chain().deleteColumn().run()}>
            − Cột
          </Button>
          <Button label="Xóa bảng" disabled={disabled} onClick={() => chain().deleteTable().run()}>
            Xóa bảng
          </Button>
        </>
      )}
      <Separator />
      <Button label="Hoàn tác (Ctrl+Z)" disabled={disabled || !state.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </Button>
      <Button label="Làm lại (Ctrl+Y)" disabled={disabled || !state.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </Button>
    </Toolbar>
  );
};

type Dialog =
  | { kind: 'library' }
  | { kind: 'figure'; attrs: FigureAttributes; editing: boolean }
  | { kind: 'link'; href: string };

const RichHtmlInput = React.forwardRef<HTMLDivElement, Props>(
  ({ name, label, hint, error, required, disabled = false, value, onChange, labelAction }, ref) => {
    const components = useStrapiApp('RichHtmlInput', (state) => state.components);
    const MediaLibrary = components['media-library'] as MediaLibraryDialog | undefined;
    const [dialog, setDialog] = React.useState<Dialog | undefined>();
    const emitted = React.useRef<string>(value ?? '');
    // The form's value as this editor writes it (worked out once per value).
    const canonical = React.useRef<{ of?: string; html: string }>({ html: '' });
    const labelId = `${name}-label`;

    const editor = useEditor({
      extensions: bodyExtensions(),
      content: value ?? '',
      editable: !disabled,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, spellcheck: 'true', lang: 'vi' },
      },
      onUpdate: ({ editor: e }) => {
        const html = storedHtml(e);
        // A value not written by this editor (Markdown converted by the server, an import) comes out
        // of it in a different spelling, and the editor adjusts a document once mounted: neither is an
        // edit, and reporting it would mark an untouched form as changed ("leave without saving?").
        if (canonical.current.of !== emitted.current) {
          canonical.current = { of: emitted.current, html: storedHtml(e, createDocument(emitted.current, e.schema)) };
        }
        if (html === canonical.current.html) return;
        emitted.current = html;
        canonical.current = { of: html, html };
        onChange(name, html);
      },
    });

    // The form may replace the value (another locale, a discarded draft): show it unless it is what we sent.
    React.useEffect(() => {
      const next = value ?? '';
      if (!editor || next === emitted.current) return;
      emitted.current = next;
      editor.commands.setContent(next, { emitUpdate: false });
    }, [editor, value]);

    React.useEffect(() => {
      editor?.setEditable(!disabled);
    }, [editor, disabled]);

    const close = () => {
      setDialog(undefined);
      editor?.commands.focus();
    };

    return (
      <div ref={ref}>
        <Label id={labelId} htmlFor={name} onClick={() => editor?.commands.focus()}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
          {labelAction}
        </Label>
        <Wrapper $error={Boolean(error)}>
          {editor && (
            <Toolbox
              editor={editor}
              disabled={disabled}
              onImage={() => setDialog({ kind: 'library' })}
              onLink={() => setDialog({ kind: 'link', href: editor.getAttributes('link').href ?? '' })}
              onEditImage={() => setDialog({ kind: 'figure', attrs: editor.getAttributes('figure') as FigureAttributes, editing: true })}
            />
          )}
          <Content>
            <EditorContent editor={editor} id={name} />
          </Content>
        </Wrapper>
        {error ? <ErrorText role="alert">{error}</ErrorText> : hint ? <Hint>{hint}</Hint> : null}

        {dialog?.kind === 'library' && MediaLibrary && (
          <MediaLibrary
            allowedTypes={['images']}
            multiple={false}
            onClose={close}
            onSelectAssets={(assets) => {
              const asset = assets[0];
              if (!asset) return close();
              setDialog({
                kind: 'figure',
                editing: false,
                attrs: { src: uploadSrc(asset.url), alt: asset.alternativeText ?? '', caption: asset.caption && asset.caption !== asset.name ? asset.caption : '' },
              });
            }}
          />
        )}
        {dialog?.kind === 'figure' && (
          <FormDialog
            title={dialog.editing ? 'Sửa ảnh trong bài' : 'Chèn ảnh vào bài'}
            preview={dialog.attrs.src}
            submitLabel={dialog.editing ? 'Lưu' : 'Chèn ảnh'}
            fields={[
              { name: 'caption', label: 'Chú thích ảnh', value: dialog.attrs.caption, placeholder: 'Hiện dưới ảnh, ví dụ: Quang cảnh hội nghị. (Ảnh: Minh Anh)' },
              { name: 'alt', label: 'Mô tả ảnh cho người khiếm thị (văn bản thay thế)', value: dialog.attrs.alt },
            ]}
            onClose={close}
            onSubmit={({ caption, alt }) => {
              const attrs = { src: dialog.attrs.src, caption: caption!.trim(), alt: alt!.trim() };
              if (dialog.editing) editor?.chain().focus().updateAttributes('figure', attrs).run();
              else editor?.chain().focus().insertContent({ type: 'figure', attrs }).run();
              setDialog(undefined);
            }}
          />
        )}
        {dialog?.kind === 'link' && (
          <FormDialog
            title="Chèn liên kết"
            submitLabel="Lưu liên kết"
            fields={[{ name: 'href', label: 'Địa chỉ liên kết', value: dialog.href, type: 'text', placeholder: 'https://…' }]}
            onClose={close}
            onSubmit={({ href }) => {
              const url = href!.trim();
              const chain = editor!.chain().focus().extendMarkRange('link');
              (url ? chain.setLink({ href: url }) : chain.unsetLink()).run();
              setDialog(undefined);
            }}
          />
        )}
      </div>
    );
  },
);

export default RichHtmlInput;
