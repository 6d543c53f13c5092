import { winston, formats } from '@strapi/logger';

// Tests and the one-shot scripts keep Strapi quiet, production logs no request lines ('http' level:
// nginx has the access log), development logs every request; STRAPI_LOG_LEVEL overrides.
const defaultLevel = ({ test: 'warn', production: 'info' } as Record<string, string>)[process.env.NODE_ENV ?? ''] ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level: process.env.STRAPI_LOG_LEVEL ?? defaultLevel,
      format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};
