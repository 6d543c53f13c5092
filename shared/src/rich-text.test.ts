import { describe, expect, it } from 'vitest';
import { parseRichText, richTextImages, richTextToHtml, richTextToPlain } from './rich-text.ts';

const CMS = 'http://127.0.0.1:1337';

// Each payload must come out without anything that can run script or load a foreign frame.
const XSS_PAYLOADS: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script with src', '<script src="https://evil.example/x.js"></script>'],
  ['img onerror', '<img src="x" onerror="alert(1)">'],
  ['img onerror unquoted', '<img src=x onerror=alert(1)//>'],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>'],
  ['javascript: href with entities', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['javascript: href with hex entities', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
  ['javascript: href with whitespace', '<a href=" jav&#x09;ascript:alert(1)">x</a>'],
  ['javascript: href with newline', '<a href="java\nscript:alert(1)">x</a>'],
  ['javascript: href upper case', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['data: URL in href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data: URL in img', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['vbscript href', '<a href="vbscript:msgbox(1)">x</a>'],
  ['iframe from evil host', '<iframe src="https://evil.example/embed"></iframe>'],
  ['iframe javascript src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe youtube lookalike', '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/x"></iframe>'],
  ['style expression', '<p style="width: expression(alert(1))">x</p>'],
  ['style tag', '<style>body{background:url("javascript:alert(1)")}</style><p>x</p>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  ['form action', '<form action="https://evil.example"><input name="p"><button>ok</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="https://evil.example/">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['body onload', '<body onload="alert(1)">x</body>'],
  ['details ontoggle', '<details open ontoggle="alert(1)"><summary>x</summary></details>'],
  ['a onmouseover', '<a href="https://ok.example" onmouseover="alert(1)">x</a>'],
  ['img in figure with handler', '<figure><img src="/uploads/a.jpg" onload="alert(1)"><figcaption onclick="alert(1)">x</figcaption></figure>'],
  ['table with handlers and style', '<table onmouseover="alert(1)" style="background:url(javascript:alert(1))"><tr><td onclick="alert(1)">x</td></tr></table>'],
  ['class other than alignment', '<p class="align-center x-evil" data-x="1">x</p>'],
  ['nested script trick', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['math href', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['formaction', '<button formaction="javascript:alert(1)">x</button>'],
];

// Attribute names are checked with the (escaped, inert) attribute values blanked out.
const HANDLER = /\son[a-z]+\s*=/i;
const DANGER = [
  /<script/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /evil\.example/i,
  /expression\(/i,
  /<(style|object|embed|form|meta|base|link|svg|math|button|input)\b/i,
  /srcdoc/i,
  /style=/i,
  /x-evil|data-x/i,
];

const render = (html: string | null | undefined) => richTextToHtml(parseRichText(html, { mediaBase: CMS }));

describe('sanitizing rich text', () => {
  it('has a corpus of at least 15 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(XSS_PAYLOADS)('neutralises %s', (_name, payload) => {
    const out = render(payload);
    // Text that merely reads "javascript:" is harmless; what matters is every tag that survives.
    const tags = (out.match(/<[^>]*>/g) ?? []).join(' ');
    for (const pattern of DANGER) expect(tags, `${pattern} in ${out}`).not.toMatch(pattern);
    expect(tags.replace(/"[^"]*"|'[^']*'/g, '""'), `handler in ${out}`).not.toMatch(HANDLER);
    expect(out).not.toMatch(/<script/i);
  });

  it('keeps figure, figcaption, image, link and YouTube embeds, resolving uploads against the media base', () => {
    const out = render(
      [
        '<figure><img src="/uploads/hoi-nghi.jpg" alt="Hội nghị" width="800" height="600"><figcaption>Quang cảnh hội nghị</figcaption></figure>',
        '<p>Xem <a href="https://chinhphu.vn/" target="_blank">Cổng Chính phủ</a>, <a href="/tin-tuc/bai-khac/" target="_blank">bài khác</a> và <a href="/uploads/vb.pdf">văn bản</a>.</p>',
        '<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>',
        '<iframe src="https://www.youtube-nocookie.com/embed/xyz"></iframe>',
      ].join(''),
    );
    expect(out).toContain('<figure><img src="http://127.0.0.1:1337/uploads/hoi-nghi.jpg" alt="Hội nghị" width="800" height="600" loading="lazy" decoding="async"><figcaption>Quang cảnh hội nghị</figcaption></figure>');
    expect(out).toContain('<a href="https://chinhphu.vn/" target="_blank" rel="noopener noreferrer">Cổng Chính phủ</a>');
    expect(out).toContain('<a href="/tin-tuc/bai-khac/">bài khác</a>');
    expect(out).toContain('<a href="http://127.0.0.1:1337/uploads/vb.pdf" rel="noopener noreferrer">văn bản</a>');
    expect(out).toContain('<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen title="Video" loading="lazy"');
    expect(out).toContain('<iframe src="https://www.youtube-nocookie.com/embed/xyz"');
  });

  it('keeps the editor\'s headings, lists, marks, quotes and alignment classes, and nothing else of their attributes', () => {
    const out = render(
      '<h1>Tiêu đề phụ</h1><h2 class="align-center">Mục 1</h2><p class="align-justify" style="color:red"><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u></p>' +
        '<ol start="3"><li><p>ba</p></li></ol><ul><li><p>một</p></li></ul><blockquote><p>trích</p></blockquote><p class="align-left">trái</p>',
    );
    expect(out).toContain('<h2>Tiêu đề phụ</h2>');
    expect(out).not.toContain('<h1');
    expect(out).toContain('<h2 class="align-center">Mục 1</h2>');
    expect(out).toContain('<p class="align-justify"><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u></p>');
    expect(out).toContain('<ol start="3"><li><p>ba</p></li></ol><ul><li><p>một</p></li></ul><blockquote><p>trích</p></blockquote>');
    expect(out).toContain('<p>trái</p>');
  });

  it('wraps every table in a named, focusable box that scrolls sideways, keeping its cells', () => {
    const out = render(
      '<table style="min-width:75px"><colgroup><col style="min-width:25px"></colgroup><tbody><tr><th colspan="2" class="align-center">Chỉ tiêu</th></tr><tr><td>1</td><td rowspan="1">2</td></tr></tbody></table>' +
        '<table><caption>Kết quả</caption><tr><td>x</td></tr></table>',
    );
    expect(out).toContain('<section class="table-scroll" aria-label="Bảng" tabindex="0"><table><colgroup><col></colgroup><tbody><tr><th colspan="2" class="align-center">Chỉ tiêu</th></tr><tr><td>1</td><td rowspan="1">2</td></tr></tbody></table></section>');
    expect(out).toContain('<section class="table-scroll" aria-label="Bảng: Kết quả" tabindex="0"><table><caption>Kết quả</caption>');
    expect(out.match(/class="table-scroll"/g)).toHaveLength(2);
    expect(render('<p>Không có bảng</p>')).not.toContain('table-scroll');
  });

  it('drops images without a source and table cells outside a table', () => {
    expect(render('<p>a<img alt="x">b</p>')).toBe('<p>ab</p>');
    expect(render('<td>lẻ</td><li>lẻ</li>')).toBe('lẻlẻ');
  });

  it('lists images and gives plain text for summaries', () => {
    const tree = parseRichText('<h2>A</h2><p>B &amp; C</p><script>x</script><figure><img src="/uploads/a.jpg"></figure><p>Đ</p>', { mediaBase: CMS });
    expect(richTextToPlain(tree)).toBe('A B & C Đ');
    expect(richTextImages(tree).map((img) => img.properties.src)).toEqual(['http://127.0.0.1:1337/uploads/a.jpg']);
    expect(render('')).toBe('');
    expect(render(null)).toBe('');
  });
});
