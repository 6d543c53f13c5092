import { describe, expect, it } from 'vitest';
import { mergeRedirects, parseSitePath, redirectMapSchema, resolveRedirect, SitePathError, toHref } from './redirects.ts';

describe('parseSitePath', () => {
  it('gives one spelling for escaped, decomposed and relative forms', () => {
    const nfd = '/tin-tức/đảng'.normalize('NFD');
    expect(parseSitePath('/tin-t%E1%BB%A9c/%C4%91%E1%BA%A3ng').path).toBe('/tin-tức/đảng');
    expect(parseSitePath(nfd).path).toBe('/tin-tức/đảng');
    expect(parseSitePath('tin-tuc//a/../b.html').path).toBe('/tin-tuc/b.html');
    expect(parseSitePath('  /Tin-Tuc/A-1.html ').path).toBe('/Tin-Tuc/A-1.html');
  });
  it('takes the site\'s own ASCII paths as they are, and still reads dot segments, queries and doubled slashes', () => {
    expect(parseSitePath('/tin-tuc/hoi-nghi-1/ban-in/')).toEqual({ path: '/tin-tuc/hoi-nghi-1/ban-in/', search: '', hash: '' });
    expect(parseSitePath('/')).toEqual({ path: '/', search: '', hash: '' });
    expect(parseSitePath('/tin-tuc/./a/').path).toBe('/tin-tuc/a/');
    expect(parseSitePath('/tin-tuc/a/..').path).toBe('/tin-tuc/');
    expect(parseSitePath('/tin-tuc//a/').path).toBe('/tin-tuc/a/');
    expect(parseSitePath('/tin-tuc/a/?trang=2#b')).toEqual({ path: '/tin-tuc/a/', search: '?trang=2', hash: '#b' });
  });
  it('keeps escapes that would change the path when decoded', () => {
    expect(parseSitePath('/a%2fb%25c%3F').path).toBe('/a%2Fb%25c%3F');
    expect(parseSitePath('/bad%FF').path).toBe('/bad%FF');
  });
  it('keeps only the path of a full URL when an origin is allowed', () => {
    expect(parseSitePath('https://old.example.gov.vn/vi/tin-tuc/a-12.html', { allowOrigin: true })).toEqual({
      path: '/vi/tin-tuc/a-12.html',
      search: '',
      hash: '',
    });
  });
  it('refuses another site, empty text and other schemes', () => {
    expect(() => parseSitePath('https://evil.example/x')).toThrow(SitePathError);
    expect(() => parseSitePath('//evil.example/x')).toThrow(SitePathError);
    expect(() => parseSitePath('/\\evil.example/x')).toThrow(SitePathError);
    expect(() => parseSitePath('   ')).toThrow(SitePathError);
    expect(() => parseSitePath('javascript:alert(1)', { allowOrigin: true })).toThrow(SitePathError);
  });
});

describe('resolveRedirect', () => {
  const map = redirectMapSchema.parse({
    '/tin-tuc/thoi-su/a-12.html': '/tin-tuc/a/',
    '/tin-tuc/thoi-su/': '/chuyen-muc/thoi-su/',
    '/tin-tức/b': '/tin-tuc/b/',
    '/loop': '/loop/',
  });
  it('answers the listed path and its forms with and without ".html" and the trailing slash', () => {
    expect(resolveRedirect(map, '/tin-tuc/thoi-su/a-12.html')).toBe('/tin-tuc/a/');
    expect(resolveRedirect(map, '/tin-tuc/thoi-su/a-12')).toBe('/tin-tuc/a/');
    expect(resolveRedirect(map, '/tin-tuc/thoi-su/a-12/')).toBe('/tin-tuc/a/');
    expect(resolveRedirect(map, '/tin-tuc/thoi-su')).toBe('/chuyen-muc/thoi-su/');
  });
  it('keeps the query and matches escaped requests', () => {
    expect(resolveRedirect(map, '/tin-tuc/thoi-su/?page=2')).toBe('/chuyen-muc/thoi-su/?page=2');
    expect(resolveRedirect(map, '/tin-t%E1%BB%A9c/b')).toBe('/tin-tuc/b/');
  });
  it('answers nothing for unknown paths and never the request itself', () => {
    expect(resolveRedirect(map, '/khong-co')).toBeNull();
    expect(resolveRedirect(map, '/loop/')).toBeNull();
    expect(resolveRedirect(map, '/loop')).toBe('/loop/');
  });
  it('escapes what a Location header cannot carry', () => {
    expect(toHref('/tin-tức/a b?x=1')).toBe('/tin-t%E1%BB%A9c/a%20b?x=1');
  });
});

describe('mergeRedirects', () => {
  it('shortens chains, lets later sources win and drops loops', () => {
    const { map, loops } = mergeRedirects(
      { '/a.html': '/b/', '/b/': '/c/', '/x': '/y', '/y': '/x', '/moved': '/cms/' },
      { '/moved': '/site/' },
    );
    expect(map).toEqual({ '/a.html': '/c/', '/b/': '/c/', '/moved': '/site/' });
    expect(loops).toEqual(['/x', '/y']);
  });
  it('refuses a target on another site', () => {
    expect(() => mergeRedirects({ '/a': 'https://evil.example/' })).toThrow();
  });
});
