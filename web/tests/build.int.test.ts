import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { closedPort, readPage, removeBuild, runBuild, type BuildResult } from './build-helpers';
import { addTestContent, XSS_MARKER, type TestContent } from './fixtures';

const SITE_URL = 'https://congthongtin.example.gov.vn';

let cms: TestCms;
let content: TestContent;
let build: BuildResult;
let published: { slug: string; title: string; documentId: string }[];

// Reader comments on the second article, one per moderation state; each carries a private email.
const COMMENTS = {
  approved: { name: 'Bạn đọc Đã Duyệt', email: 'da.duyet@example.vn', text: 'Ý kiến đã duyệt: bài viết rất thiết thực.', moderation: 'approved' },
  pending: { name: 'Bạn đọc Chờ Duyệt', email: 'cho.duyet@example.vn', text: 'Ý kiến đang chờ duyệt kiểm thử.', moderation: 'pending' },
  rejected: { name: 'Bạn đọc Bị Từ Chối', email: 'bi.tu.choi@example.vn', text: 'Ý kiến bị từ chối kiểm thử.', moderation: 'rejected' },
} as const;

beforeAll(async () => {
  cms = await startCms({ seed: true });
  content = await addTestContent(cms);
  // As readers and editors do: sent through the public endpoint (stored pending), then moderated.
  for (const { moderation, ...comment } of Object.values(COMMENTS)) {
    const res = await fetch(`${cms.url}/api/engagement/articles/${content.second.documentId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...comment, website: '' }),
    });
    if (res.status !== 202) throw new Error(`comment not accepted: HTTP ${res.status} ${await res.text()}`);
    if (moderation === 'pending') continue;
    const [stored] = await cms.strapi.documents('api::comment.comment').findMany({ filters: { text: comment.text } } as any);
    await cms.strapi.documents('api::comment.comment').update({ documentId: stored!.documentId, data: { moderation } as any });
  }
  published = (await cms.strapi.documents('api::article.article').findMany({ status: 'published', fields: ['slug', 'title'], limit: 10_000 } as any)) as any;
  build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, SITE_URL, TZ: 'UTC' });
  if (build.code !== 0) console.error(build.output);
}, 600_000);

afterAll(async () => {
  if (build?.outDir) await removeBuild(build.outDir);
  await cms?.destroy();
});

const page = (urlPath: string) => readPage(build.outDir, urlPath);
/** What a reader sees of some markup: tags dropped, whitespace collapsed. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
/** Every file of the build as text; Pagefind's gzipped index files unpacked. */
const everyFile = async () => {
  const files: { file: string; text: string }[] = [];
  for (const entry of await readdir(build.outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = await readFile(file);
    if (/\.pf_(fragment|index|meta|filter)$/.test(entry.name)) bytes = gunzipSync(bytes);
    files.push({ file: path.relative(build.outDir, file), text: bytes.toString('utf8') });
  }
  return files;
};
const articleDirs = async () =>
  (await readdir(path.join(build.outDir, 'tin-tuc'), { withFileTypes: true })).filter((d) => d.isDirectory() && d.name !== 'luu-tru').map((d) => d.name);

describe('a build from a seeded CMS', () => {
  it('succeeds and writes index.html and 404.html', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(build.outDir, '404.html'))).toBe(true);
  });

  it('has a page for every published article and no other', async () => {
    expect(published.length).toBeGreaterThan(5);
    const dirs = new Set(await articleDirs());
    for (const article of published) {
      expect(dirs.has(article.slug), article.slug).toBe(true);
      const html = await page(`/tin-tuc/${article.slug}/`);
      expect(html).toContain(`<h1>${article.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</h1>`);
    }
    expect(dirs.size).toBe(published.length);
  });

  it('never shows drafts or unpublished edits', async () => {
    expect(existsSync(path.join(build.outDir, 'tin-tuc', content.draft.slug!))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'van-ban', content.draftDocument.slug!))).toBe(false);
    const edited = await page(`/tin-tuc/${content.edited.slug}/`);
    expect(edited).toContain('Tin đã đăng có bản sửa');
    const everything = await Promise.all(
      ['/', '/tin-tuc/', `/chuyen-muc/${content.category.slug}/`, '/van-ban/'].map(page),
    );
    for (const html of everything) {
      expect(html).not.toContain('Bản nháp chưa đăng kiểm thử');
      expect(html).not.toContain('Tiêu đề bản sửa chưa duyệt');
      expect(html).not.toContain('Văn bản nháp kiểm thử');
    }
    const rss = await readFile(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).not.toContain('Bản nháp chưa đăng kiểm thử');
  });

  it('paginates the news list from the oldest article: the first page has the newest, numbered pages are full', async () => {
    const cards = (html: string) => [...html.matchAll(/<h2><a href="\/tin-tuc\/([^/"]+)\/">/g)].map((m) => m[1]!);
    const pages = Math.floor(published.length / 12);
    expect(pages).toBeGreaterThan(1);
    const numbered: string[] = [];
    for (let n = 1; n <= pages; n += 1) {
      const html = await page(`/tin-tuc/luu-tru/${n}/`);
      expect(cards(html)).toHaveLength(12);
      numbered.push(...cards(html));
    }
    expect(existsSync(path.join(build.outDir, 'tin-tuc', 'luu-tru', String(pages + 1)))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'tin-tuc', 'trang'))).toBe(false);
    const latest = cards(await page('/tin-tuc/'));
    expect(latest).toHaveLength(12);
    // Every article exactly once on the numbered pages, plus the newest few (not a full page yet) on the first page only.
    expect(new Set(numbered).size).toBe(numbered.length);
    const all = new Set([...numbered, ...latest]);
    expect([...all].sort()).toEqual(published.map((a) => a.slug).sort());
    expect(numbered.length).toBe(pages * 12);
    expect(await page('/tin-tuc/')).toContain(`href="/tin-tuc/luu-tru/${pages}/" rel="next"`);
  });

  it('paginates tag pages like the category lists, every tagged article exactly once', async () => {
    const tagged = (await cms.strapi
      .documents('api::article.article')
      .findMany({ status: 'published', fields: ['slug'], populate: { tags: { fields: ['slug'] } }, limit: 10_000 } as any)) as any[];
    const byTag = new Map<string, string[]>();
    for (const article of tagged) for (const tag of article.tags ?? []) byTag.set(tag.slug, [...(byTag.get(tag.slug) ?? []), article.slug]);
    const [slug, slugs] = [...byTag].sort((a, b) => b[1].length - a[1].length)[0]!;
    const pages = Math.floor(slugs.length / 12);
    // The demo seed tags more than one page's worth of articles with its commonest tag.
    expect(pages).toBeGreaterThanOrEqual(1);
    const seen: string[] = [];
    for (let n = 0; n <= pages; n += 1) {
      const html = await page(n === 0 ? `/tu-khoa/${slug}/` : `/tu-khoa/${slug}/luu-tru/${n}/`);
      seen.push(...[...html.matchAll(/<h2><a href="\/tin-tuc\/([^/"]+)\/">/g)].map((m) => m[1]!));
      expect(html).toContain('<nav class="pager"');
      if (n > 1) expect(html).toContain(`href="/tu-khoa/${slug}/luu-tru/${n - 1}/" rel="next"`);
    }
    expect(existsSync(path.join(build.outDir, 'tu-khoa', slug, 'luu-tru', String(pages + 1)))).toBe(false);
    expect([...new Set(seen)].sort()).toEqual([...slugs].sort());
  });

  it('prints dates in Vietnam time although the build ran with TZ=UTC', async () => {
    const second = await page(`/tin-tuc/${content.second.slug}/`);
    expect(second).toContain('Thứ tư - 23/06/2021 05:38');
    expect(second).toContain('datetime="2021-06-23T05:38:00+07:00"');
    const third = await page(`/tin-tuc/${content.third.slug}/`);
    expect(third).toContain('Thứ sáu - 25/06/2021 00:00');
    const first = await page(`/tin-tuc/${content.first.slug}/`);
    expect(first).toContain('Chủ nhật - 20/06/2021 10:00');
  });

  it('shows counters, lead, author, source, tags and the body with captions', async () => {
    const html = await page(`/tin-tuc/${content.second.slug}/`);
    expect(textOf(html)).toContain('Đã xem: 706 · Phản hồi: 1');
    expect(html).toContain('Cán bộ, đảng viên học tập, quán triệt nghị quyết.');
    expect(html).toContain('Nguyễn Văn Kiểm');
    expect(html).toContain('Nguồn: Ban Tuyên giáo');
    expect(html).toContain(`href="/tu-khoa/${content.tag.slug}/"`);
    expect(html).toMatch(/<figure><img src="\/_astro\/[^"]+\.webp" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+"[^>]*alt="Ảnh trong bài"/);
    expect(html).toContain('<figcaption>Chú thích ảnh trong bài</figcaption>');
    expect(html).toContain('<strong>chữ đậm</strong>');
    // A table scrolls sideways inside its own named box on a phone.
    expect(html).toMatch(/<section class="table-scroll" aria-label="Bảng" tabindex="0"><table>\s*<thead>\s*<tr>\s*<th>Chỉ tiêu<\/th>\s*<th>Kết quả<\/th>[\s\S]*?<td>Kết nạp đảng viên<\/td>\s*<td>98<\/td>[\s\S]*?<\/table><\/section>/);
    expect(existsSync(path.join(build.outDir, 'tu-khoa', content.tag.slug!, 'index.html'))).toBe(true);
  });

  it('links newer and older articles of the same category', async () => {
    const html = await page(`/tin-tuc/${content.second.slug}/`);
    const list = (kind: string) => {
      const block = new RegExp(`<ul class="link-list" data-related="${kind}">(.*?)</ul>`, 's').exec(html)?.[1] ?? '';
      return [...block.matchAll(/href="\/tin-tuc\/([^/"]+)\/"/g)].map((m) => m[1]);
    };
    expect(html).toContain('Những tin mới hơn');
    expect(html).toContain('Những tin cũ hơn');
    expect(list('newer')).toEqual([content.third.slug]);
    expect(list('older')).toEqual([content.edited.slug, content.first.slug]);
    const newest = await page(`/tin-tuc/${content.third.slug}/`);
    expect(newest).not.toContain('Những tin mới hơn');
  });

  it('sanitizes the body: no script, handler, javascript: URL or foreign iframe', async () => {
    const html = await page(`/tin-tuc/${content.second.slug}/`);
    const body = /<div class="prose">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
    expect(body).toContain('Nội dung');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/onerror/i);
    expect(body).not.toMatch(/javascript:/i);
    expect(body).not.toContain('evil.example');
    expect(body).toContain('src="https://www.youtube.com/embed/dQw4w9WgXcQ"');
    expect(html).not.toContain(`alert('${XSS_MARKER}')`);
  });

  it('has canonical URL, Open Graph, NewsArticle JSON-LD and lang="vi"', async () => {
    const html = await page(`/tin-tuc/${content.second.slug}/`);
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/tin-tuc/${content.second.slug}/">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toMatch(/<meta property="og:image" content="http:\/\/127\.0\.0\.1:\d+\/uploads\/[^"]+">/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.datePublished).toBe('2021-06-23T05:38:00+07:00');
    expect((html.match(/<h1[\s>]/g) ?? []).length).toBe(1);
  });

  it('lists documents with kind, counts and filter pages, and links each to its file', async () => {
    const list = await page('/van-ban/');
    expect(list).toContain('Thông báo kiểm thử tải văn bản');
    expect(textOf(list)).toContain('Lượt xem: 731 | lượt tải: 157');
    expect(list).toContain('Thông báo');
    const byKind = await page('/van-ban/loai/thong-bao/');
    expect(byKind).toContain('Thông báo kiểm thử tải văn bản');
    const byYear = await page('/van-ban/nam/2021/');
    expect(byYear).toContain('99/TB-KT');

    const documents = (await cms.strapi.documents('api::document.document').findMany({ status: 'published', populate: ['file'], limit: 1000 } as any)) as any[];
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      const html = await page(`/van-ban/${doc.slug}/`);
      if (!doc.file) continue;
      // Downloads go through the CMS, which counts them and redirects to the file.
      expect(html).toContain(`href="${cms.url}/api/engagement/documents/${doc.documentId}/download"`);
      const fileUrl = new URL(doc.file.url, cms.url).toString();
      if (doc.file.mime === 'application/pdf') expect(html).toContain(`<iframe class="pdf-preview" src="${fileUrl}" loading="lazy"`);
    }
    const ours = await page(`/van-ban/${content.document.slug}/`);
    const href = /<a class="button" href="([^"]+)"/.exec(ours)![1]!;
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows approved comments on their article, never pending or rejected ones', async () => {
    const html = await page(`/tin-tuc/${content.second.slug}/`);
    const discussion = textOf(/<section class="engagement-discussion"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? '');
    expect(discussion).toContain('Ý kiến bạn đọc');
    expect(discussion).toContain(COMMENTS.approved.name);
    expect(discussion).toContain(COMMENTS.approved.text);
    expect(await page(`/tin-tuc/${content.first.slug}/`)).toContain('Chưa có ý kiến nào.');
    for (const { file, text } of await everyFile()) {
      for (const hidden of [COMMENTS.pending, COMMENTS.rejected]) {
        expect(text, file).not.toContain(hidden.name);
        expect(text, file).not.toContain(hidden.text);
      }
    }
  });

  it('puts no email address in the site but the published contact address', async () => {
    const contact = ((await cms.strapi.documents('api::site-setting.site-setting').findFirst({ fields: ['email'] } as any)) as any)?.email;
    for (const { file, text } of await everyFile()) {
      for (const comment of Object.values(COMMENTS)) expect(text, file).not.toContain(comment.email);
      // Images are binary; Pagefind's own scripts credit their translators by email (library code, not content).
      if (!/\.(html|xml|txt|json|js|css|pf_\w+)$/.test(file) || /^pagefind\/.*\.(js|css)$/.test(file)) continue;
      const emails = new Set(text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []);
      if (contact) emails.delete(contact);
      expect([...emails], file).toEqual([]);
    }
  });

  // The numbers change every minute: baked in, they would make every page differ on every build
  // (no incremental rendering). The browser fills them (engagement.e2e.test.ts).
  it('shows the visit statistics box on every page, its numbers left to the browser', async () => {
    for (const urlPath of ['/', `/tin-tuc/${content.second.slug}/`, `/van-ban/${content.document.slug}/`, '/gioi-thieu/']) {
      const footer = textOf(/<footer class="site-footer">(.*?)<\/footer>/s.exec(await page(urlPath))?.[1] ?? '');
      expect(footer, urlPath).toMatch(/Thống kê website.*Đang truy cập\s?–.*Hôm nay\s?–.*Tháng hiện tại\s?–.*Tổng lượt truy cập\s?–/);
    }
  });

  it('builds category, gallery, about, search and tag pages', async () => {
    expect(await page(`/chuyen-muc/${content.category.slug}/`)).toContain('Học tập nghị quyết - bài kiểm thử Đảng bộ');
    const albums = await page('/thu-vien-anh/');
    expect(albums).toContain('Album kiểm thử');
    const album = await page(`/thu-vien-anh/${content.album.slug}/`);
    expect((album.match(/<a href="[^"]+" data-lightbox-item/g) ?? []).length).toBe(3);
    expect(album).toContain('Chú thích ảnh kiểm thử 2');
    expect(album).toMatch(/<a href="\/_astro\/[^"]+\.webp" data-lightbox-item/);
    expect(album).toMatch(/<source srcset="[^"]+\.avif 320w, [^"]+\.avif 640w" type="image\/avif"/);
    expect(await page('/gioi-thieu/')).toContain('<h1');
    expect(await page('/tim-kiem/')).toContain('name="q"');
    const home = await page('/');
    expect(home).toContain('Tư liệu - Văn kiện');
    expect(home).toContain('Hình ảnh hoạt động');
  });

  it('writes RSS, sitemap and robots.txt with the public site URL', async () => {
    const rss = await readFile(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain(`${SITE_URL}/tin-tuc/`);
    const sitemap = await readFile(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE_URL}/tin-tuc/${content.second.slug}/`);
    expect(sitemap).not.toContain('/ban-in/');
    expect(existsSync(path.join(build.outDir, 'tin-tuc', content.second.slug, 'ban-in'))).toBe(false);
    expect(await readFile(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });

  it('writes valid, accessible HTML on every kind of page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended', 'html-validate:a11y'],
      rules: {
        // Formatting preferences of Astro's output, not validity or accessibility.
        'void-style': 'off',
        'long-title': 'off',
        'tel-non-breaking': 'off',
      },
    });
    // One page of every route: the first of each dynamic route stands for the others.
    const firstIn = async (dir: string) =>
      (await readdir(path.join(build.outDir, dir), { withFileTypes: true })).find((d) => d.isDirectory() && !['luu-tru', 'loai', 'nam'].includes(d.name))!.name;
    const article = (await articleDirs())[0]!;
    const paths = [
      '/', '/404.html', '/tin-tuc/', '/tin-tuc/luu-tru/1/', `/tin-tuc/${article}/`,
      `/chuyen-muc/${await firstIn('chuyen-muc')}/`, `/tu-khoa/${await firstIn('tu-khoa')}/`,
      '/van-ban/', `/van-ban/${await firstIn('van-ban')}/`, `/van-ban/loai/${await firstIn('van-ban/loai')}/`,
      `/van-ban/nam/${await firstIn('van-ban/nam')}/`, '/thu-vien-anh/', `/thu-vien-anh/${await firstIn('thu-vien-anh')}/`,
      '/tim-kiem/', '/gioi-thieu/',
    ];
    const kinds = await Promise.all(paths.map(async (file) => ({ file, text: await page(file) })));
    expect(kinds.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { file, text } of kinds) {
      const report = await validator.validateString(text, file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes a Pagefind index of records made from the data, with a folded copy of the text, and publishes no records file', async () => {
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    // Started by the records route, so that indexing runs beside the rendering of the other pages.
    expect(build.output).toMatch(/Pagefind indexed \d+ records, started while pages rendered/);
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.vi.page_count).toBeGreaterThanOrEqual(published.length);
    const fragments = (await everyFile()).filter((f) => f.file.startsWith('pagefind/fragment/'))
      // Each fragment is "pagefind_dcd" followed by its JSON.
      .map((f) => JSON.parse(f.text.slice(f.text.indexOf('{'))));
    const second = fragments.find((f) => f.url === `/tin-tuc/${content.second.slug}/`);
    expect(second?.meta.title).toBe('Học tập nghị quyết - bài kiểm thử Đảng bộ');
    expect(second?.meta.date).toMatch(/^Thứ .* - \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(second?.content).toContain('Hoc tap nghi quyet - bai kiem thu Dang bo');
    expect(existsSync(path.join(build.outDir, 'search-records.json'))).toBe(false);
    // The pages themselves no longer carry a hidden folded copy.
    expect(await page(`/tin-tuc/${content.second.slug}/`)).not.toContain('search-fold');
  });
});

describe('a build without a CMS', () => {
  it('fails with a clear message and leaves no site behind', async () => {
    const port = await closedPort();
    const result = await runBuild({ STRAPI_URL: `http://127.0.0.1:${port}`, TZ: 'UTC' }, 180_000);
    try {
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`Cannot reach the CMS at http://127.0.0.1:${port}/graphql`);
      expect(result.output).toContain('ECONNREFUSED');
      expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    } finally {
      await removeBuild(result.outDir);
    }
  });

  it('fails on a malformed STRAPI_URL before building anything', async () => {
    const result = await runBuild({ STRAPI_URL: 'cms.local:1337', TZ: 'UTC' }, 120_000);
    try {
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('STRAPI_URL must be an http(s) URL');
    } finally {
      await removeBuild(result.outDir);
    }
  });
});
