import type { CodegenConfig } from '@graphql-codegen/cli';

/*
 * The dashboard's codegen, as a frontend project would have it (`npm run codegen:dashboard` at the
 * repository root runs it from this folder). The schema comes from the gateway's published SDL
 * file; against a running gateway, use its URL instead: schema: 'http://127.0.0.1:4000/graphql'.
 */
const config: CodegenConfig = {
  schema: '../../src/generated/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
