import { describe, expect, it } from 'vitest';
import { buildFetchUrl, formatFileSize, isCmsUrl, resolveMediaUrl } from './media.ts';
import { toFile, toImage } from './domain.ts';

describe('resolveMediaUrl', () => {
  it('joins relative uploads to STRAPI_URL', () => {
    expect(resolveMediaUrl('/uploads/a.jpg', 'http://127.0.0.1:1337')).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(resolveMediaUrl('/uploads/a.jpg', 'http://127.0.0.1:1337/')).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(resolveMediaUrl('uploads/a.jpg', 'http://cms.test')).toBe('http://cms.test/uploads/a.jpg');
  });
  it('keeps a path prefix of STRAPI_URL', () => {
    expect(resolveMediaUrl('/uploads/a.jpg', 'https://portal.gov.vn/cms')).toBe('https://portal.gov.vn/cms/uploads/a.jpg');
    expect(resolveMediaUrl('/uploads/a.jpg', 'https://portal.gov.vn/cms/')).toBe('https://portal.gov.vn/cms/uploads/a.jpg');
  });
  it('leaves absolute URLs (CDN providers) alone', () => {
    expect(resolveMediaUrl('https://cdn.example.com/x/a.jpg', 'http://127.0.0.1:1337')).toBe('https://cdn.example.com/x/a.jpg');
    expect(resolveMediaUrl('HTTP://cdn.example.com/a.jpg', 'http://127.0.0.1:1337')).toBe('http://cdn.example.com/a.jpg');
  });
  it('gives protocol-relative URLs the CMS protocol', () => {
    expect(resolveMediaUrl('//cdn.example.com/a.jpg', 'https://cms.test')).toBe('https://cdn.example.com/a.jpg');
  });
  it('encodes spaces and Vietnamese file names', () => {
    expect(resolveMediaUrl('/uploads/ảnh hội nghị.jpg', 'http://cms.test')).toBe('http://cms.test/uploads/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg');
  });
  it('refuses other schemes and empty values', () => {
    expect(resolveMediaUrl('javascript:alert(1)', 'http://cms.test')).toBeUndefined();
    expect(resolveMediaUrl('data:image/png;base64,AAAA', 'http://cms.test')).toBeUndefined();
    expect(resolveMediaUrl('', 'http://cms.test')).toBeUndefined();
    expect(resolveMediaUrl(null, 'http://cms.test')).toBeUndefined();
    expect(resolveMediaUrl('   ', 'http://cms.test')).toBeUndefined();
  });
});

describe('buildFetchUrl', () => {
  it('downloads public uploads from the build address', () => {
    expect(buildFetchUrl('https://cms.example.gov.vn/uploads/a.jpg', 'https://cms.example.gov.vn', 'http://127.0.0.1:1337')).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(buildFetchUrl('https://example.gov.vn/media/uploads/a.jpg', 'https://example.gov.vn/media/', 'http://cms:1337/')).toBe('http://cms:1337/uploads/a.jpg');
  });
  it('leaves other hosts, and look-alike prefixes, alone', () => {
    expect(buildFetchUrl('https://cdn.example.com/a.jpg', 'https://cms.example.gov.vn', 'http://127.0.0.1:1337')).toBe('https://cdn.example.com/a.jpg');
    expect(buildFetchUrl('https://cms.example.gov.vn.evil.test/a.jpg', 'https://cms.example.gov.vn', 'http://127.0.0.1:1337')).toBe(
      'https://cms.example.gov.vn.evil.test/a.jpg',
    );
  });
});

describe('isCmsUrl', () => {
  it('compares origins', () => {
    expect(isCmsUrl('http://127.0.0.1:1337/uploads/a.pdf', 'http://127.0.0.1:1337')).toBe(true);
    expect(isCmsUrl('https://cdn.example.com/a.pdf', 'http://127.0.0.1:1337')).toBe(false);
    expect(isCmsUrl('nope', 'http://127.0.0.1:1337')).toBe(false);
  });
});

describe('media mapping', () => {
  const media = { url: '/uploads/pic.jpg', alternativeText: null, caption: 'Hội nghị', width: 800, height: 600, mime: 'image/jpeg', name: 'pic.jpg', ext: '.jpg', size: 120.5 };
  it('builds images with absolute src, size and fallback alt', () => {
    expect(toImage(media, 'http://cms.test', 'Tiêu đề')).toEqual({
      src: 'http://cms.test/uploads/pic.jpg', alt: 'Hội nghị', width: 800, height: 600, caption: 'Hội nghị', mime: 'image/jpeg',
    });
    expect(toImage(null, 'http://cms.test')).toBeUndefined();
  });
  it('takes alt from the alternative text, else the caption, else the owner title', () => {
    expect(toImage({ ...media, alternativeText: ' Quang cảnh hội nghị ' }, 'http://cms.test', 'Tiêu đề')?.alt).toBe('Quang cảnh hội nghị');
    expect(toImage(media, 'http://cms.test', 'Tiêu đề')?.alt).toBe('Hội nghị');
    expect(toImage({ ...media, caption: '  ' }, 'http://cms.test', 'Tiêu đề')?.alt).toBe('Tiêu đề');
  });
  it('builds files and detects PDFs', () => {
    const file = toFile({ ...media, url: '/uploads/vb.pdf', mime: 'application/pdf', ext: '.pdf', name: 'vb.pdf' }, 'http://cms.test');
    expect(file).toMatchObject({ url: 'http://cms.test/uploads/vb.pdf', ext: 'pdf', isPdf: true });
  });
  it('formats file sizes', () => {
    expect(formatFileSize(350.4)).toBe('350 KB');
    expect(formatFileSize(2048)).toBe('2 MB');
    expect(formatFileSize(null)).toBe('');
  });
});
