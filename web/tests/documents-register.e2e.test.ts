// The documents register (Decree 42/2022/NĐ-CP Art. 4) on the built site: every field on a document
// page, its links, validity ("Hết hiệu lực" past the expiry, recomputed in the browser), pages per
// type and field, and the search and filters of /van-ban/ in Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage, tinyPdf } from './build-helpers';
import { upload } from './fixtures';
import { startBuiltSite, type BuiltSite } from './site-fixture';

let site: BuiltSite;
let page: Page;
const slugs: Record<string, string> = {};

/** YYYY-MM-DD `days` from now (UTC day; far enough from the edges of a Vietnam day for these tests). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SOON = dayFromNow(30);

beforeAll(async () => {
  site = await startBuiltSite({
    seed: false,
    beforeBuild: async (cms) => {
      const docs = cms.strapi.documents;
      const make = async (uid: string, data: Record<string, unknown>) => (await docs(uid as any).create({ data } as any)).documentId;
      const ubnd = await make('api::issuer.issuer', { name: 'Ủy ban nhân dân thị xã Kiểm Thử' });
      const thiUy = await make('api::issuer.issuer', { name: 'Thị ủy Kiểm Thử' });
      const signer = await make('api::signer.signer', { name: 'Nguyễn Văn Ký', position: 'Chủ tịch' });
      const land = await make('api::document-field.document-field', { name: 'Đất đai' });
      const school = await make('api::document-field.document-field', { name: 'Giáo dục' });
      const publish = async (key: string, data: Record<string, unknown>) => {
        const made = await docs('api::document.document').create({ data, status: 'published' } as any);
        slugs[key] = (made as any).slug;
        return made.documentId;
      };
      const expired = await publish('expired', {
        number: '15/QĐ-UBND',
        kind: 'quyet-dinh',
        title: 'Quyết định ban hành quy chế quản lý đất đai',
        summary: 'Quy chế phối hợp quản lý đất đai trên địa bàn thị xã.',
        issuer: ubnd,
        signer,
        fields: [land],
        issuedAt: '2020-03-01',
        effectiveDate: '2020-03-15',
        expiryDate: '2023-12-31',
        file: (await upload(cms, tinyPdf('Quyet dinh 15'), 'quyet-dinh-15.pdf', 'application/pdf')).id,
      });
      const future = await publish('future', {
        number: '05-CT/TU',
        kind: 'chi-thi',
        title: 'Chỉ thị về đổi mới giáo dục',
        summary: 'Tăng cường lãnh đạo công tác giáo dục.',
        issuer: thiUy,
        fields: [school],
        issuedAt: '2025-05-05',
        effectiveDate: '2099-01-01',
      });
      await publish('current', {
        number: '20/QĐ-UBND',
        kind: 'quyet-dinh',
        title: 'Quyết định thay thế quy chế quản lý đất đai',
        summary: 'Thay thế Quyết định số 15/QĐ-UBND.',
        issuer: ubnd,
        signer,
        fields: [land],
        issuedAt: '2024-01-02',
        effectiveDate: '2024-01-15',
        replaces: [expired],
        relatedDocuments: [future],
      });
      await publish('soon', {
        number: '31/KH-UBND',
        kind: 'ke-hoach',
        title: 'Kế hoạch tổ chức hội nghị tổng kết năm',
        issuer: ubnd,
        issuedAt: '2024-06-01',
        expiryDate: SOON,
      });
    },
  });
  page = await site.browser.newPage({ locale: 'vi-VN' });
}, 900_000);

afterAll(async () => {
  await site?.stop();
});

const html = (urlPath: string) => readPage(site.build.outDir, urlPath);
/** What a reader sees of some markup: tags dropped, whitespace collapsed. */
const textOf = (markup: string) => markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
/** The definition list of a document page as label → text. */
const facts = (markup: string) => {
  const dl = /<dl class="doc-facts"[^>]*>(.*?)<\/dl>/s.exec(markup)?.[1] ?? '';
  return Object.fromEntries([...dl.matchAll(/<dt[^>]*>(.*?)<\/dt>\s*<dd[^>]*>(.*?)<\/dd>/gs)].map(([, dt, dd]) => [textOf(dt!).trim(), textOf(dd!).trim()]));
};
const links = (markup: string, key: string) =>
  [...(new RegExp(`<ul class="link-list" data-doc-links="${key}">(.*?)</ul>`, 's').exec(markup)?.[1] ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe('the built document pages', () => {
  it('shows every field Decree 42 names, with "Hết hiệu lực" past the expiry, and the document that replaces it', async () => {
    const markup = await html(`/van-ban/${slugs.expired}/`);
    expect(facts(markup)).toEqual({
      'Số hiệu': '15/QĐ-UBND',
      'Loại văn bản': 'Quyết định',
      'Cơ quan ban hành': 'Ủy ban nhân dân thị xã Kiểm Thử',
      'Người ký': 'Nguyễn Văn Ký (Chủ tịch)',
      'Ngày ban hành': '01/03/2020 (các văn bản năm 2020)',
      'Ngày có hiệu lực': '15/03/2020',
      'Ngày hết hiệu lực': '31/12/2023',
      'Tình trạng hiệu lực': 'Hết hiệu lực',
      'Lĩnh vực': 'Đất đai',
      'Trích yếu': 'Quyết định ban hành quy chế quản lý đất đai',
    });
    expect(textOf(/<h2 class="doc-summary-title">.*?<\/p>/s.exec(markup)?.[0] ?? '')).toBe('Tóm tắtQuy chế phối hợp quản lý đất đai trên địa bàn thị xã.');
    // The file, downloadable through the CMS's counting link.
    expect(markup).toMatch(/<a class="button" href="[^"]+\/api\/engagement\/documents\/[^/]+\/download"/);
    expect(markup).toContain('href="/van-ban/linh-vuc/dat-dai/"');
    expect(links(markup, 'bi-thay-the')).toEqual([`/van-ban/${slugs.current}/`]);
    expect(links(markup, 'thay-the')).toEqual([]);
  });

  it('shows a document in force, what it replaces and relates to, and one not yet in force', async () => {
    const current = await html(`/van-ban/${slugs.current}/`);
    expect(facts(current)['Tình trạng hiệu lực']).toBe('Còn hiệu lực');
    expect(facts(current)['Ngày hết hiệu lực']).toBe('Không có');
    expect(links(current, 'thay-the')).toEqual([`/van-ban/${slugs.expired}/`]);
    expect(links(current, 'lien-quan')).toEqual([`/van-ban/${slugs.future}/`]);
    expect(textOf(current)).not.toContain('Hết hiệu lực');
    expect(facts(await html(`/van-ban/${slugs.future}/`))['Tình trạng hiệu lực']).toBe('Chưa có hiệu lực');
  });

  it('loads its scripts from files only (the Content-Security-Policy forbids inline scripts)', async () => {
    for (const path of ['/van-ban/', `/van-ban/${slugs.expired}/`]) {
      const scripts = (await html(path)).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.some((tag) => /src="\/_astro\/[^"]+\.js"/.test(tag)), path).toBe(true);
      for (const tag of scripts) expect(tag, path).toMatch(/src="\/_astro\/|type="application\/ld\+json"/);
    }
  });

  it('has a page per type and per field listing only their documents', async () => {
    const land = textOf(await html('/van-ban/linh-vuc/dat-dai/'));
    expect(land).toContain('15/QĐ-UBND');
    expect(land).toContain('20/QĐ-UBND');
    expect(land).not.toContain('05-CT/TU');
    const directives = textOf(await html('/van-ban/loai/chi-thi/'));
    expect(directives).toContain('05-CT/TU');
    expect(directives).not.toContain('15/QĐ-UBND');
  });
});

describe('the register in Chromium', () => {
  const url = (path: string) => `${site.server.url}${path}`;
  /** Waits until the results answer exactly this query string, then returns the numbers listed. */
  const answered = async (search: string) => {
    await page.locator(`[data-register-results][data-answered="${search}"]`).waitFor({ state: 'attached' });
    return page.locator('[data-register-results] tbody tr td.doc-number').allTextContents();
  };

  it('searches number and summary without diacritics', async () => {
    await page.goto(url('/van-ban/'));
    await page.getByLabel('Số hiệu hoặc trích yếu').fill('quyet dinh');
    expect((await answered('?q=quyet+dinh')).sort()).toEqual(['15/QĐ-UBND', '20/QĐ-UBND']);
    await expect(page.locator('[data-register-status]').textContent()).resolves.toBe('Tìm thấy 2 văn bản.');
    await expect(page.locator('[data-register-listing]').isHidden()).resolves.toBe(true);

    // A number finds its document, and the one whose summary names it.
    await page.getByLabel('Số hiệu hoặc trích yếu').fill('15/QĐ');
    expect((await answered('?q=15%2FQ%C4%90')).sort()).toEqual(['15/QĐ-UBND', '20/QĐ-UBND']);
    await page.getByLabel('Số hiệu hoặc trích yếu').fill('20/qd');
    expect(await answered('?q=20%2Fqd')).toEqual(['20/QĐ-UBND']);

    // Negative: every word must match somewhere.
    await page.getByLabel('Số hiệu hoặc trích yếu').fill('quyet dinh giao duc');
    expect(await answered('?q=quyet+dinh+giao+duc')).toEqual([]);
    await expect(page.locator('[data-register-status]').textContent()).resolves.toBe('Không tìm thấy văn bản phù hợp.');

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.locator('[data-register-results][data-answered=""]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-register-listing]').isVisible()).resolves.toBe(true);
  });

  it('filters by type, issuer, field, year and validity, and keeps the filters in the address', async () => {
    await page.goto(url('/van-ban/'));
    const form = page.getByRole('search', { name: 'Tra cứu văn bản' });
    await form.getByLabel('Loại văn bản').selectOption({ label: 'Chỉ thị' });
    expect(await answered('?loai=chi-thi')).toEqual(['05-CT/TU']);
    await form.getByLabel('Loại văn bản').selectOption('');

    await form.getByLabel('Cơ quan ban hành').selectOption({ label: 'Ủy ban nhân dân thị xã Kiểm Thử' });
    const byIssuer = await answered('?co-quan=uy-ban-nhan-dan-thi-xa-kiem-thu');
    expect(byIssuer.sort()).toEqual(['15/QĐ-UBND', '20/QĐ-UBND', '31/KH-UBND']);
    expect(byIssuer).not.toContain('05-CT/TU');

    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Đất đai' });
    expect((await answered('?co-quan=uy-ban-nhan-dan-thi-xa-kiem-thu&linh-vuc=dat-dai')).sort()).toEqual(['15/QĐ-UBND', '20/QĐ-UBND']);

    await form.getByLabel('Hiệu lực').selectOption({ label: 'Hết hiệu lực' });
    expect(await answered('?co-quan=uy-ban-nhan-dan-thi-xa-kiem-thu&linh-vuc=dat-dai&hieu-luc=het-hieu-luc')).toEqual(['15/QĐ-UBND']);

    await form.getByLabel('Năm ban hành').selectOption('2024');
    // Negative: the expired document is from 2020.
    expect(await answered('?co-quan=uy-ban-nhan-dan-thi-xa-kiem-thu&linh-vuc=dat-dai&nam=2024&hieu-luc=het-hieu-luc')).toEqual([]);

    // The address brings the same filters back (shared link, or the issuer link of a document page).
    await page.goto(url('/van-ban/?nam=2025&hieu-luc=chua-co-hieu-luc'));
    expect(await answered('?nam=2025&hieu-luc=chua-co-hieu-luc')).toEqual(['05-CT/TU']);
    await expect(form.getByLabel('Năm ban hành').inputValue()).resolves.toBe('2025');
  });

  it('shows the validity of the reader\'s day, not the build\'s, without a rebuild', async () => {
    const path = `/van-ban/${slugs.soon}/`;
    expect(facts(await html(path))['Tình trạng hiệu lực']).toBe('Còn hiệu lực');
    const later = await site.browser.newPage({ locale: 'vi-VN' });
    try {
      await later.clock.setFixedTime(new Date(`${dayFromNow(60)}T05:00:00Z`));
      await later.goto(url(path));
      await later.locator('.doc-facts [data-doc-state="het-hieu-luc"]').waitFor();
      await expect(later.locator('.doc-facts .doc-state').textContent()).resolves.toBe('Hết hiệu lực');
      // The register computes it the same way.
      await later.goto(url('/van-ban/?hieu-luc=het-hieu-luc'));
      await later.locator('[data-register-results][data-answered="?hieu-luc=het-hieu-luc"]').waitFor({ state: 'attached' });
      expect((await later.locator('[data-register-results] td.doc-number').allTextContents()).sort()).toEqual(['15/QĐ-UBND', '31/KH-UBND']);
    } finally {
      await later.close();
    }
    // Today the same page still says it is in force.
    await page.goto(url(path));
    await expect(page.locator('.doc-facts .doc-state').textContent()).resolves.toBe('Còn hiệu lực');
  });
});
