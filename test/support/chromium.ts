import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestContext } from 'vitest';

/*
 * What the browser tests share: Debian's Chromium, how it is started, and what a machine without
 * it does (a skip with a message, or a failure in CI).
 */

/** Debian's Chromium, never a browser Playwright downloads: `.ci/run` installs it with apt-get. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * As root, without a sandbox; and without Chromium's own background traffic (updates, sync, safe
 * browsing), which a closed network refuses and which would muddy the record of what a page loads.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MISSING_CHROMIUM = `${CHROMIUM_PATH} is missing; install Debian's Chromium with \`apt-get install --no-install-recommends chromium\` (as .ci/run does).`;

/** For each browser step; a test gets a few steps' worth. */
export const STEP_TIMEOUT_MS = 10_000;

/**
 * Whether this machine has Chromium. Without it, CI fails (`what` names the tests it must run)
 * and elsewhere the tests are skipped, with a line saying why.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if ((process.env.CI ?? '') !== '') {
    throw new Error(`CI must run the ${what}, but ${MISSING_CHROMIUM}`);
  }
  console.warn(`Skipping the ${what}: ${MISSING_CHROMIUM}`);
  return false;
}

/**
 * The page, or a skip when this machine has no Chromium (in CI, `beforeAll` has failed already).
 * A failing test leaves a screenshot of what the page showed at `failureScreenshot`.
 */
export function pageOrSkip(
  page: Page | undefined,
  { skip, onTestFailed }: TestContext,
  failureScreenshot: string,
  fullPage = false,
): Page {
  if (page === undefined) return skip(MISSING_CHROMIUM);
  onTestFailed(async () => {
    await page.screenshot({ path: failureScreenshot, fullPage });
  });
  return page;
}
