/**
 * The benchmark's upstream: the embedded RealtimeKit fake in a child process of its own (so its CPU is
 * not the load generator's), with a rate limit nobody reaches. The parent talks to it over IPC:
 * `reset` forgets the call log, `count` reports the calls logged since the last reset and the response
 * bytes they cost, then forgets them.
 *
 * Bytes are the response bodies' lengths. The call log keeps requests, not responses, so each distinct
 * call (path and query) is replayed once against the fake and its body length remembered: the fake is
 * deterministic, so a call's body is the same every time.
 */
import { DEMO_TOKEN, startFakeUpstream } from '../src/fake-upstream/index.js';
import type { FakeCall } from '../src/fake-upstream/index.js';
import type { FakeReady, FakeReply, FakeRequest } from './protocol.js';

const send = (message: FakeReady | FakeReply): void => {
  process.send?.(message);
};

if (process.send === undefined) {
  console.error('fake-server.js is started by the benchmark, with an IPC channel');
  process.exit(1);
}

const fake = await startFakeUpstream({
  host: '127.0.0.1',
  port: 0,
  tokens: [DEMO_TOKEN],
  rateLimit: { quota: 1_000_000_000, windowSeconds: 1 },
  // Frozen at its start: every system is measured on the same bytes, and each call's body size
  // (remembered below) stays what it was.
  clock: () => 0,
});
const origin = new URL(fake.url).origin;
const bodyBytes = new Map<string, number>();

function callKey(call: FakeCall): string {
  const query = new URLSearchParams(
    Object.entries(call.query).sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return query === '' ? call.path : `${call.path}?${query}`;
}

async function bytesOf(key: string): Promise<number> {
  const known = bodyBytes.get(key);
  if (known !== undefined) return known;
  const response = await fetch(`${origin}${key}`, {
    headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    signal: AbortSignal.timeout(10_000),
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  bodyBytes.set(key, bytes);
  return bytes;
}

async function count(): Promise<{ calls: number; bytes: number; endpoints: string[] }> {
  const calls = fake.calls;
  fake.resetCalls();
  let bytes = 0;
  const endpoints = new Set<string>();
  for (const call of calls) {
    bytes += await bytesOf(callKey(call));
    const filters = call.query.filters;
    endpoints.add(filters === undefined ? call.endpoint : `${call.endpoint}?filters=${filters}`);
  }
  // The replays above were logged too.
  fake.resetCalls();
  return { calls: calls.length, bytes, endpoints: [...endpoints].sort() };
}

process.on('message', (message: FakeRequest) => {
  const reply = async (): Promise<FakeReply> => {
    switch (message.type) {
      case 'reset':
        fake.resetCalls();
        return { type: 'reply', id: message.id };
      case 'count':
        return { type: 'reply', id: message.id, ...(await count()) };
    }
  };
  reply().then(send, (error: unknown) => {
    send({ type: 'reply', id: message.id, error: String(error) });
  });
});

// The parent going away, however it ends, ends the fake.
process.on('disconnect', () => {
  void fake.close().finally(() => process.exit(0));
});

send({
  type: 'ready',
  url: fake.url,
  accountId: fake.accountId,
  appId: fake.appId,
  demo: fake.demo,
});
