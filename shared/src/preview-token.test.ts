import { describe, expect, it } from 'vitest';
import { createPreviewToken, verifyPreviewToken } from './preview-token.ts';

const SECRET = 'a-test-secret-of-some-length';

describe('preview tokens', () => {
  it('a fresh token opens its draft', () => {
    const token = createPreviewToken({ kind: 'article', documentId: 'abc123', status: 'draft' }, SECRET);
    expect(verifyPreviewToken(token, SECRET)).toMatchObject({ kind: 'article', documentId: 'abc123', status: 'draft' });
  });

  it('refuses an expired token', () => {
    const token = createPreviewToken({ kind: 'article', documentId: 'abc123', status: 'draft' }, SECRET, { now: Date.now() - 3_600_000, ttlSeconds: 60 });
    expect(verifyPreviewToken(token, SECRET)).toBeUndefined();
  });

  it('refuses a token signed with another secret, or with changed claims', () => {
    const token = createPreviewToken({ kind: 'article', documentId: 'abc123', status: 'draft' }, 'another-secret');
    expect(verifyPreviewToken(token, SECRET)).toBeUndefined();
    const genuine = createPreviewToken({ kind: 'article', documentId: 'abc123', status: 'draft' }, SECRET);
    const [, signature] = genuine.split('.');
    const payload = Buffer.from(JSON.stringify({ kind: 'article', documentId: 'other', status: 'draft', exp: 9_999_999_999 })).toString('base64url');
    expect(verifyPreviewToken(`${payload}.${signature}`, SECRET)).toBeUndefined();
  });

  it('refuses missing and malformed tokens', () => {
    for (const token of [undefined, null, '', 'abc', 'a.b.c', '.']) expect(verifyPreviewToken(token, SECRET)).toBeUndefined();
  });

  it('never works without a secret', () => {
    expect(() => createPreviewToken({ kind: 'album', documentId: 'x', status: 'draft' }, '')).toThrow(/PREVIEW_TOKEN_SECRET/);
    expect(() => verifyPreviewToken('a.b', undefined)).toThrow(/PREVIEW_TOKEN_SECRET/);
  });
});
