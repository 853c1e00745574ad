import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL into src/generated/ and committed; `npm test` runs
// `graphql-codegen --check` so they can never drift from the schema. Do not format the output:
// formatting would make --check fail.
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    // The whole schema as one printed SDL file, for client projects' codegen (see examples/client).
    'src/generated/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true },
    },
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Every field needs a resolver: parents are snake_case upstream records, so a forgotten
        // mapping would otherwise resolve to null silently.
        avoidOptionals: { resolvers: true },
        contextType: '../context.js#GatewayContext',
        scalars: {
          DateTime: 'string',
          ID: 'string',
          JSON: 'unknown',
          BooleanOrString: 'boolean | string',
        },
        // A field whose upstream leaf had the wrong type resolves to the MalformedLeaf error the wire
        // reader put there; graphql-js and graphql-jit answer an Error a resolver returns as that
        // field's error (see src/upstream/wire.ts).
        customResolverFn:
          '(parent: TParent, args: TArgs, context: TContext, info: GraphQLResolveInfo) => Promise<TResult | Error> | TResult | Error',
        // A resolver's parent is the validated upstream record, so field resolvers only rename.
        mappers: {
          Participant: '../loaders/index.js#ParticipantSource',
          PeerReport: '../loaders/index.js#PeerReportSource',
          Session: '../loaders/index.js#SessionSource',
          ParticipantPage: '../loaders/index.js#ParticipantPageSource',
          SessionPage: '../loaders/index.js#SessionPageSource',
          CallQualityInsights: '../insights/call-quality.js#InsightsRecord',
          QualityIssue: '../insights/call-quality.js#IssueRecord',
          QualityBucket: '../insights/call-quality.js#BucketRecord',
          QualityOverview: '../insights/overview.js#OverviewSource',
          QualityIssueCount: '../insights/overview.js#IssueCountRecord',
          Paging: '../loaders/index.js#PagingSource',
          PeerStats: '../upstream/schemas.js#PeerStatsRecord',
          DeviceInfo: '../upstream/schemas.js#DeviceInfoRecord',
          PeerStatsEvent: '../upstream/schemas.js#PeerStatsEventRecord',
          IpInformation: '../upstream/schemas.js#IpInformationRecord',
          PrecallNetworkInformation: '../upstream/schemas.js#PrecallNetworkInformationRecord',
          QualityStats: '../upstream/schemas.js#QualityStatsRecord',
          AudioStats: '../upstream/schemas.js#AudioStatsRecord',
          VideoStats: '../upstream/schemas.js#VideoStatsRecord',
          // BEGIN peer-report nested mappers
          PeerReportMetadata: '../upstream/peer-report-schemas.js#PeerReportMetadataRecord',
          PeerDeviceInfo: '../upstream/peer-report-schemas.js#PeerDeviceInfoRecord',
          BrowserMetadata: '../upstream/peer-report-schemas.js#BrowserMetadataRecord',
          PeerIpInformation: '../upstream/peer-report-schemas.js#PeerIpInformationRecord',
          Asn: '../upstream/schemas.js#AsnRecord',
          PeerReportEvent: '../upstream/peer-report-schemas.js#PeerReportEventRecord',
          PcMetadata: '../upstream/peer-report-schemas.js#PcMetadataRecord',
          CandidatePairs: '../upstream/peer-report-schemas.js#CandidatePairsRecord',
          CandidatePair: '../upstream/peer-report-schemas.js#CandidatePairRecord',
          DeviceUpdate: '../upstream/peer-report-schemas.js#DeviceUpdateRecord',
          Device: '../upstream/peer-report-schemas.js#DeviceRecord',
          SelectedDeviceUpdate: '../upstream/peer-report-schemas.js#SelectedDeviceUpdateRecord',
          NativeMetadata: '../upstream/peer-report-schemas.js#NativeMetadataRecord',
          PeerReportQuality: '../upstream/peer-report-schemas.js#PeerReportQualityRecord',
          AudioQuality: '../upstream/peer-report-schemas.js#AudioQualitySource',
          VideoQuality: '../upstream/peer-report-schemas.js#VideoQualitySource',
          AudioProducerSample: '../upstream/peer-report-schemas.js#AudioProducerSampleRecord',
          AudioConsumerSample: '../upstream/peer-report-schemas.js#AudioConsumerSampleRecord',
          VideoProducerSample: '../upstream/peer-report-schemas.js#VideoProducerSampleRecord',
          VideoConsumerSample: '../upstream/peer-report-schemas.js#VideoConsumerSampleRecord',
          AudioCumulative: '../upstream/peer-report-schemas.js#AudioCumulativeRecord',
          VideoCumulative: '../upstream/peer-report-schemas.js#VideoCumulativeRecord',
          Percentiles: '../upstream/peer-report-schemas.js#PercentilesRecord',
          DelayCumulative: '../upstream/peer-report-schemas.js#DelayCumulativeRecord',
          PacketLossCumulative: '../upstream/peer-report-schemas.js#PacketLossCumulativeRecord',
          LatencyCumulative: '../upstream/peer-report-schemas.js#LatencyCumulativeRecord',
          VideoIssues: '../upstream/peer-report-schemas.js#VideoIssuesRecord',
          QualityLimitationDurations:
            '../upstream/peer-report-schemas.js#QualityLimitationDurationsRecord',
          PeerEvent: '../upstream/peer-report-schemas.js#PeerEventRecord',
          // END peer-report nested mappers
        },
      },
    },
  },
};

export default config;
