import { describe, expect, it } from 'vitest';
import type { CmsClient } from './client.ts';
import { bodyImageUrls, fetchImageSizes } from './load.ts';
import { parseRichText } from './rich-text.ts';

const CMS = 'http://cms.local:1337';

describe('bodyImageUrls', () => {
  it('collects each CMS image shown in the bodies once, and nothing from other hosts', () => {
    const urls = bodyImageUrls(
      [
        `<p>a</p><figure><img src="/uploads/a_1.jpg" alt="x"></figure><img alt="y" src="${CMS}/uploads/b_2.png?v=1&amp;w=2">`,
        `<img src="${CMS}/uploads/a_1.jpg"><img src="https://other.example/c.jpg"><img src="">`,
      ].map((html) => parseRichText(html, { mediaBase: CMS })),
      CMS,
    );
    expect(urls).toEqual([`${CMS}/uploads/a_1.jpg`, `${CMS}/uploads/b_2.png?v=1&w=2`]);
  });
});

describe('fetchImageSizes', () => {
  it('asks the media library by URL, in chunks, and keys sizes (formats included) by absolute URL', async () => {
    const calls: Record<string, unknown>[] = [];
    const files: Record<string, { url: string; width: number | null; height: number | null; formats?: unknown }> = {
      '/uploads/a_1.jpg': { url: '/uploads/a_1.jpg', width: 1600, height: 900, formats: { small: { url: '/uploads/small_a_1.jpg', width: 500, height: 281 } } },
      '/uploads/b_2.jpg': { url: '/uploads/b_2.jpg', width: null, height: null },
    };
    const client = {
      endpoint: `${CMS}/graphql`,
      request: async (_doc: unknown, variables: Record<string, unknown>) => {
        calls.push(variables);
        const found = (variables.urls as string[]).map((u) => files[u]).filter(Boolean).map((f, i) => ({ documentId: `${f!.url}-${i}`, ...f }));
        return { uploadFiles: found, uploadFiles_connection: { pageInfo: { total: found.length, pageCount: 1 } } };
      },
    } as unknown as CmsClient;
    const sizes = await fetchImageSizes(client, CMS, [`${CMS}/uploads/a_1.jpg`, `${CMS}/uploads/b_2.jpg`, `${CMS}/uploads/missing.jpg`], { pageSize: 2 });
    expect(sizes).toEqual({
      [`${CMS}/uploads/a_1.jpg`]: { width: 1600, height: 900 },
      [`${CMS}/uploads/small_a_1.jpg`]: { width: 500, height: 281 },
    });
    expect(calls.every((c) => c.page === 1 && (c.urls as string[]).length <= 2)).toBe(true);
    expect(calls.flatMap((c) => c.urls as string[])).toContain('/uploads/missing.jpg');
  });

  it('makes no request when no body shows an image', async () => {
    const client = { endpoint: '', request: async () => { throw new Error('no request expected'); } } as unknown as CmsClient;
    expect(await fetchImageSizes(client, CMS, [])).toEqual({});
  });
});
