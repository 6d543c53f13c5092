import { describe, expect, test } from 'vitest';
import { classify, isAuthorized, parsePayload } from './webhook.ts';

const always = ['site-setting', 'comment'];
const decide = (payload: object) => classify(parsePayload(Buffer.from(JSON.stringify(payload))), always);

describe('isAuthorized', () => {
  test('accepts only the exact bearer secret', () => {
    expect(isAuthorized('Bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorized('bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorized('Bearer s3cret2', 's3cret')).toBe(false);
    expect(isAuthorized('Bearer s3cre', 's3cret')).toBe(false);
    expect(isAuthorized('s3cret', 's3cret')).toBe(false);
    expect(isAuthorized(undefined, 's3cret')).toBe(false);
  });
});

describe('classify', () => {
  test('draft saves of draft-and-publish types are ignored', () => {
    for (const event of ['entry.create', 'entry.update']) {
      expect(decide({ event, model: 'article', entry: { documentId: 'a', publishedAt: null } })).toMatchObject({ build: false });
      expect(decide({ event, model: 'article', entry: { documentId: 'a' } })).toMatchObject({ build: false });
    }
  });

  test('writes that are public at once rebuild: single types, comments, types without drafts', () => {
    expect(decide({ event: 'entry.update', model: 'site-setting', entry: { documentId: 's', publishedAt: null } })).toMatchObject({ build: true });
    expect(decide({ event: 'entry.update', model: 'comment', entry: { documentId: 'c', approved: true } })).toMatchObject({ build: true });
    expect(decide({ event: 'entry.create', model: 'tag', entry: { documentId: 't', publishedAt: '2025-01-01T00:00:00.000Z' } })).toMatchObject({
      build: true,
    });
  });

  test('publish, unpublish, delete and media changes rebuild, even with entry: null', () => {
    for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete', 'media.update', 'media.delete']) {
      expect(decide({ event, model: 'article', entry: null })).toMatchObject({ build: true });
    }
    expect(decide({ event: 'entry.publish' })).toMatchObject({ build: true });
  });

  test('uploads and test pings do not rebuild', () => {
    expect(decide({ event: 'media.create', media: { id: 1 } })).toMatchObject({ build: false });
    expect(decide({ event: 'trigger-test' })).toMatchObject({ build: false });
  });

  test('the draft row and published row of one publish share a key; different documents do not', () => {
    const a = decide({ event: 'entry.publish', uid: 'api::article.article', entry: { id: 1, documentId: 'x', publishedAt: null } });
    const b = decide({ event: 'entry.publish', uid: 'api::article.article', entry: { id: 2, documentId: 'x', publishedAt: '2025-01-01' } });
    const c = decide({ event: 'entry.publish', uid: 'api::article.article', entry: { id: 3, documentId: 'y' } });
    expect(a.build && b.build && a.key === b.key).toBe(true);
    expect(a.build && c.build && a.key !== c.key).toBe(true);
  });
});

describe('parsePayload', () => {
  test('gives a reason for every rejection', () => {
    const parse = (text: string) => () => parsePayload(Buffer.from(text));
    expect(parse('not json')).toThrow(/malformed JSON/);
    expect(parse('"entry.publish"')).toThrow('payload must be a JSON object');
    expect(parse('{}')).toThrow('event is required');
    expect(parse('{"event":"entry.archive"}')).toThrow('unknown event "entry.archive"');
    expect(parse('{"event":"entry.publish","entry":"x"}')).toThrow(/^entry: /);
  });
});
