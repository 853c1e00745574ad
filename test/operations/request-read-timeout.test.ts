import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * A client that trickles its request in (a byte at a time, slower than any real client) must not
 * hold a connection, or shutdown, for as long as it likes: REQUEST_READ_TIMEOUT_MS bounds reading
 * the request, then the client gets 408 with the gateway's error body and the connection closes.
 */

const READ_TIMEOUT_MS = 600;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ gateway: { limits: { requestReadTimeoutMs: READ_TIMEOUT_MS } } });
});
afterAll(async () => {
  await h.close();
});

/** Sends `head`, then one byte of `body` every `everyMs`; resolves with all it read once closed. */
function trickle(head: string, body: string, everyMs: number): Promise<string> {
  const { hostname, port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < body.length && !socket.destroyed) socket.write(body[sent++] ?? '');
      }, everyMs);
    });
  });
}

describe('REQUEST_READ_TIMEOUT_MS', () => {
  it('answers a body that trickles in with 408 and the error body, then closes', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const started = Date.now();
    const answer = await trickle(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      body,
      150,
    );
    const elapsed = Date.now() - started;
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [
        {
          message: `The request was not received within ${READ_TIMEOUT_MS} ms.`,
          extensions: { code: 'REQUEST_TIMEOUT' },
        },
      ],
    });
    // The whole body would have taken body.length × 150 ms (about 4 s).
    expect(elapsed).toBeLessThan(body.length * 150);
  });

  it('answers headers that trickle in with 408 too', async () => {
    const answer = await trickle(
      '',
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}',
      100,
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  });
});
