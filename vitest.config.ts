import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) builds. Node, and so graphql-yoga, loads the
    // CJS one; Vite would hand our sources the ESM one, and `instanceof GraphQLError` would then fail
    // across the two copies. Pin one copy, the one production uses.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'lean', include: ['test/**/*.test.ts'] } },
      // The integration suite again with the lean lane off, so that every request these tests
      // send is answered by Yoga too: the two paths cannot drift apart (see test/support/harness.ts).
      {
        extends: true,
        test: {
          name: 'yoga',
          include: ['test/integration/**/*.test.ts', 'test/faults/**/*.test.ts'],
          env: { GATEWAY_PATH: 'yoga' },
        },
      },
    ],
  },
});
