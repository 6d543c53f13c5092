// The site's document pages preview a PDF from the CMS in an <object>: uploads may be framed by the
// site's origins (CORS_ORIGINS), everything else keeps the CMS's own `frame-ancestors 'self'`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFullAccessToken } from './api-client';
import { startCms, type TestCms } from './harness';

const SITE = 'https://xaphulam.example.gov.vn';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let cms: TestCms;
let pdfPath: string;
beforeAll(async () => {
  cms = await startCms({ env: { CORS_ORIGINS: `${SITE},http://127.0.0.1:4321` } });
  const form = new FormData();
  form.append('files', new Blob([PDF], { type: 'application/pdf' }), 'thong-bao.pdf');
  const token = await createFullAccessToken(cms);
  const res = await fetch(`${cms.url}/api/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(201);
  pdfPath = (await res.json())[0].url;
});
afterAll(async () => {
  await cms?.destroy();
});

const frameAncestors = (res: Response) => /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

it('lets the site frame an uploaded PDF', async () => {
  const res = await fetch(`${cms.url}${pdfPath}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(frameAncestors(res)).toBe(`'self' ${SITE} http://127.0.0.1:4321`);
  expect(res.headers.get('x-frame-options')).toBeNull();
  // The rest of the policy is Strapi's own.
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
});

it('keeps the admin and the API unframeable by anyone else', async () => {
  for (const path of ['/admin', '/api/articles', '/graphql', '/_health']) {
    const res = await fetch(`${cms.url}${path}`);
    expect(frameAncestors(res), path).toBe("'self'");
    expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
  }
});
