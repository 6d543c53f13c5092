import path from 'path';
import type { Core } from '@strapi/strapi';
import { DOCUMENT_FILE_TYPES, IMAGE_FILE_TYPES } from '../src/utils/file-types';

const MIB = 1024 * 1024;

// Editors upload photos and official documents; anything that can carry active content
// (SVG, HTML, scripts, executables) is refused so the media library can never serve XSS.
const allowedUploadTypes = [...IMAGE_FILE_TYPES, ...DOCUMENT_FILE_TYPES];

const deniedUploadTypes = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'application/javascript',
  'text/javascript',
  'application/x-msdownload',
  'application/x-executable',
  'application/x-sh',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_MB', 50) * MIB,
      providerOptions: {
        // Upload names carry a content hash, so a URL never changes meaning; cacheable uploads let
        // the site build reuse its transformed images instead of re-encoding every photo each time.
        localServer: { maxage: 30 * 24 * 60 * 60 * 1000 },
      },
      security: {
        allowedTypes: allowedUploadTypes,
        deniedTypes: deniedUploadTypes,
      },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
      },
      // `pnpm --filter ./cms generate` boots Strapi once with this on to rewrite schema.graphql,
      // which codegen reads so that no running CMS is needed to build the site's types.
      generateArtifacts: env.bool('GRAPHQL_WRITE_SCHEMA', false),
      artifacts: {
        schema: env('GRAPHQL_SCHEMA_PATH', path.join(__dirname, '..', '..', 'schema.graphql')),
        typegen: false,
      },
    },
  },
});

export default config;
