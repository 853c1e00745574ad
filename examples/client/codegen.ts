import type { CodegenConfig } from '@graphql-codegen/cli';

/*
 * A frontend project's codegen, as you would write it in your own repository. Run it from this
 * folder (`npm run codegen:client` at the repository root does). The schema comes from the
 * gateway's published SDL file; against a running gateway, use its URL instead:
 *   schema: 'http://127.0.0.1:4000/graphql'
 */
const config: CodegenConfig = {
  schema: '../../src/generated/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  // ESM with NodeNext resolution: generated imports need their .js extensions.
  importExtension: '.js',
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Also writes persisted-documents.json (hash → query), which the gateway can load as an
        // allow-list (PERSISTED_DOCUMENTS_PATH).
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
