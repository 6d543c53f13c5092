/**
 * Images inside article bodies come from the CMS as plain <img src="…/uploads/…">. Here each one
 * served by the CMS goes through astro:assets like every other image: WebP at several widths
 * with srcset/sizes and width/height, fetched once at build time and cached in web/.cache/astro.
 * Images from other hosts are left as they are.
 *
 * Width/height come from the media library (SiteData.imageSizes, fetched once per build), so no page
 * downloads an image to measure it; only a URL the library does not know (e.g. an edited URL) is
 * measured with inferRemoteSize, once per build.
 */
import { getImage, inferRemoteSize } from 'astro:assets';
import { isCmsUrl } from '@toasoan/shared/media';
import { buildEnv, imageSource } from './site';

const IMG = /<img\b([^>]*?)\s*\/?>/gi;
const ATTR = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i');
const WIDTHS = [480, 800, 1200];

const decode = (value: string) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const encode = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

type Size = { width: number; height: number };
const measured = new Map<string, Promise<Size>>();
const measure = (src: string): Promise<Size> => {
  let size = measured.get(src);
  if (!size) {
    console.warn(`[body-images] ${src} is not in the media library's sizes; measuring it (once per build)`);
    size = inferRemoteSize(imageSource(src)).then(({ width, height }) => ({ width, height }));
    measured.set(src, size);
  }
  return size;
};

/** Body image URLs are public upload addresses (BuildEnv.mediaUrl); each is downloaded from STRAPI_URL. */
export const optimizeBodyImages = async (
  html: string,
  knownSizes: Readonly<Record<string, Size>> = {},
  sizes = '(min-width: 900px) 760px, 100vw',
): Promise<string> => {
  const matches = [...html.matchAll(IMG)];
  if (!matches.length) return html;
  const replacements = await Promise.all(
    matches.map(async (match) => {
      const attrs = ` ${match[1] ?? ''}`;
      const rawSrc = ATTR('src').exec(attrs)?.[1];
      if (!rawSrc) return match[0];
      const src = decode(rawSrc);
      if (!isCmsUrl(src, buildEnv().mediaUrl)) return match[0];
      try {
        const size = knownSizes[src] ?? (await measure(src));
        const usable = WIDTHS.filter((w) => w <= size.width);
        const widths = usable.length ? usable : [size.width];
        const width = Math.max(...widths);
        const height = Math.round((size.height * width) / size.width);
        const image = await getImage({ src: imageSource(src), width, height, widths, sizes, format: 'webp', quality: 75 });
        const kept = attrs.replace(/\s(src|srcset|sizes|width|height)="[^"]*"/gi, '');
        return `<img src="${encode(image.src)}" srcset="${encode(image.srcSet.attribute)}" sizes="${encode(sizes)}" width="${width}" height="${height}"${kept}>`;
      } catch (error) {
        console.warn(`[body-images] keeping ${src} unoptimised: ${(error as Error).message}`);
        return match[0];
      }
    }),
  );
  let i = 0;
  return html.replace(IMG, () => replacements[i++]!);
};
