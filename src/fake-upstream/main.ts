import { z } from 'zod';
import { DEFAULT_SEED, DEMO_TOKEN, startFakeUpstream } from './server.js';
import { FAKE_VERSIONS } from './versions.js';

/** Runs the fake alone: `npm run fake`. Reads only the environment; everything else lives in the factory. */

const Env = z.object({
  FAKE_HOST: z.string().min(1).default('127.0.0.1'),
  FAKE_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  FAKE_SEED: z.coerce.number().int().default(DEFAULT_SEED),
  FAKE_VERSION: z.enum(FAKE_VERSIONS).default('default'),
  // Unset or empty: LIVE sessions stay live.
  FAKE_LIVE_SESSION_MINUTES: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().min(0).optional(),
  ),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  console.error(`Invalid environment:\n${problems.join('\n')}`);
  process.exit(1);
}
const env = parsed.data;

const fake = await startFakeUpstream({
  host: env.FAKE_HOST,
  port: env.FAKE_PORT,
  seed: env.FAKE_SEED,
  version: env.FAKE_VERSION,
  liveSessionMinutes: env.FAKE_LIVE_SESSION_MINUTES,
});

const app = `${fake.url}/accounts/${fake.accountId}/realtime/kit/${fake.appId}`;
console.log(
  [
    `RealtimeKit fake upstream (seed ${env.FAKE_SEED}, version ${env.FAKE_VERSION})`,
    `  base url        ${fake.url}`,
    `  token           ${DEMO_TOKEN}   (Authorization: Bearer ${DEMO_TOKEN})`,
    `  account id      ${fake.accountId}`,
    `  app id          ${fake.appId}`,
    `  ended session   ${fake.demo.endedSessionId}`,
    `  live session    ${fake.demo.liveSessionId} (${
      env.FAKE_LIVE_SESSION_MINUTES === undefined
        ? 'goes on as time passes, stays live'
        : `goes on as time passes, ends ${env.FAKE_LIVE_SESSION_MINUTES} min after start`
    })`,
    `  large session   ${fake.demo.largeSessionId}`,
    `  participant     ${fake.demo.participantId} (also its peer id)`,
    '',
    `  try: curl -H 'Authorization: Bearer ${DEMO_TOKEN}' ${app}/sessions`,
  ].join('\n'),
);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing the fake upstream`);
  fake.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
