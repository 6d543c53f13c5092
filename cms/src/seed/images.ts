// Demo pictures drawn as SVG and rasterised by sharp: no photos are committed to the repository.
// sharp is not a direct dependency of the CMS; the upload plugin depends on it (it makes the
// thumbnails), so it is resolved from there.
import { createRequire } from 'node:module';
import { createRandom } from './random';

interface SharpPipeline {
  jpeg(options: { quality: number; mozjpeg?: boolean }): SharpPipeline;
  png(options?: { compressionLevel?: number }): SharpPipeline;
  toBuffer(): Promise<Buffer>;
}
type Sharp = (input: Buffer) => SharpPipeline;

let sharpInstance: Sharp | undefined;
const loadSharp = (): Sharp => {
  if (sharpInstance) return sharpInstance;
  const fromStrapi = createRequire(require.resolve('@strapi/strapi'));
  const fromUpload = createRequire(fromStrapi.resolve('@strapi/upload/package.json'));
  sharpInstance = fromUpload('sharp') as Sharp;
  return sharpInstance;
};

export type Scene = 'hall' | 'class' | 'landscape' | 'monument' | 'village' | 'office';

export const PALETTES = {
  party: ['#a4161a', '#e5383b', '#f6c744'],
  news: ['#0b3c5d', '#328cc1', '#d9b310'],
  culture: ['#1b5e20', '#66bb6a', '#ffe082'],
  study: ['#6a1b1a', '#c0392b', '#f5d76e'],
  gallery: ['#264653', '#2a9d8f', '#e9c46a'],
} as const;
export type Palette = keyof typeof PALETTES;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const shortLabel = (text: string, max = 46) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

const star = (cx: number, cy: number, r: number) => {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="#ffde00"/>`;
};

const flag = (x: number, y: number, w: number) =>
  `<line x1="${x}" y1="${y}" x2="${x}" y2="${y + w * 1.6}" stroke="#555" stroke-width="4"/>` +
  `<rect x="${x}" y="${y}" width="${w}" height="${w * 0.66}" fill="#da251d"/>` +
  star(x + w / 2, y + w * 0.33, w * 0.2);

const audience = (rand: ReturnType<typeof createRandom>, top: number, rows: number, width: number) => {
  const parts: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const y = top + row * 55;
    const r = 17 + row * 3;
    for (let x = 40 + (row % 2) * 30; x < width; x += r * 2.6) {
      const shirt = rand.pick(['#f5f5f5', '#e3f2fd', '#fff8e1', '#37474f', '#eeeeee']);
      parts.push(`<rect x="${x - r}" y="${y + r * 0.8}" width="${r * 2}" height="${r * 2}" rx="${r * 0.8}" fill="${shirt}"/>`);
      parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="#2b2118"/>`);
    }
  }
  return parts.join('');
};

const sceneSvg = (scene: Scene, palette: readonly string[], seed: number, width: number, height: number, banner: string) => {
  const rand = createRandom(seed);
  const [dark, mid, light] = palette;
  const parts: string[] = [];
  const sky = `<linearGradient id="bg" x1="0" y1="0" x2="${rand.next().toFixed(2)}" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${dark}"/></linearGradient>`;
  parts.push(`<rect width="${width}" height="${height}" fill="url(#bg)"/>`);
  if (scene === 'hall' || scene === 'class') {
    // Stage, red backdrop with a slogan, flags, and the audience seen from behind.
    parts.push(`<rect x="0" y="${height * 0.62}" width="${width}" height="${height * 0.38}" fill="#5d4037"/>`);
    parts.push(`<rect x="${width * 0.12}" y="${height * 0.08}" width="${width * 0.76}" height="${height * 0.42}" fill="#b71c1c" stroke="${light}" stroke-width="6"/>`);
    parts.push(star(width * 0.5, height * 0.19, 40));
    parts.push(
      `<text x="${width / 2}" y="${height * 0.36}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${Math.round(width / 34)}" fill="${light}">${escapeXml(shortLabel(banner.toUpperCase(), 40))}</text>`
    );
    parts.push(flag(width * 0.05, height * 0.1, 70), flag(width * 0.9, height * 0.1, 70));
    parts.push(`<rect x="${width * 0.3}" y="${height * 0.52}" width="${width * 0.4}" height="${height * 0.08}" fill="#8d6e63"/>`);
    parts.push(audience(rand, height * (scene === 'hall' ? 0.7 : 0.66), scene === 'hall' ? 3 : 4, width));
  } else if (scene === 'landscape' || scene === 'village') {
    parts.push(`<circle cx="${rand.int(150, width - 150)}" cy="${rand.int(90, 200)}" r="${rand.int(50, 90)}" fill="${light}" fill-opacity="0.9"/>`);
    for (let i = 0; i < 3; i += 1) {
      const base = height * (0.5 + i * 0.14);
      const c1 = rand.int(-80, 80);
      parts.push(
        `<path d="M0 ${base} Q ${width * 0.25} ${base - 90 + c1} ${width * 0.5} ${base} T ${width} ${base - 20} V ${height} H 0 Z" fill="${['#2e7d32', '#388e3c', '#558b2f'][i]}" fill-opacity="${0.75 + i * 0.08}"/>`
      );
    }
    if (scene === 'village') {
      for (let i = 0; i < 5; i += 1) {
        const x = 80 + i * (width / 5) + rand.int(-20, 20);
        const y = height * 0.6 + rand.int(-10, 30);
        parts.push(`<rect x="${x}" y="${y}" width="120" height="80" fill="#fafafa"/>`);
        parts.push(`<polygon points="${x - 12},${y} ${x + 60},${y - 50} ${x + 132},${y}" fill="#c62828"/>`);
        parts.push(`<rect x="${x + 48}" y="${y + 36}" width="24" height="44" fill="#6d4c41"/>`);
      }
    }
  } else {
    // Monument / office: a columned building with a flag on the roof.
    const bw = width * 0.56;
    const bx = (width - bw) / 2;
    const by = height * 0.34;
    parts.push(`<rect x="0" y="${height * 0.78}" width="${width}" height="${height * 0.22}" fill="#9e9e9e"/>`);
    parts.push(`<polygon points="${bx - 30},${by} ${width / 2},${by - 120} ${bx + bw + 30},${by}" fill="${scene === 'monument' ? '#f0e6d2' : '#fff3e0'}"/>`);
    parts.push(`<rect x="${bx}" y="${by}" width="${bw}" height="${height * 0.44}" fill="${scene === 'monument' ? '#efebe9' : '#fffde7'}"/>`);
    for (let i = 0; i < 7; i += 1) {
      parts.push(`<rect x="${bx + 20 + i * ((bw - 60) / 6)}" y="${by + 20}" width="22" height="${height * 0.44 - 20}" fill="#d7ccc8"/>`);
    }
    parts.push(star(width / 2, by - 55, 28));
    parts.push(flag(width / 2 - 4, by - 240, 90));
    for (let i = 0; i < 6; i += 1) {
      parts.push(`<circle cx="${rand.int(40, width - 40)}" cy="${height * 0.8 + rand.int(0, 60)}" r="${rand.int(30, 55)}" fill="#2e7d32"/>`);
    }
  }
  // Caption strip, as newsroom photos often carry.
  parts.push(`<rect x="0" y="${height - 56}" width="${width}" height="56" fill="#000" fill-opacity="0.45"/>`);
  parts.push(
    `<text x="28" y="${height - 20}" font-family="DejaVu Sans" font-size="26" fill="#fff">${escapeXml(shortLabel(banner, Math.round(width / 17)))}</text>`
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>${sky}</defs>${parts.join('')}</svg>`;
};

export interface ImageSpec {
  scene: Scene;
  palette: Palette;
  seed: number;
  label: string;
  width?: number;
  height?: number;
}

export const renderJpeg = async (spec: ImageSpec): Promise<Buffer> => {
  const svg = sceneSvg(spec.scene, PALETTES[spec.palette], spec.seed, spec.width ?? 1200, spec.height ?? 800, spec.label);
  return loadSharp()(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
};

/** Square emblem for the site logo: red disc, gold star, the unit's initials. */
export const renderLogo = async (): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
<circle cx="128" cy="128" r="124" fill="#c8102e" stroke="#f6c744" stroke-width="8"/>
${star(128, 100, 62).replace('#ffde00', '#f6c744')}
<text x="128" y="205" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="34" fill="#fff">TTCT</text>
</svg>`;
  return loadSharp()(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
};
