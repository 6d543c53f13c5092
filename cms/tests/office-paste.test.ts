// @vitest-environment jsdom
// Pasting from Word, LibreOffice and Google Docs into the body editor, through ProseMirror's own
// paste path (view.pasteHTML runs transformPastedHTML and the schema's parse rules, as a real paste does).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Editor } from '@tiptap/core';
import { afterEach, expect, it } from 'vitest';
import { bodyExtensions, storedHtml } from '../src/admin/rich-html/extensions';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', 'paste', name), 'utf8');

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) {
    // Destroying a view with DOM changes not yet read schedules ProseMirror's read 20 ms later,
    // which would then run after this file's document is gone: read them now.
    (editor.view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
    editor.destroy();
  }
});

const newEditor = () => {
  const editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions() });
  editors.push(editor);
  return editor;
};

const paste = (html: string) => {
  const editor = newEditor();
  // jsdom has no ClipboardEvent; the paste path only needs an event to attach to.
  editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  return storedHtml(editor);
};

// Nothing of Office's own markup or of the source document's look may reach the stored HTML.
const NOISE = [/mso-/i, /<o:p/i, /\bMso/, /style=/i, /<span/i, /<font/i, /face=/i, /color/i, /lang=/i, /font-family/i, /<!--/, /<meta/i, /<b\b/i, /colwidth/i, /&nbsp;/];
const expectClean = (html: string) => {
  for (const pattern of NOISE) expect(html, `${pattern} in ${html}`).not.toMatch(pattern);
};
const cells = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')));

it('pastes a Word document with its heading, bulleted and numbered lists, 3×3 table, bold text and link, and no Office markup', () => {
  const html = paste(fixture('word.html'));
  expect(html).toContain('<h2>Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2021</h2>');
  expect(html).toContain('<strong>Ban Thường vụ Thị ủy Phổ Yên</strong>');
  expect(html).toContain('<a href="https://phoyen.thainguyen.gov.vn/bao-cao-so-ket">Cổng thông tin điện tử thị xã</a>');
  // Word's lists are paragraphs with a Symbol-font bullet: they come back as real lists, bullets gone.
  expect(html).toContain('<ul><li><p>Tổ chức học tập, quán triệt nghị quyết</p></li><li><p>Kiện toàn tổ chức cơ sở đảng</p></li><li><p>Phát triển đảng viên mới</p></li></ul>');
  expect(html).toContain('<ol><li><p>Xây dựng kế hoạch</p></li><li><p>Báo cáo kết quả</p></li></ol>');
  expect(html).not.toContain('·');
  expect(cells(html)).toEqual([
    ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
    ['Kết nạp đảng viên', '120', '98'],
    ['Chi bộ trong sạch, vững mạnh', '45', '47'],
  ]);
  expect(html).toContain('<td><p class="align-center"><strong>Chỉ tiêu</strong></p></td>');
  expect(html).toContain('<em>Nguồn: Văn phòng Thị ủy</em>');
  // Word's spacing paragraph (<o:p>&nbsp;</o:p>) is gone.
  expect(html).not.toMatch(/<p><\/p><ul>/);
  expectClean(html);
});

it('pastes from LibreOffice Writer: heading, bold, link, list and table, without <font> or colours', () => {
  const html = paste(fixture('libreoffice.html'));
  expect(html).toContain('<h2>Kế hoạch tuyên truyền tháng 7</h2>');
  expect(html).toContain('<p class="align-justify">Ban Tuyên giáo hướng dẫn <strong>tuyên truyền kỷ niệm</strong> ngày thành lập. Xem <a href="https://btgtu.thainguyen.gov.vn/huong-dan">hướng dẫn chi tiết</a>.</p>');
  expect(html).toContain('<ul><li><p>Treo băng rôn, khẩu hiệu</p></li><li><p>Tổ chức tọa đàm</p></li></ul>');
  expect(cells(html)).toEqual([
    ['Thời gian', 'Nội dung'],
    ['01/7', 'Khai mạc'],
  ]);
  expectClean(html);
});

it('pastes from Google Docs: the document-wide <b style="font-weight:normal"> is not bold, weight 700 is', () => {
  const html = paste(fixture('google-docs.html'));
  expect(html).toContain('<h2>Thông báo lịch tiếp công dân</h2>');
  expect(html).toMatch(/^<h2>/);
  expect(html).toContain('<p>Bí thư Thị ủy <strong>tiếp công dân định kỳ</strong><em> vào ngày 15 hằng tháng</em>, xem <a href="https://phoyen.thainguyen.gov.vn/lich-tiep-dan">');
  expect(html).toContain('<ol><li><p>Đăng ký trước hai ngày</p></li><li><p>Mang theo căn cước</p></li></ol>');
  expect(cells(html)).toEqual([
    ['Ngày', 'Người tiếp'],
    ['15/7', 'Bí thư Thị ủy'],
  ]);
  expectClean(html);
});

it('keeps plain HTML from a web page as it is, and drops images the site could not show', () => {
  const html = paste(
    '<h3>Mục nhỏ</h3><p>Đoạn <u>gạch chân</u></p><blockquote><p>Trích dẫn</p></blockquote>' +
      '<figure><img src="/uploads/anh.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>' +
      '<p><img src="file:///C:/Users/VANPHONG/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"></p>',
  );
  expect(html).toBe(
    '<h3>Mục nhỏ</h3><p>Đoạn <u>gạch chân</u></p><blockquote><p>Trích dẫn</p></blockquote>' +
      '<figure><img src="/uploads/anh.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>',
  );
});

it('stores Vietnamese composed (NFC) whether pasted or typed decomposed (NFD)', () => {
  const nfd = 'Nghị quyết Đại hội Đảng bộ'.normalize('NFD');
  expect(nfd).not.toBe(nfd.normalize('NFC'));
  expect(paste(`<p>${nfd}</p>`)).toBe('<p>Nghị quyết Đại hội Đảng bộ</p>');

  const typing = newEditor();
  typing.commands.insertContent(nfd);
  expect(typing.getHTML()).toBe(`<p>${nfd}</p>`);
  expect(storedHtml(typing)).toBe('<p>Nghị quyết Đại hội Đảng bộ</p>');
});

it('stores an empty body as empty, not as an empty paragraph', () => {
  expect(storedHtml(newEditor())).toBe('');
});
