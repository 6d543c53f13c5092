import type { CodegenConfig } from '@graphql-codegen/cli';

// cms/schema.graphql is generated from the content types (`pnpm --filter ./cms generate`) and
// committed, so types can be produced without a running CMS. Output is committed too.
const config: CodegenConfig = {
  schema: '../cms/schema.graphql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        // Fragments are layered (Slug → Card → Full); loaders read them directly.
        fragmentMasking: false,
        gqlTagName: 'graphql',
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
        scalars: {
          DateTime: 'string',
          Date: 'string',
          JSON: 'unknown',
          Long: 'number',
        },
      },
    },
  },
};

export default config;
