import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  // The public site's browser scripts (counters, comments) call the CMS; nobody else may.
  const siteOrigins = env.array('CORS_ORIGINS', ['http://127.0.0.1:4321', 'http://localhost:4321']);
  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        // The site's document pages preview PDFs from the CMS in an <object>: the site may frame the
        // CMS, nobody else (CSP frame-ancestors replaces X-Frame-Options, which cannot list origins).
        contentSecurityPolicy: { directives: { 'frame-ancestors': ["'self'", ...siteOrigins] } },
        frameguard: false,
      },
    },
    { name: 'strapi::cors', config: { origin: siteOrigins } },
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
};

export default config;
