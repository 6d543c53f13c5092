/**
 * /favicon.ico, which browsers ask for on every site whatever the page links: the site-setting
 * logo (fetched from the CMS at build time), else a red square with a gold star.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { imageSource, loadSite } from '../lib/site';

const SIZES = [16, 32, 48];

const DEFAULT_ICON = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#a4161a"/>' +
    '<path fill="#f2c14e" d="M32 9l6.5 17.6H57L42 37.6l5.6 18L32 44.8 16.4 55.6l5.6-18L7 26.6h18.5z"/></svg>',
);

/**
 * An ICO file holding PNG images (the format every browser since IE Vista reads): a 6-byte header,
 * one 16-byte entry per image, then the PNGs. sharp writes PNG but not ICO.
 */
const ico = (pngs: { size: number; data: Buffer }[]) => {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width, 0 = 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
};

const logoBytes = async (src: string): Promise<Buffer> => {
  const res = await fetch(src, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`Cannot fetch the site logo for /favicon.ico: ${src} answered HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
};

export const GET: APIRoute = async () => {
  const { settings } = await loadSite();
  // Logo URLs are public addresses; the build reads the file from the CMS's build address.
  const source = settings.logo ? await logoBytes(imageSource(settings.logo.src)) : DEFAULT_ICON;
  const pngs = await Promise.all(
    SIZES.map(async (size) => ({
      size,
      data: await sharp(source, { density: 300 }).resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer(),
    })),
  );
  return new Response(ico(pngs), { headers: { 'Content-Type': 'image/x-icon' } });
};
