// The demo content as a visitor (REST, GraphQL) and the site build (read-only token) see it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, startCms, type TestCms } from './harness';

type SeedModule = { seedDemoContent(strapi: TestCms['strapi']): Promise<{ created: boolean }> };
const loadSeed = (): SeedModule => createRequire(import.meta.url)(path.join(DIST_DIR, 'src/seed'));

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({ seed: true });
});
afterAll(async () => {
  await cms?.destroy();
});

const rest = async (pathAndQuery: string, token?: string) => {
  const res = await fetch(`${cms.url}${pathAndQuery}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const body = await res.json();
  return { status: res.status, body };
};

const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return body.data;
};

const DAY = 86_400_000;
const ALL = 'pagination[pageSize]=100';

interface Article {
  documentId: string;
  title: string;
  slug: string;
  body: string;
  date: string;
  category: { slug: string; name: string } | null;
  cover: { url: string; alternativeText: string | null; caption: string | null; mime: string } | null;
}

const publicArticles = async (): Promise<{ data: Article[]; total: number }> => {
  const { status, body } = await rest(`/api/articles?populate[0]=cover&populate[1]=category&${ALL}&sort=date:desc`);
  expect(status).toBe(200);
  return { data: body.data, total: body.meta.pagination.total };
};

describe('demo articles', () => {
  it('publishes at least 30 articles over at least 4 categories, each with a described cover and a captioned inline photo', async () => {
    const { data, total } = await publicArticles();
    expect(total).toBeGreaterThanOrEqual(30);
    expect(data).toHaveLength(total);
    expect(new Set(data.map((a) => a.category?.slug)).size).toBeGreaterThanOrEqual(4);
    expect(data.every((a) => a.category !== null)).toBe(true);

    for (const article of data) {
      expect(article.slug, article.title).toMatch(/^[a-z0-9-]+$/);
      expect(article.cover?.mime, article.title).toBe('image/jpeg');
      expect(article.cover?.alternativeText?.trim(), article.title).toBeTruthy();
      expect(article.cover?.caption?.trim(), article.title).toBeTruthy();
      const figure = article.body.match(/<figure><img src="(\/uploads\/[^"]+)" alt="([^"]+)"><figcaption>([^<]+)<\/figcaption><\/figure>/);
      expect(figure, article.title).not.toBeNull();
      // Stored as the editor's HTML: paragraphs, no Markdown left for the editor to show raw.
      expect((article.body.match(/<p>/g) ?? []).length, article.title).toBeGreaterThanOrEqual(2);
      expect(article.body, article.title).toMatch(/^<p>/);
      expect(article.body, article.title).not.toMatch(/\*\*|^> /m);
    }

    // The inline photos are real uploads the site can fetch.
    for (const article of data.slice(0, 5)) {
      const src = article.body.match(/<img src="([^"]+)"/)![1];
      const res = await fetch(`${cms.url}${src}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const cover = await fetch(`${cms.url}${article.cover!.url}`);
      expect(cover.status).toBe(200);
      expect(cover.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('spreads article dates over two years and features a few of them', async () => {
    const { data } = await publicArticles();
    const times = data.map((a) => Date.parse(a.date));
    expect(times.every(Number.isFinite)).toBe(true);
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThanOrEqual(700);
    // Fixed reference date: newest article is 1 November 2026 at 05:38 Vietnam time.
    expect(data[0].date).toBe('2026-10-31T22:38:00.000Z');

    const featured = await rest(`/api/articles?filters[featured][$eq]=true&${ALL}`);
    expect(featured.body.meta.pagination.total).toBeGreaterThanOrEqual(3);
    expect(featured.body.meta.pagination.total).toBeLessThan(data.length);
  });

  it('has Vietnamese titles that searches for "học tập" and "Đảng bộ" find, through REST and GraphQL', async () => {
    const hocTap = await rest(`/api/articles?filters[title][$containsi]=${encodeURIComponent('học tập')}`);
    expect(hocTap.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
    const gql = await graphql(
      `query ($q: String) { articles(filters: { title: { containsi: $q } }, pagination: { limit: 100 }) { title tags { name } category { name } } }`,
      { q: 'Đảng bộ' }
    );
    expect(gql.articles.length).toBeGreaterThanOrEqual(3);
    expect(gql.articles.every((a: { title: string }) => a.title.includes('Đảng bộ'))).toBe(true);
    expect(gql.articles.some((a: { tags: { name: string }[] }) => a.tags.some((t) => t.name === 'Đảng bộ'))).toBe(true);
  });

  it('keeps the two drafts away from the public and shows them to the build token', async () => {
    const { data, total } = await publicArticles();
    const gql = await graphql(`{ articles_connection(pagination: { limit: 100 }) { pageInfo { total } } }`);
    expect(gql.articles_connection.pageInfo.total).toBe(total);
    expect(data.some((a) => a.title.startsWith('(Bản nháp)'))).toBe(false);

    // Asking for drafts without a token must not reveal them.
    const publicDrafts = await rest(`/api/articles?status=draft&${ALL}`);
    const publicDraftTitles: string[] = (publicDrafts.body.data ?? []).map((a: Article) => a.title);
    expect(publicDraftTitles.some((t) => t.startsWith('(Bản nháp)'))).toBe(false);

    const publicGqlDrafts = await graphql(`{ articles(status: DRAFT, pagination: { limit: 100 }) { title } }`);
    expect(publicGqlDrafts.articles.some((a: { title: string }) => a.title.startsWith('(Bản nháp)'))).toBe(false);

    // The drafts are there for editors (the admin reads through the document service), not for the build token.
    const drafts = await cms.strapi.documents('api::article.article').findMany({ status: 'draft', limit: 1000 });
    const draftOnly = drafts.filter((a) => !data.some((p) => p.documentId === a.documentId));
    expect(draftOnly.map((a) => a.title).sort()).toEqual([
      '(Bản nháp) Kế hoạch tổ chức Hội thi báo cáo viên giỏi cấp thị xã năm 2027',
      '(Bản nháp) Tin ảnh: Hoạt động chào mừng kỷ niệm ngày thành lập thị xã',
    ]);
    expect(drafts).toHaveLength(total + 2);
  });
});

describe('demo documents, gallery and settings', () => {
  it('publishes 15 documents of several kinds, each with a downloadable PDF', async () => {
    const { status, body } = await rest(`/api/documents?populate[0]=file&populate[1]=issuer&populate[2]=signer&${ALL}`);
    expect(status).toBe(200);
    expect(body.meta.pagination.total).toBe(15);
    expect(new Set(body.data.map((d: { kind: string }) => d.kind)).size).toBeGreaterThanOrEqual(5);
    // Counts live in their own table; GraphQL serves them on each document as the site build reads them.
    const { documents } = await graphql('{ documents(pagination: { pageSize: 100 }) { documentId views downloads } }');
    const counts = new Map(documents.map((d: { documentId: string; views: number; downloads: number }) => [d.documentId, d]));
    for (const doc of body.data) {
      const { views, downloads } = counts.get(doc.documentId) as { views: number; downloads: number };
      expect(views, doc.title).toBeGreaterThanOrEqual(80);
      expect(downloads, doc.title).toBeGreaterThanOrEqual(10);
      expect(downloads, doc.title).toBeLessThanOrEqual(views);
      expect(doc.number, doc.title).toBeTruthy();
      expect(doc.issuer?.name, doc.title).toBeTruthy();
      expect(doc.signer?.name, doc.title).toBeTruthy();
      expect(doc.effectiveDate, doc.title).toBe(doc.issuedAt);
      expect(doc.issuedAt, doc.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(doc.file?.mime, doc.title).toBe('application/pdf');
      const res = await fetch(`${cms.url}${doc.file.url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    }
  });

  it('publishes 20 gallery images in 3 albums with covers', async () => {
    const images = await rest(`/api/gallery-images?populate[0]=image&populate[1]=album&${ALL}`);
    expect(images.body.meta.pagination.total).toBe(20);
    expect(new Set(images.body.data.map((i: { album: { documentId: string } | null }) => i.album?.documentId)).size).toBe(3);
    for (const image of images.body.data) {
      expect(image.album, image.title).not.toBeNull();
      expect(image.caption, image.title).toBeTruthy();
      expect(Number.isFinite(Date.parse(image.takenAt)), image.title).toBe(true);
      expect(image.image?.mime, image.title).toBe('image/jpeg');
    }

    const gql = await graphql(`{ albums { name slug cover { url alternativeText } images(pagination: { limit: 100 }) { title } } }`);
    expect(gql.albums).toHaveLength(3);
    for (const album of gql.albums) {
      expect(album.cover?.url, album.name).toMatch(/^\/uploads\//);
      expect(album.images.length, album.name).toBeGreaterThanOrEqual(5);
    }
    expect(gql.albums.reduce((n: number, a: { images: unknown[] }) => n + a.images.length, 0)).toBe(20);
  });

  it('fills the site settings', async () => {
    const { siteSetting } = await graphql(`{ siteSetting { siteName tagline footer address phone email about logo { url } } }`);
    expect(siteSetting.siteName).toBe('Trung tâm Bồi dưỡng chính trị thị xã Phú Lâm');
    expect(siteSetting.tagline).toBeTruthy();
    expect(siteSetting.footer).toContain('©');
    expect(siteSetting.email).toMatch(/@/);
    expect((siteSetting.about.match(/<p>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(siteSetting.logo?.url).toMatch(/^\/uploads\//);
  });
});

describe('seeding again', () => {
  it('changes nothing once articles exist', async () => {
    const counts = async () => ({
      articles: await cms.strapi.db.query('api::article.article').count(),
      documents: await cms.strapi.db.query('api::document.document').count(),
      images: await cms.strapi.db.query('api::gallery-image.gallery-image').count(),
      albums: await cms.strapi.db.query('api::album.album').count(),
      categories: await cms.strapi.db.query('api::category.category').count(),
      tags: await cms.strapi.db.query('api::tag.tag').count(),
      files: await cms.strapi.db.query('plugin::upload.file').count(),
    });
    const before = await counts();
    expect(before.articles).toBeGreaterThan(0);
    const titlesBefore = (await publicArticles()).data.map((a) => `${a.slug} ${a.date}`);

    await expect(loadSeed().seedDemoContent(cms.strapi)).resolves.toEqual({ created: false });

    expect(await counts()).toEqual(before);
    expect((await publicArticles()).data.map((a) => `${a.slug} ${a.date}`)).toEqual(titlesBefore);
  });
});
