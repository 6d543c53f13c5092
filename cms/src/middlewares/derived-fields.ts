import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toSlug } from '../utils/slug';
import { DOCUMENT_FILE_TYPES } from '../utils/file-types';
import { RICH_HTML_FIELDS, toRichHtml } from '../utils/rich-html';

// The admin UI fills uid fields in the browser; content created through REST, GraphQL or an
// import would otherwise be left without a slug. Doing it here makes every path equal.
const SLUG_SOURCES: Partial<Record<UID.ContentType, string>> = {
  'api::article.article': 'title',
  'api::category.category': 'name',
  'api::tag.tag': 'name',
  'api::document.document': 'title',
  'api::album.album': 'name',
  'api::issuer.issuer': 'name',
  'api::document-field.document-field': 'name',
};

const ALLOWED_DOCUMENT_FILES = new Set(DOCUMENT_FILE_TYPES);

const MAX_SLUG_LENGTH = 200;

const uniqueSlug = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  base: string,
  documentId: string | undefined
): Promise<string> => {
  const root = (base || 'bai-viet').slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  // Most titles are new: one lookup by the slug index answers it. The prefix search below reads
  // every row on SQLite (LIKE uses no index there): ~0.25 s per new article at 50,000 articles.
  const same = await strapi.db.query(uid).findMany({ select: ['documentId'], where: { slug: root } });
  if (same.every((row: any) => row.documentId === documentId)) return root;
  const taken = await strapi.db.query(uid).findMany({
    select: ['slug', 'documentId'],
    where: { slug: { $startsWith: root } },
  });
  const used = new Set(
    taken.filter((row: any) => row.documentId !== documentId).map((row: any) => row.slug as string)
  );
  if (!used.has(root)) return root;
  for (let n = 2; ; n += 1) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
};

const fileIdOf = (value: unknown): number | string | undefined => {
  if (value == null) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return fileIdOf(value[0]);
  if (typeof value === 'object' && 'id' in value) return (value as { id: number }).id;
  return undefined;
};

const assertDocumentFile = async (strapi: Core.Strapi, data: Record<string, unknown>) => {
  const fileId = fileIdOf(data.file);
  if (fileId === undefined) return;
  const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } });
  if (!file) {
    throw new errors.ValidationError('file: tệp đính kèm không tồn tại', { path: ['file'] });
  }
  if (!ALLOWED_DOCUMENT_FILES.has(file.mime)) {
    throw new errors.ValidationError(
      `file: văn bản chỉ nhận PDF, DOC(X), XLS(X), ODT, ODS (nhận được ${file.mime})`,
      { path: ['file'] }
    );
  }
};

/**
 * Text is stored NFC whatever produced it: Vietnamese from some IMEs and from Word arrives decomposed
 * (NFD), which looks the same but breaks search, slugs and comparisons. Rich-text fields are stored
 * as the editor's HTML even when a client sends Markdown.
 */
const normalizeText = (uid: UID.ContentType, data: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') data[key] = value.normalize('NFC');
  }
  for (const field of (RICH_HTML_FIELDS as Partial<Record<string, readonly string[]>>)[uid] ?? []) {
    if (typeof data[field] === 'string') data[field] = toRichHtml(data[field] as string);
  }
};

export const registerDerivedFields = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const uid = context.uid as UID.ContentType;
    const params = context.params as any;

    if (context.action === 'create' || context.action === 'update') {
      const data = params.data as Record<string, unknown> | undefined;
      if (data && uid.startsWith('api::')) normalizeText(uid, data);
      const sourceField = SLUG_SOURCES[uid];
      if (data && sourceField) {
        const requested = typeof data.slug === 'string' ? data.slug.trim() : undefined;
        const source = data[sourceField];
        // A new entry, or an editor clearing the field, gets a slug from its title; an update that
        // does not mention the slug keeps the published URL stable.
        const fromTitle = (context.action === 'create' && !requested) || requested === '';
        if (requested) {
          data.slug = await uniqueSlug(strapi, uid, toSlug(requested), params.documentId);
        } else if (fromTitle && typeof source === 'string' && source.trim() !== '') {
          data.slug = await uniqueSlug(strapi, uid, toSlug(source), params.documentId);
        }
      }
      if (data && uid === 'api::document.document') {
        await assertDocumentFile(strapi, data);
      }
      if (data && uid === 'api::article.article' && !data.date && params.status === 'published') {
        data.date = new Date().toISOString();
      }
    }

    if (context.action === 'publish' && uid === 'api::article.article' && params.documentId) {
      // "date" is what readers see; an editor may backdate it, otherwise it is the first publish.
      await strapi.db
        .query(uid)
        .updateMany({ where: { documentId: params.documentId, date: { $null: true } }, data: { date: new Date() } });
    }

    return next();
  });
};
