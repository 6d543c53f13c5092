import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import mime from 'mime-types';
import { DOCUMENT_FILE_TYPES, IMAGE_FILE_TYPES } from '../../utils/file-types';
import type { ImportMap } from './map';

// What the media library accepts from editors (config/plugins.ts); an import gets no more.
const ACCEPTED_TYPES = new Set<string>([...IMAGE_FILE_TYPES, ...DOCUMENT_FILE_TYPES]);

export interface MediaFile {
  id: number;
  url: string;
}

/**
 * The old site's path under its uploads folder for a URL found in a body or a cover
 * ("/uploads/news/2021_06/a.jpg", "uploads/…", or the old site's full URL), or null for a URL
 * elsewhere (another site, a page link).
 */
export const uploadPathOf = (url: string, oldOrigin?: string): string | null => {
  let value = url.trim();
  if (oldOrigin && value.toLowerCase().startsWith(oldOrigin.toLowerCase())) value = value.slice(oldOrigin.length);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return null;
  value = value.replace(/[?#].*$/, '');
  const match = /^\/?uploads\/(.+)$/.exec(value);
  if (!match) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]!);
  } catch {
    decoded = match[1]!;
  }
  const normalized = path.posix.normalize(decoded);
  return normalized.startsWith('..') || normalized.startsWith('/') ? null : normalized;
};

/**
 * Copies old files into the media library once each: a path already copied (this run or an
 * earlier one), or a file with the same content under another path, gives the same media entry.
 */
export const createMediaCopier = async (
  strapi: Core.Strapi,
  { uploadsDir, map, dryRun }: { uploadsDir: string; map: ImportMap; dryRun: boolean }
) => {
  const workDir = await mkdtemp(path.join(tmpdir(), 'toasoan-import-'));
  let copied = 0;
  const copy = async (relative: string, info: { alternativeText?: string; caption?: string } = {}): Promise<MediaFile | 'missing' | { refused: string }> => {
    const known = map.get('file', relative);
    if (known?.value) return JSON.parse(known.value) as MediaFile;
    const full = path.join(uploadsDir, relative);
    const stats = await stat(full).catch(() => undefined);
    if (!stats?.isFile()) return 'missing';
    const type = mime.lookup(full) || 'application/octet-stream';
    if (!ACCEPTED_TYPES.has(type)) return { refused: `${type} is not an image or office document` };
    const content = await readFile(full);
    const hash = createHash('sha256').update(content).digest('hex');
    const same = map.get('file-hash', hash);
    let file: MediaFile;
    if (same?.value) {
      file = JSON.parse(same.value) as MediaFile;
    } else if (dryRun) {
      file = { id: 0, url: `/uploads/${relative}` };
      copied += 1;
    } else {
      const name = path.basename(relative);
      // The upload service reads the file from disk; hand it a copy so the old uploads folder is never touched.
      const filepath = path.join(workDir, `${copied}-${name}`);
      await copyFile(full, filepath);
      let uploaded: { id: number; url: string };
      try {
        [uploaded] = await strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: { fileInfo: { name, ...info } },
            files: { filepath, originalFilename: name, mimetype: type, size: stats.size },
          });
      } catch (error) {
        // The media library's own rules (active content such as SVG or HTML, the size limit) apply to imports too.
        return { refused: error instanceof Error ? error.message : String(error) };
      } finally {
        await rm(filepath, { force: true });
      }
      file = { id: uploaded.id, url: uploaded.url };
      copied += 1;
    }
    if (!same) await map.set('file-hash', hash, { documentId: null, value: JSON.stringify(file) });
    await map.set('file', relative, { documentId: null, value: JSON.stringify(file) });
    return file;
  };
  return {
    copy,
    get copied() {
      return copied;
    },
    close: () => rm(workDir, { recursive: true, force: true }),
  };
};

export type MediaCopier = Awaited<ReturnType<typeof createMediaCopier>>;
