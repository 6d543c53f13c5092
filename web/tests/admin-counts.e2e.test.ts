// An editor's edit form and readers' counts, in the real admin in Chromium: the counts are shown
// read-only beside the form, and saving and publishing a form opened before readers came keeps them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './product-harness';

const BROWSER = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

let product: Product;

beforeAll(async () => {
  product = await startProduct();
}, 600_000);

afterAll(async () => {
  await product?.stop();
});

const views = async (documentId: string): Promise<number> => {
  const res = await fetch(`${product.cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { article(documentId: $id) { views } }', variables: { id: documentId } }),
  });
  return (await res.json()).data.article.views;
};

it('shows the views beside the form and keeps those counted while the form was open through save and publish', async () => {
  const res = await fetch(`${product.cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles(pagination: { pageSize: 1 }) { documentId title } }' }),
  });
  const article = (await res.json()).data.articles[0] as { documentId: string; title: string };
  const before = await views(article.documentId);
  expect(before).toBeGreaterThan(0);

  const page = await product.signIn();
  await page.goto(`${product.cmsUrl}/admin/content-manager/collection-types/api::article.article/${article.documentId}`);
  const panel = page.getByTestId('reader-counts');
  await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toContain(`Lượt xem${count(before)}`);
  await expect(page.getByText('Số liệu bạn đọc').count()).resolves.toBe(1);
  // Nothing in the form holds a count an editor could type over or send back.
  await expect(page.getByRole('textbox', { name: 'Lượt xem' }).count()).resolves.toBe(0);
  await expect(page.getByRole('spinbutton').count()).resolves.toBe(0);

  // Ten readers while the form stays open.
  const counted = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      fetch(`${product.cmsUrl}/api/engagement/articles/${article.documentId}/view`, { method: 'POST', headers: { 'user-agent': `${BROWSER} reader/${i}` } })
    )
  );
  expect(counted.map((r) => r.status)).toEqual(Array(10).fill(200));
  expect(await views(article.documentId)).toBe(before + 10);

  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill(`${article.title} (đã biên tập)`);
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(article.documentId));
  await page.getByRole('button', { name: 'Lưu' }).click();
  expect((await saved).status()).toBe(200);
  const published = page.waitForResponse((r) => r.url().includes(`${article.documentId}/actions/publish`));
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  expect((await published).status()).toBe(200);

  expect(await views(article.documentId)).toBe(before + 10);
  await page.reload();
  await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toContain(`Lượt xem${count(before + 10)}`);
  await page.close();
});
