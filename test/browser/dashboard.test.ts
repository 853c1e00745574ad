import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build, mergeConfig, preview } from 'vite';
import type { InlineConfig, PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { dashboardConfig } from '../../examples/dashboard/vite.config.js';
import { loadConfig } from '../../src/config.js';
import { createSeedData, DEFAULT_SEED } from '../../src/fake-upstream/index.js';
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

/*
 * examples/dashboard, built with Vite and served by `vite preview` in front of a demo gateway (as
 * `npm run dashboard` does), in Debian's headless Chromium: what it shows must be what the gateway
 * answers, its charts must have drawn, a LIVE session must update, and nothing may leave loopback.
 */

const TEST_TIMEOUT_MS = 30_000;
const SCREENSHOT = fileURLToPath(new URL('../../test-results/dashboard.png', import.meta.url));
const FAILURE_SCREENSHOT = join(SCREENSHOT, '..', 'dashboard-failure.png');
/** The copy the README and docs/querying.md show. */
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/dashboard.png', import.meta.url));
/** The chart's audio MOS line colour (examples/dashboard/src/chart.ts), as RGB. */
const MOS_RGB = [0x25, 0x63, 0xeb] as const;

const demo = createSeedData(DEFAULT_SEED).demo;

interface OverviewBody {
  data?: {
    session?: {
      meetingDisplayName: string | null;
      qualityOverview: {
        analysed: number;
        complete: boolean;
        good: number;
        fair: number;
        poor: number;
        unknown: number;
      };
      participants: { paging: { totalCount: number | null } } | null;
    } | null;
  };
  errors?: unknown[];
}

let gateway: RunningGateway | undefined;
let outDir: string | undefined;
let server: PreviewServer | undefined;
/** The dashboard's page, e.g. http://127.0.0.1:PORT/. */
let dashboardUrl = '';
let browser: Browser | undefined;
let page: Page | undefined;
const requestedUrls: string[] = [];
const webSocketUrls: string[] = [];

/** A query straight to the gateway, not through the dashboard. */
async function postGraphQL<T>(query: string): Promise<T> {
  const response = await fetch(gateway?.url ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as T;
}

const dashboardPage = (context: TestContext): Page =>
  pageOrSkip(page, context, FAILURE_SCREENSHOT, true);

beforeAll(async () => {
  const available = chromiumAvailable('dashboard browser tests');
  // What `npm start` does with an empty environment, on a free port; live polls every 500 ms, so
  // the page sees each 7 s step of the demo's live call soon after it happens.
  gateway = await startGateway(
    loadConfig({ PORT: '0', LIVE_POLL_INTERVAL_MS: '500' }),
    createLogger('silent'),
  );
  outDir = await mkdtemp(join(tmpdir(), 'dashboard-dist-'));
  const config: InlineConfig = mergeConfig(dashboardConfig(gateway.url), {
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0 },
  });
  await build(config);
  server = await preview(config);
  dashboardUrl = server.resolvedUrls?.local[0] ?? '';
  if (!available) return;

  await mkdir(join(SCREENSHOT, '..'), { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: STEP_TIMEOUT_MS,
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    // Dates on the screenshot do not depend on the machine's zone and language.
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  context.on('request', (request) => {
    requestedUrls.push(request.url());
  });
  page = await context.newPage();
  page.on('websocket', (socket) => {
    webSocketUrls.push(socket.url());
  });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(`${dashboardUrl}?session=${demo.endedSessionId}`);
  await page.locator('main[data-state="ready"]').waitFor();
  await page.locator(`button.session[data-session-id="${demo.endedSessionId}"]`).waitFor();
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  // Leaving the page closes its WebSocket cleanly (a closed browser would reset it mid-stream).
  await page?.goto('about:blank');
  await browser?.close();
  await server?.close();
  await gateway?.close();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe('the dashboard example', { timeout: TEST_TIMEOUT_MS }, () => {
  it('builds a page that loads only its own bundle: no CDN script, style or font', async () => {
    const html = await readFile(join(outDir ?? '', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("shows the demo's ended session with the verdict counts the gateway answers", async (context) => {
    const dashboard = dashboardPage(context);
    const expected = await postGraphQL<OverviewBody>(
      `{ session(sessionId: "${demo.endedSessionId}") { meetingDisplayName qualityOverview { analysed complete good fair poor unknown } participants(perPage: 50) { paging { totalCount } } } }`,
    );
    expect(expected.errors).toBeUndefined();
    const session = expected.data?.session;
    const overview = session?.qualityOverview;
    if (session == null || overview === undefined) throw new Error('no session in the answer');

    const title = dashboard.locator('#session-title');
    expect(await title.getAttribute('data-session-id')).toBe(demo.endedSessionId);
    expect(await title.innerText()).toBe(session.meetingDisplayName);
    expect(
      await dashboard
        .locator(`button.session[data-session-id="${demo.endedSessionId}"]`)
        .getAttribute('class'),
    ).toContain('selected');

    const shown: Record<string, number> = {};
    for (const verdict of ['GOOD', 'FAIR', 'POOR', 'UNKNOWN']) {
      shown[verdict] = Number(await dashboard.locator(`[data-count="${verdict}"]`).innerText());
    }
    expect(shown).toEqual({
      GOOD: overview.good,
      FAIR: overview.fair,
      POOR: overview.poor,
      UNKNOWN: overview.unknown,
    });
    // The demo session has more than one kind of call, so the badges differ.
    expect(Object.values(shown).filter((count) => count > 0).length).toBeGreaterThan(1);

    // Every participant has a card with its verdict badge; the overview analysed them all, so the
    // cards' badges add up to the same counts.
    const cards = dashboard.locator('article.participant');
    expect(await cards.count()).toBe(session.participants?.paging.totalCount);
    expect(overview.complete).toBe(true);
    for (const verdict of ['GOOD', 'FAIR', 'POOR', 'UNKNOWN']) {
      const badges = dashboard.locator(`article.participant header [data-verdict="${verdict}"]`);
      expect(await badges.count()).toBe(shown[verdict]);
    }
    // The worst calls, and issues with their descriptions.
    expect(await dashboard.locator('.worst li').count()).toBeGreaterThan(0);
    expect(await dashboard.locator('.common-issues li').count()).toBeGreaterThan(0);
    expect(
      await dashboard.locator('article.participant .issue-description').count(),
    ).toBeGreaterThan(0);
  });

  it("draws each participant's audio MOS and packet loss over the call", async (context) => {
    const dashboard = dashboardPage(context);
    const charts = dashboard.locator('article.participant .chart');
    const points = await charts.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute('data-points'))),
    );
    expect(points.length).toBe(await dashboard.locator('article.participant').count());
    expect(points.every((count) => count > 0)).toBe(true);

    // The MOS line's colour inside the first chart's plotting area (uPlot's overlay covers it
    // exactly; the axis labels, in the same colour, are outside it).
    const linePixels = await charts.first().evaluate((element, rgb) => {
      const canvas = element.querySelector('canvas');
      const over = element.querySelector('.u-over');
      if (canvas === null || over === null) return 0;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const box = over.getBoundingClientRect();
      const origin = canvas.getBoundingClientRect();
      const image = canvas
        .getContext('2d')
        ?.getImageData(
          Math.round((box.left - origin.left) * scale),
          Math.round((box.top - origin.top) * scale),
          Math.round(box.width * scale),
          Math.round(box.height * scale),
        );
      if (image === undefined) return 0;
      let count = 0;
      for (let index = 0; index < image.data.length; index += 4) {
        const close = [0, 1, 2].every(
          (channel) => Math.abs((image.data[index + channel] ?? 0) - (rgb[channel] ?? 0)) < 40,
        );
        if (close && (image.data[index + 3] ?? 0) > 200) count += 1;
      }
      return count;
    }, MOS_RGB);
    expect(linePixels).toBeGreaterThan(100);

    // The top of the page: the session, its verdicts and the first participants' charts.
    await dashboard.screenshot({ path: SCREENSHOT });
    await mkdir(join(DOCS_SCREENSHOT, '..'), { recursive: true });
    await copyFile(SCREENSHOT, DOCS_SCREENSHOT);
  });

  // The demo's live call moves with real time (a step per 7 s): this waits for one step.
  it('updates a LIVE session through its subscription', async (context) => {
    const dashboard = dashboardPage(context);
    await dashboard.locator(`button.session[data-session-id="${demo.liveSessionId}"]`).click();
    expect(new URL(dashboard.url()).searchParams.get('session')).toBe(demo.liveSessionId);
    await dashboard.locator(`#session-title[data-session-id="${demo.liveSessionId}"]`).waitFor();
    const live = dashboard.locator('#live');
    await dashboard.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('#live')?.dataset['liveEvents']) >= 1,
    );
    const minutes = dashboard.locator('[data-field="minutesConsumed"]');
    const first = await minutes.innerText();
    // The gateway sends an event only when the selection's answer changed.
    await dashboard.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('#live')?.dataset['liveEvents']) >= 2,
      undefined,
      { timeout: 15_000 },
    );
    expect(await minutes.innerText()).not.toBe(first);
    expect(await live.innerText()).toContain('live');
    expect(webSocketUrls).toContain(`${dashboardUrl.replace(/^http/, 'ws')}graphql`);
  });

  it('made every request on loopback, to its own origin', (context) => {
    dashboardPage(context);
    const own = new URL(dashboardUrl).host;
    const hosts = [...requestedUrls, ...webSocketUrls]
      .filter((url) => !url.startsWith('data:'))
      .map((url) => new URL(url).host);
    expect(new Set(hosts)).toEqual(new Set([own]));
    expect(new URL(dashboardUrl).hostname).toBe('127.0.0.1');
    expect(requestedUrls).toContain(`${dashboardUrl}graphql`);
  });
});
