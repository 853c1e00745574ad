import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL into src/generated/ and committed; `npm test` runs
// `graphql-codegen --check` so they can never drift from the schema. Do not format the output:
// formatting would make --check fail.
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Every field needs a resolver: parents are snake_case upstream records, so a forgotten
        // mapping would otherwise resolve to null silently.
        avoidOptionals: { resolvers: true },
        contextType: '../context.js#GatewayContext',
        scalars: { DateTime: 'string', ID: 'string' },
        // A resolver's parent is the validated upstream record, so field resolvers only rename.
        mappers: {
          Participant: '../loaders/index.js#ParticipantSource',
          PeerStats: '../upstream/schemas.js#PeerStatsRecord',
          DeviceInfo: '../upstream/schemas.js#DeviceInfoRecord',
          PeerStatsEvent: '../upstream/schemas.js#PeerStatsEventRecord',
          IpInformation: '../upstream/schemas.js#IpInformationRecord',
          PrecallNetworkInformation: '../upstream/schemas.js#PrecallNetworkInformationRecord',
          QualityStats: '../upstream/schemas.js#QualityStatsRecord',
          AudioStats: '../upstream/schemas.js#AudioStatsRecord',
          VideoStats: '../upstream/schemas.js#VideoStatsRecord',
        },
      },
    },
  },
};

export default config;
