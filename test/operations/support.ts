import type { Harness } from '../support/harness.js';

/** The origin the harness's gateway listens on, where the operations endpoints live. */
export function originOf(h: Harness): string {
  return new URL(h.url).origin;
}

/** The gateway's log lines as objects. */
export function logEntries(h: Harness): Record<string, unknown>[] {
  return h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Prometheus text exposition from `/metrics`. */
export async function scrape(h: Harness): Promise<string> {
  const response = await fetch(`${originOf(h)}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The value of one sample, by metric name and labels (all of them, in any order); 0 when the
 * exposition has no such series, as Prometheus would read a counter that never moved.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .sort();
  const pattern = new RegExp(`^${escapeRegExp(name)}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm');
  for (const match of text.matchAll(pattern)) {
    const have = (match[1] ?? '').split(',').filter((part) => part !== '');
    if (have.sort().join(',') === wanted.join(',')) return Number(match[2]);
  }
  return 0;
}

/** Waits until `condition` holds, polling; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Asks the gateway at `url` for the demo participant's basic fields, with no Authorization header. */
export function askForParticipant(
  url: string,
  { sessionId, participantId }: { readonly sessionId: string; readonly participantId: string },
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id displayName } }`,
    }),
  });
}

/** Whether a new TCP connection to the gateway is refused. */
export async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(new URL('/health', url));
    return false;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code === 'ECONNREFUSED';
  }
}
