import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { exampleOperations } from '../../src/example-query.js';
import { createSeedData, DEFAULT_SEED, DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { createLogger } from '../../src/logger.js';
import { startGateway } from '../../src/start.js';
import type { RunningGateway } from '../../src/start.js';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  STEP_TIMEOUT_MS,
  chromiumAvailable,
  pageOrSkip,
} from '../support/chromium.js';

const TEST_TIMEOUT_MS = 30_000;
const SCREENSHOT = fileURLToPath(new URL('../../test-results/graphiql.png', import.meta.url));
const ERROR_SCREENSHOT = join(SCREENSHOT, '..', 'graphiql-error.png');
const FAILURE_SCREENSHOT = join(SCREENSHOT, '..', 'graphiql-failure.png');

const demo = createSeedData(DEFAULT_SEED).demo;

interface GraphQLBody {
  data?: { participant?: { displayName?: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL request the page sent, as the gateway received it. */
interface SentOperation {
  readonly query: string;
  readonly authorization: string | undefined;
}

let gateway: RunningGateway | undefined;
/** The gateway's GraphQL endpoint, where GraphiQL is served too. */
let graphqlUrl = '';
let userDataDir: string | undefined;
let browser: BrowserContext | undefined;
let page: Page | undefined;
const requestedUrls: string[] = [];
const sentOperations: SentOperation[] = [];

async function postGraphQL(query: string): Promise<GraphQLBody> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as GraphQLBody;
}

const graphiqlPage = (context: TestContext): Page => pageOrSkip(page, context, FAILURE_SCREENSHOT);

/** The text of the editor shown in a region; Monaco renders spaces as no-break spaces. */
async function editorText(editor: ReturnType<Page['locator']>): Promise<string> {
  const lines = editor.locator('.view-lines').filter({ visible: true });
  return (await lines.innerText()).replaceAll('\u00a0', ' ');
}

beforeAll(async () => {
  const available = chromiumAvailable('GraphiQL browser tests');
  // What `npm start` does with an empty environment, on a free port; the live tab's shared poll
  // runs every 500 ms, so it shows each 7 s step of the demo's live call soon after it happens.
  gateway = await startGateway(
    loadConfig({ PORT: '0', LIVE_POLL_INTERVAL_MS: '500' }),
    createLogger('silent'),
  );
  graphqlUrl = gateway.url;
  if (!available) return;

  await mkdir(join(SCREENSHOT, '..'), { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'graphiql-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: STEP_TIMEOUT_MS,
    viewport: { width: 1400, height: 900 },
  });
  // On the context, not the page, so that requests from GraphiQL's web workers are recorded too.
  browser.on('request', (request) => {
    requestedUrls.push(request.url());
    if (request.method() === 'POST' && request.url() === graphqlUrl) {
      const body = request.postDataJSON() as { query?: string };
      sentOperations.push({
        query: body.query ?? '',
        authorization: request.headers().authorization,
      });
    }
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(graphqlUrl);
  await page
    .getByRole('region', { name: 'Operation Editor' })
    .getByText('query ParticipantCallQuality')
    .waitFor();
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  if (userDataDir !== undefined) await rm(userDataDir, { recursive: true, force: true });
  await gateway?.close();
});

// GraphiQL parses the editor's document asynchronously; a run clicked before that finishes fails
// with "Cannot infer operation". Each browser step is idempotent, so a retry is safe.
describe('GraphiQL in demo mode', { timeout: TEST_TIMEOUT_MS, retry: 2 }, () => {
  it('answers every saved example operation without errors on the demo data', async () => {
    // The live tab's subscription is run in the browser (below).
    for (const query of exampleOperations(demo).filter((text) => !text.includes('subscription '))) {
      const body = await postGraphQL(query);
      expect(body.errors).toBeUndefined();
      expect(body.data).toBeTruthy();
    }
  });

  it('serves its page with the scripts and styles inlined, nothing from a CDN', async () => {
    const response = await fetch(graphqlUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL(');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|unpkg\.com/);
  });

  it('opens on the example operations, one tab each, with the demo Authorization header', async (context) => {
    const graphiql = graphiqlPage(context);
    expect(await graphiql.locator('.graphiql-tab-button').allInnerTexts()).toEqual([
      'ParticipantCallQuality',
      'SessionParticipantsQuality',
      'SessionCallVerdicts',
      'PeerDeviceAndNetwork',
      'RecentSessions',
      'LiveCall',
    ]);
    const headers = await editorText(graphiql.getByRole('region', { name: 'Headers' }));
    expect(JSON.parse(headers)).toEqual({ Authorization: `Bearer ${DEMO_TOKEN}` });
    // GraphiQL's first request, the schema introspection, already carries it.
    expect(sentOperations[0]?.query).toContain('__schema');
    expect(sentOperations[0]?.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
  });

  it('runs the example query and shows the demo participant', async (context) => {
    const graphiql = graphiqlPage(context);
    const expected = await postGraphQL(
      `{ participant(sessionId: "${demo.sessionId}", participantId: "${demo.participantId}") { displayName } }`,
    );
    const displayName = expected.data?.participant?.displayName;
    expect(displayName).toEqual(expect.any(String));

    await graphiql.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    const result = graphiql.getByRole('region', { name: 'Result Window' });
    await result.getByText(`"displayName": "${displayName ?? ''}"`).waitFor();
    expect(await editorText(result)).toContain('"averageQuality"');
    expect(sentOperations.at(-1)).toEqual({
      query: expect.stringContaining('query ParticipantCallQuality') as string,
      authorization: `Bearer ${DEMO_TOKEN}`,
    });

    await graphiql.screenshot({ path: SCREENSHOT });
  });

  it("shows a field error's extensions.code in the result pane", async (context) => {
    const graphiql = graphiqlPage(context);
    const query = `query MalformedParticipantId { participant(sessionId: "${demo.sessionId}", participantId: "not-a-uuid") { displayName } }`;
    const editor = graphiql.getByRole('region', { name: 'Operation Editor' });
    await editor.locator('.view-lines').click();
    await graphiql.keyboard.press('ControlOrMeta+A');
    await graphiql.keyboard.press('Delete');
    // insertText, not typing: Monaco would close every bracket and quote typed one by one. It
    // still closes the first brace, after the cursor: delete whatever follows the new text.
    await graphiql.keyboard.insertText(query);
    await graphiql.keyboard.press('ControlOrMeta+Shift+End');
    await graphiql.keyboard.press('Delete');
    expect((await editorText(editor)).trim()).toBe(query);

    await graphiql.keyboard.press('Escape'); // closes a suggestion list that would take the keys
    await graphiql.keyboard.press('Control+Enter');
    const result = graphiql.getByRole('region', { name: 'Result Window' });
    await result.getByText('"code": "BAD_USER_INPUT"').waitFor();
    expect(await editorText(result)).toMatch(/"participant": null/);
    await graphiql.screenshot({ path: ERROR_SCREENSHOT });
    // GraphiQL sends the document reprinted.
    expect(print(parse(sentOperations.at(-1)?.query ?? ''))).toBe(print(parse(query)));
  });

  it("keeps the headers out of the browser's storage", async (context) => {
    const graphiql = graphiqlPage(context);
    // GraphiQL saves its tabs a moment after each change; the headers must not be among them.
    await graphiql.waitForFunction("localStorage.getItem('graphiql:tabState') !== null");
    const storage = await graphiql.evaluate('JSON.stringify(localStorage)');
    expect(storage).toContain('SessionParticipantsQuality');
    expect(storage).not.toContain(DEMO_TOKEN);
    expect(storage).not.toContain('Authorization');
  });

  it('made every request on loopback: no asset comes from the internet', (context) => {
    graphiqlPage(context);
    // GraphiQL starts its web workers from blob: URLs of the page's own origin; a data: URL (its
    // favicon) is no request at all.
    const hosts = requestedUrls
      .filter((url) => !url.startsWith('data:'))
      .map((url) => new URL(url.replace(/^blob:/, '')).host);
    expect(new Set(hosts)).toEqual(new Set([new URL(graphqlUrl).host]));
    expect(requestedUrls).toContain(graphqlUrl);
  });
});

// The demo's live call moves with real time (a step per 7 s), so this test waits for two steps.
describe('GraphiQL live tab', { timeout: 60_000 }, () => {
  it('runs the live subscription and shows the call change at least twice', async (context) => {
    const graphiql = graphiqlPage(context);
    await graphiql.locator('.graphiql-tab-button', { hasText: 'LiveCall' }).click();
    await graphiql
      .getByRole('region', { name: 'Operation Editor' })
      .getByText('subscription LiveCall')
      .waitFor();
    const result = graphiql.getByRole('region', { name: 'Result Window' });
    const started = result.getByText('"sessionUpdates"');
    // A run clicked before GraphiQL has parsed the tab's document does nothing ("Cannot infer
    // operation"): click again until the first event shows. The first event comes at once, so a
    // subscription already running is never stopped by a second click.
    for (let attempt = 0; attempt < 5 && !(await started.isVisible()); attempt += 1) {
      await graphiql.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
      await started.waitFor({ timeout: 4_000 }).catch(() => undefined);
    }
    await started.waitFor();
    // Each state the pane shows, by its minutes consumed (which grow with every step).
    const seen = new Set<string>();
    while (seen.size < 3) {
      const text = await editorText(result);
      const minutes = /"minutesConsumed": ([\d.]+)/.exec(text)?.[1];
      if (minutes !== undefined) seen.add(minutes);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(await editorText(result)).toContain('"status": "LIVE"');
    await graphiql.screenshot({ path: join(SCREENSHOT, '..', 'graphiql-live.png') });
  });
});
