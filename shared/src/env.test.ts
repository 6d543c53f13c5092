import { describe, expect, it } from 'vitest';
import { EnvError, readBuildEnv } from './env.ts';

describe('readBuildEnv', () => {
  it('has defaults', () => {
    expect(readBuildEnv({})).toEqual({
      strapiUrl: 'http://127.0.0.1:1337',
      strapiToken: undefined,
      siteUrl: 'http://127.0.0.1:4321',
      publicCmsUrl: 'http://127.0.0.1:1337',
      mediaUrl: 'http://127.0.0.1:1337',
      allowEmptySite: false,
    });
  });
  it('trims trailing slashes and blank tokens', () => {
    const env = readBuildEnv({ STRAPI_URL: 'https://cms.example.gov.vn/', SITE_URL: 'https://example.gov.vn//', STRAPI_TOKEN: '  ', ALLOW_EMPTY_SITE: '1' });
    expect(env).toEqual({
      strapiUrl: 'https://cms.example.gov.vn',
      strapiToken: undefined,
      siteUrl: 'https://example.gov.vn',
      publicCmsUrl: 'https://cms.example.gov.vn',
      mediaUrl: 'https://cms.example.gov.vn',
      allowEmptySite: true,
    });
  });
  it('takes PUBLIC_CMS_URL for the browser, defaulting to STRAPI_URL when blank', () => {
    expect(readBuildEnv({ STRAPI_URL: 'http://cms:1337', PUBLIC_CMS_URL: 'https://cms.example.gov.vn/' }).publicCmsUrl).toBe('https://cms.example.gov.vn');
    expect(readBuildEnv({ STRAPI_URL: 'http://cms:1337', PUBLIC_CMS_URL: '  ' }).publicCmsUrl).toBe('http://cms:1337');
  });
  it('gives pages the public media address, never the internal build address', () => {
    const internal = { STRAPI_URL: 'http://10.0.0.5:1337' };
    expect(readBuildEnv({ ...internal, PUBLIC_CMS_URL: 'https://cms.example.gov.vn' }).mediaUrl).toBe('https://cms.example.gov.vn');
    expect(readBuildEnv({ ...internal, PUBLIC_CMS_URL: 'https://cms.example.gov.vn', PUBLIC_MEDIA_URL: 'https://example.gov.vn/media/' }).mediaUrl).toBe(
      'https://example.gov.vn/media',
    );
    expect(readBuildEnv(internal).mediaUrl).toBe('http://10.0.0.5:1337');
    expect(() => readBuildEnv({ PUBLIC_MEDIA_URL: 'media.example.gov.vn' })).toThrow('PUBLIC_MEDIA_URL must be an http(s) URL');
  });
  it('lists every bad variable clearly', () => {
    let error: unknown;
    try {
      readBuildEnv({ STRAPI_URL: 'localhost:1337', SITE_URL: 'ftp://x', STRAPI_TOKEN: 'has space', PUBLIC_CMS_URL: 'cms.example.gov.vn' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain('STRAPI_URL must be an http(s) URL');
    expect(message).toContain('"localhost:1337"');
    expect(message).toContain('SITE_URL must be an http(s) URL');
    expect(message).toContain('STRAPI_TOKEN must be a single token');
    expect(message).toContain('PUBLIC_CMS_URL must be an http(s) URL');
  });
});
