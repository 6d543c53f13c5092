import type { UID } from '@strapi/strapi';

// Every content type the public site reads; public access, roles and tokens are derived from it.
export const PUBLIC_CONTENT_TYPES = [
  'api::article.article',
  'api::category.category',
  'api::tag.tag',
  'api::document.document',
  'api::document-type.document-type',
  'api::issuer.issuer',
  'api::signer.signer',
  'api::document-field.document-field',
  'api::album.album',
  'api::gallery-image.gallery-image',
  'api::site-setting.site-setting',
] as const satisfies readonly UID.ContentType[];

export type PublicContentType = (typeof PUBLIC_CONTENT_TYPES)[number];
