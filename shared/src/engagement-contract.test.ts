import { describe, expect, it } from 'vitest';
import { commentRequestSchema, engagementPath, ratingRequestSchema, viewArticleResponseSchema } from './engagement-contract.ts';

describe('engagement contract', () => {
  it('builds each path with the documentId encoded', () => {
    expect(engagementPath('viewArticle', 'abc123')).toBe('/api/engagement/articles/abc123/view');
    expect(engagementPath('download', 'a/b c')).toBe('/api/engagement/documents/a%2Fb%20c/download');
    expect(engagementPath('hit')).toBe('/api/engagement/hit');
  });

  it('takes a valid rating and names the field of a bad one in Vietnamese', () => {
    expect(ratingRequestSchema.safeParse({ value: 4 }).success).toBe(true);
    const bad = ratingRequestSchema.safeParse({ value: 6 });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['value'], message: 'điểm đánh giá phải là số nguyên từ 1 đến 5' });
  });

  it('checks comment lengths after normalizing, as the CMS strips HTML before counting', () => {
    const stripTags = (text: string) => text.replace(/<[^>]*>/g, '').trim();
    expect(commentRequestSchema(stripTags).safeParse({ name: 'An', text: '<b>Tốt</b>', email: '' }).data).toEqual({ name: 'An', text: 'Tốt' });
    const empty = commentRequestSchema(stripTags).safeParse({ name: '<i></i>', text: 'Được' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['name'], message: 'Họ tên không được để trống' });
    expect(commentRequestSchema().safeParse({ name: 'An', text: 'Ổn', email: 'sai' }).error?.issues[0]?.path).toEqual(['email']);
  });

  it('rejects an answer that is not what the CMS promises', () => {
    expect(viewArticleResponseSchema.safeParse({ data: { counted: true, views: 3, ratingCount: 0, ratingAverage: 0 } }).success).toBe(true);
    expect(viewArticleResponseSchema.safeParse({ data: { views: '3' } }).success).toBe(false);
  });
});
