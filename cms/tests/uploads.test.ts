import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFullAccessToken, rest } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
let token: string;
beforeAll(async () => {
  cms = await startCms();
  token = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const upload = async (name: string, type: string, content: Buffer | string) => {
  const form = new FormData();
  form.append('files', new Blob([content], { type }), name);
  const res = await fetch(`${cms.url}/api/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() };
};

const storedFiles = () => cms.strapi.db.query('plugin::upload.file').count();

it('refuses an SVG, which could carry script, and stores nothing', async () => {
  const before = await storedFiles();
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
  const res = await upload('logo.svg', 'image/svg+xml', svg);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/type|not allowed/i);
  expect(await storedFiles()).toBe(before);
});

it('refuses an HTML page', async () => {
  const res = await upload('trang.html', 'text/html', '<!doctype html><script>alert(1)</script>');
  expect(res.status).toBe(400);
});

it('accepts a photo and a PDF', async () => {
  expect((await upload('anh.png', 'image/png', PNG_1PX)).status).toBe(201);
  expect((await upload('cong-van.pdf', 'application/pdf', PDF)).status).toBe(201);
});

it('refuses an image as the file of an official document, naming the field', async () => {
  const image = (await upload('anh-2.png', 'image/png', PNG_1PX)).body[0];
  const res = await rest(cms, 'POST', '/api/documents', {
    token,
    body: { data: { title: 'Công văn kèm ảnh', kind: 'cong-van', file: image.id } },
  });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('file');
  expect(await cms.strapi.documents('api::document.document').count({ filters: { title: 'Công văn kèm ảnh' } })).toBe(0);
});

it('accepts a PDF as the file of an official document', async () => {
  const pdf = (await upload('1182-cv.pdf', 'application/pdf', PDF)).body[0];
  const res = await rest(cms, 'POST', '/api/documents', {
    token,
    body: { data: { title: 'Công văn số 1182', number: '1182-CV/BTGTU', kind: 'cong-van', file: pdf.id } },
  });
  expect(res.status).toBe(201);
});
