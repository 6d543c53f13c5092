import { describe, expect, it } from 'vitest';
import { renderRichText, richTextToPlain, sanitizeRichHtml } from './sanitize.ts';

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
  ['markdown javascript link', '[bấm vào](javascript:alert(1))'],
  ['markdown image onerror', '![x" onerror="alert(1)](/uploads/a.jpg)'],
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
];

describe('sanitizing rich text', () => {
  it('has a corpus of at least 15 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(XSS_PAYLOADS)('neutralises %s', (_name, payload) => {
    for (const out of [sanitizeRichHtml(payload, { cmsUrl: CMS }), renderRichText(payload, { cmsUrl: CMS })]) {
      // Text that merely reads "javascript:" is harmless; what matters is every tag that survives.
      const tags = (out.match(/<[^>]*>/g) ?? []).join(' ');
      for (const pattern of DANGER) expect(tags, `${pattern} in ${out}`).not.toMatch(pattern);
      expect(tags.replace(/"[^"]*"|'[^']*'/g, '""'), `handler in ${out}`).not.toMatch(HANDLER);
      expect(out).not.toMatch(/<script/i);
    }
  });

  it('keeps figure, figcaption, image, link and YouTube embeds', () => {
    const html = [
      '<figure><img src="/uploads/hoi-nghi.jpg" alt="Hội nghị" width="800" height="600"><figcaption>Quang cảnh hội nghị</figcaption></figure>',
      '<p>Xem <a href="https://chinhphu.vn/">Cổng Chính phủ</a> và <a href="/tin-tuc/bai-khac/">bài khác</a>.</p>',
      '<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>',
      '<iframe src="https://www.youtube-nocookie.com/embed/xyz"></iframe>',
    ].join('');
    const out = sanitizeRichHtml(html, { cmsUrl: CMS });
    expect(out).toContain('<figure><img src="http://127.0.0.1:1337/uploads/hoi-nghi.jpg" alt="Hội nghị" width="800" height="600"');
    expect(out).toContain('<figcaption>Quang cảnh hội nghị</figcaption></figure>');
    expect(out).toContain('<a href="https://chinhphu.vn/" rel="noopener noreferrer">Cổng Chính phủ</a>');
    expect(out).toContain('<a href="/tin-tuc/bai-khac/">bài khác</a>');
    expect(out).toContain('<iframe src="https://www.youtube.com/embed/abc123"');
    expect(out).toContain('<iframe src="https://www.youtube-nocookie.com/embed/xyz"');
    expect(out).toContain('loading="lazy"');
  });

  it('turns Markdown images with a title into figures with captions', () => {
    const out = renderRichText('Mở đầu **đậm**.\n\n![Ảnh hội nghị](/uploads/a.jpg "Đồng chí Bí thư phát biểu")\n\n## Mục 1\n\n- một\n- hai', { cmsUrl: CMS });
    expect(out).toContain('<p>Mở đầu <strong>đậm</strong>.</p>');
    expect(out).toContain('<figure><img src="http://127.0.0.1:1337/uploads/a.jpg" alt="Ảnh hội nghị"');
    expect(out).toContain('<figcaption>Đồng chí Bí thư phát biểu</figcaption></figure>');
    expect(out).not.toMatch(/<p>\s*<figure>/);
    expect(out).toContain('<h2>Mục 1</h2>');
    expect(out).toContain('<li>một</li>');
  });

  it('keeps inline HTML inside Markdown and demotes h1', () => {
    const out = renderRichText('# Tiêu đề phụ\n\n<figure><img src="https://cdn.example.com/b.png" alt="b"><figcaption>Chú thích</figcaption></figure>');
    expect(out).toContain('<h2>Tiêu đề phụ</h2>');
    expect(out).toContain('<figcaption>Chú thích</figcaption>');
    expect(out).not.toContain('<h1');
  });

  it('resolves links to CMS uploads', () => {
    expect(renderRichText('[Tải văn bản](/uploads/vb.pdf)', { cmsUrl: CMS })).toContain('href="http://127.0.0.1:1337/uploads/vb.pdf"');
  });

  it('gives plain text for summaries', () => {
    expect(richTextToPlain('<h2>A</h2><p>B &amp; C</p><script>x</script>')).toBe('A B & C');
    expect(renderRichText('')).toBe('');
    expect(sanitizeRichHtml(null)).toBe('');
  });
});
