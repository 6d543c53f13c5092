import type { Core } from '@strapi/strapi';

// The public site's origins (CORS_ORIGINS): its scripts call the CMS, its document pages frame uploaded PDFs.
const SITE_ORIGINS = ['http://127.0.0.1:4321', 'http://localhost:4321'];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'global::upload-framing', config: { origins: env.array('CORS_ORIGINS', SITE_ORIGINS) } },
  {
    name: 'strapi::cors',
    config: {
      // The public site's browser scripts (counters, comments) call the CMS; nobody else may.
      origin: env.array('CORS_ORIGINS', SITE_ORIGINS),
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '1mb',
      formLimit: '1mb',
      textLimit: '1mb',
      formidable: { maxFileSize: env.int('UPLOAD_SIZE_LIMIT_MB', 50) * 1024 * 1024 },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
