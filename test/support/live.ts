import type { Schedule } from '../../src/live/hub.js';

/** A schedule the test fires by hand: the shared polls' ticks without a timer or a clock. */
export function manualSchedule() {
  const pending = new Map<() => void, number>();
  const schedule: Schedule = (fire, ms) => {
    pending.set(fire, ms);
    return () => pending.delete(fire);
  };
  return {
    schedule,
    /** Ticks scheduled and not yet fired (one per running poll). */
    pending: () => pending.size,
    /** The waits the pending ticks were scheduled with. */
    delays: () => [...pending.values()],
    fire: () => {
      const due = [...pending.keys()];
      pending.clear();
      for (const fire of due) fire();
    },
  };
}

/** An event's payload, or `complete` at the stream's end. */
export interface SseMessage {
  readonly data?: {
    readonly errors?: unknown[];
    readonly data?: Record<string, unknown>;
    readonly extensions?: Record<string, unknown>;
  };
  readonly complete?: true;
}

/** A subscription over GraphQL over SSE, read message by message with a real HTTP client. */
export async function openSse(
  url: string,
  query: string,
  token: string,
): Promise<{
  readonly status: number;
  readonly contentType: string | null;
  next(): Promise<SseMessage>;
  close(): Promise<void>;
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next() {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const lines = buffered.slice(0, end).split('\n');
          buffered = buffered.slice(end + 2);
          const event = lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .find((line) => line.startsWith('data:'))
            ?.slice(5)
            .trim();
          if (event === 'complete') return { complete: true };
          if (event === 'next' && data !== undefined) {
            return { data: JSON.parse(data) as { data?: Record<string, unknown> } };
          }
          // A comment (the stream's keep-alive) or an unknown event.
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return { complete: true };
        buffered += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}
