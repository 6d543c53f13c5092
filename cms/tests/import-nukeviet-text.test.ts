// Text repair of the NukeViet importer, on strings alone (no CMS needed).
import { expect, it } from 'vitest';
import { cleanText, plainText, repairDoubleEncoding, type Repair } from '../src/import/nukeviet/text';
import { cleanBody } from '../src/import/nukeviet/body';
import { articleState } from '../src/import/nukeviet';

// What MySQL does when UTF-8 bytes are read as latin1 (Windows-1252) and stored again as UTF-8.
const doubleEncode = (text: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));

it('repairs double-encoded Vietnamese, including the C1 controls of Đ and ờ', () => {
  for (const text of ['Đảng bộ phường Ba Hàng', 'Người dân thành phố', 'Ủy ban nhân dân tỉnh Thái Nguyên']) {
    expect(doubleEncode(text)).not.toBe(text);
    expect(repairDoubleEncoding(doubleEncode(text))).toBe(text);
  }
});

it('leaves real Vietnamese, plain ASCII and a lone latin letter alone', () => {
  for (const text of ['Đảng bộ phường Ba Hàng', 'Hello', 'Café Ãn', 'Ông Ánh, Âu Cơ', 'Giá 100€']) expect(repairDoubleEncoding(text)).toBe(text);
});

it('decodes entities, collapses spaces, composes NFC, and reports each double-encoding repair', () => {
  const repairs: Repair[] = [];
  expect(cleanText('Hội nghị &quot;Sơ kết&quot;  &amp; nhiệm vụ', 'title', repairs)).toBe('Hội nghị "Sơ kết" & nhiệm vụ');
  expect(repairs).toEqual([]);
  expect(cleanText(doubleEncode('Tiếng Việt'), 'title', repairs)).toBe('Tiếng Việt');
  expect(repairs).toHaveLength(1);
  expect(cleanText('Vie\u0302\u0323t', 'title')).toBe('Việt');
  expect(plainText('<p>Dòng một<br>dòng &lt;hai&gt;</p><script>x</script>', 'lead')).toBe('Dòng một\ndòng <hai>');
});

it('keeps only the editor markup in bodies: alignment classes, h2–h4, no style, font, script or iframe', () => {
  const html = cleanBody(
    '<h1 style="text-align:center">T</h1><div align="right"><font color=red>x</font></div><p><b>b</b><i>i</i></p><iframe src="https://www.youtube.com/embed/x"></iframe><p><img src="/uploads/a.jpg"></p><p>&nbsp;</p>',
    (url) => (url === '/uploads/a.jpg' ? null : url)
  );
  expect(html).toBe('<h2 class="align-center">T</h2><p class="align-right">x</p><p><strong>b</strong><em>i</em></p>');
});

it('publishes only what readers of the old site could see', () => {
  const now = Date.UTC(2026, 0, 1);
  const at = (iso: string) => Date.parse(iso) / 1000;
  const row = (status: number, publtime = at('2021-01-01'), exptime = 0) => ({ status, publtime, exptime });
  expect(articleState(row(1), now)).toBe('published');
  expect(articleState(row(22), now)).toBe('published');
  expect(articleState(row(1, at('2030-01-01')), now)).toBe('scheduled');
  expect(articleState(row(2, at('2030-01-01')), now)).toBe('scheduled');
  expect(articleState(row(1, at('2020-01-01'), at('2021-01-01')), now)).toBe('expired');
  expect(articleState(row(3), now)).toBe('expired');
  expect(articleState(row(4), now)).toBe('draft');
  expect(articleState(row(0), now)).toBe('suspended');
  expect(articleState(row(21), now)).toBe('suspended');
  expect(articleState(row(6), now)).toBe('workflow');
});
