import { winston, formats } from '@strapi/logger';

// Tests and the one-shot scripts keep Strapi quiet; a developer can ask for more with STRAPI_LOG_LEVEL.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.STRAPI_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'http'),
      format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};
