/**
 * The last step of the rich-text pipeline (shared/src/rich-text.ts): images served by the CMS go
 * through astro:assets like every other image — WebP at several widths with srcset/sizes and
 * width/height, fetched once at build time and cached in web/.cache/astro — then the tree is
 * stringified. Images from other hosts are left as they are.
 *
 * Width/height come from the media library (SiteData.imageSizes, fetched once per build), so no page
 * downloads an image to measure it; only a URL the library does not know (e.g. an edited URL) is
 * measured with inferRemoteSize, once per build.
 */
import { getImage, inferRemoteSize } from 'astro:assets';
import { isCmsUrl } from '@toasoan/shared/media';
import { richTextImages, richTextToHtml, type RichText } from '@toasoan/shared/rich-text';
import { buildEnv, imageSource } from './site';

const WIDTHS = [480, 800, 1200];

type Size = { width: number; height: number };
const measured = new Map<string, Promise<Size>>();
const measure = (src: string): Promise<Size> => {
  let size = measured.get(src);
  if (!size) {
    console.warn(`[body] ${src} is not in the media library's sizes; measuring it (once per build)`);
    size = inferRemoteSize(imageSource(src)).then(({ width, height }) => ({ width, height }));
    measured.set(src, size);
  }
  return size;
};

/**
 * The body as HTML with its CMS images optimised; `sizes` is the body column's width. Body image
 * URLs are public upload addresses (BuildEnv.mediaUrl); each is downloaded from STRAPI_URL.
 */
export const renderBody = async (
  body: RichText,
  knownSizes: Readonly<Record<string, Size>> = {},
  sizes = '(min-width: 900px) 760px, 100vw',
): Promise<string> => {
  // The article page and its print version render the same tree with different sizes.
  const tree = structuredClone(body);
  const { mediaUrl } = buildEnv();
  await Promise.all(
    richTextImages(tree).map(async (img) => {
      const src = img.properties.src;
      if (typeof src !== 'string' || !isCmsUrl(src, mediaUrl)) return;
      try {
        const size = knownSizes[src] ?? (await measure(src));
        const usable = WIDTHS.filter((w) => w <= size.width);
        const widths = usable.length ? usable : [size.width];
        const width = Math.max(...widths);
        const height = Math.round((size.height * width) / size.width);
        const image = await getImage({ src: imageSource(src), width, height, widths, sizes, format: 'webp', quality: 75 });
        const { alt, title, loading, decoding } = img.properties;
        img.properties = { src: image.src, srcSet: image.srcSet.attribute, sizes, width, height, alt, title, loading, decoding };
      } catch (error) {
        console.warn(`[body] keeping ${src} unoptimised: ${(error as Error).message}`);
      }
    }),
  );
  return richTextToHtml(tree);
};
