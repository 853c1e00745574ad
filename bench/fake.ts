/** The parent's side of the fake upstream child (fake-server.ts). */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { baseEnv, spawnNode, stopChild } from './processes.js';
import type { FakeReady, FakeReply, FakeRequest } from './protocol.js';

export interface UpstreamCount {
  readonly calls: number;
  readonly bytes: number;
  readonly endpoints: readonly string[];
}

export interface FakeProcess {
  readonly ready: FakeReady;
  readonly pid: number;
  /** Forgets the calls logged so far. */
  reset(): Promise<void>;
  /** The calls logged since the last reset, and their response bytes; then forgets them. */
  count(): Promise<UpstreamCount>;
  stop(): Promise<void>;
}

const REPLY_TIMEOUT_MS = 30_000;

/** Starts the fake on the current process's core (the load core when pinned). */
export async function startFake(logDir: string | undefined): Promise<FakeProcess> {
  const script = fileURLToPath(new URL('./fake-server.js', import.meta.url));
  const child: ChildProcess = spawnNode([script], {
    env: baseEnv(),
    pin: false,
    logName: 'fake.log',
    logDir,
    ipc: true,
  });
  const pending = new Map<number, (reply: FakeReply) => void>();
  let nextId = 1;

  const ready = await new Promise<FakeReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('the fake upstream did not start'));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the fake upstream exited (${String(code)})`));
    });
    child.on('message', (message: FakeReady | FakeReply) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
  });

  function request(type: FakeRequest['type']): Promise<FakeReply> {
    const id = nextId++;
    return new Promise<FakeReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the fake upstream did not answer ${type}`));
      }, REPLY_TIMEOUT_MS);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error === undefined) resolve(reply);
        else reject(new Error(`fake upstream: ${reply.error}`));
      });
      child.send({ id, type } satisfies FakeRequest);
    });
  }

  if (child.pid === undefined) throw new Error('the fake upstream has no pid');
  return {
    ready,
    pid: child.pid,
    async reset() {
      await request('reset');
    },
    async count() {
      const reply = await request('count');
      return { calls: reply.calls ?? 0, bytes: reply.bytes ?? 0, endpoints: reply.endpoints ?? [] };
    },
    async stop() {
      child.removeAllListeners('exit');
      child.disconnect();
      await stopChild(child);
    },
  };
}
