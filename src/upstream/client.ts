import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import {
  errorFromResponse,
  errorFromTransport,
  parseRetryAfter,
  upstreamBadResponse,
} from './errors.js';
import { PeerReportEnvelope } from './peer-report-record.js';
import type { PeerReportRecord } from './peer-report-record.js';
import { ParticipantDetailsEnvelope, UpstreamErrorBody } from './schemas.js';
import type { ParticipantBasicsRecord, ParticipantDetailsRecord } from './schemas.js';
import {
  ParticipantListEnvelope,
  SessionEnvelope,
  SessionListEnvelope,
} from './session-schemas.js';
import type { PagingRecord, SessionRecord } from './session-schemas.js';

export interface UpstreamClientOptions {
  /** Base URL up to and including the API version, e.g. `https://api.cloudflare.com/client/v4`. */
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  /** Total deadline for one upstream call, from sending the request to the last body byte. */
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  /** Keep-alive connections to the upstream origin. */
  readonly connections: number;
}

/** The account and app a RealtimeKit resource lives under. */
export interface AppScope {
  readonly accountId: string;
  readonly appId: string;
}

export interface SessionKey extends AppScope {
  readonly sessionId: string;
}

export interface ParticipantKey extends SessionKey {
  readonly participantId: string;
}

export interface PeerKey extends AppScope {
  readonly peerId: string;
}

/** Query parameters, by their RealtimeKit names; undefined values are not sent. */
export type Query = Readonly<Record<string, string | undefined>>;

export interface Page<Item> {
  readonly items: readonly Item[];
  readonly paging: PagingRecord | null;
}

/** Per-call inputs that come from the GraphQL request rather than from the resource. */
export interface CallContext {
  /** The full `Authorization` header value to send upstream. */
  readonly authorization: string;
  /** Aborts the call when the client goes away. */
  readonly signal?: AbortSignal;
}

/** One method per RealtimeKit endpoint (contract section 2); `query` carries its parameters. */
export interface UpstreamClient {
  listSessions(scope: AppScope, query: Query, call: CallContext): Promise<Page<SessionRecord>>;
  getSession(key: SessionKey, query: Query, call: CallContext): Promise<SessionRecord>;
  listSessionParticipants(
    key: SessionKey,
    query: Query,
    call: CallContext,
  ): Promise<Page<ParticipantBasicsRecord>>;
  getParticipantDetails(
    key: ParticipantKey,
    query: Query,
    call: CallContext,
  ): Promise<ParticipantDetailsRecord>;
  getPeerReport(key: PeerKey, query: Query, call: CallContext): Promise<PeerReportRecord>;
  close(): Promise<void>;
}

/** Error bodies are only read for their codes, so a small cap is enough. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

function appPath({ accountId, appId }: AppScope): string {
  return `/accounts/${encodeURIComponent(accountId)}/realtime/kit/${encodeURIComponent(appId)}`;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, value);
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

function headerValue(
  headers: Dispatcher.ResponseData['headers'],
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cloudflareCodes(text: string | undefined): number[] {
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = UpstreamErrorBody.safeParse(json);
  if (!parsed.success) return [];
  return (parsed.data.errors ?? []).map((entry) => entry.code);
}

/**
 * Creates the only component that speaks HTTP to RealtimeKit. It owns one keep-alive pool to the
 * upstream origin, the per-call deadline, the response-size cap, error mapping and payload
 * validation; callers get validated records or a GatewayError.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: options.connections,
    connect: { timeout: options.connectTimeoutMs },
    // The total deadline below is the real bound; these only stop a silent socket earlier.
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
  });

  async function getJson<T>(
    resourcePath: string,
    query: Query,
    schema: z.ZodType<T>,
    call: CallContext,
  ): Promise<T> {
    const deadline = AbortSignal.timeout(options.requestTimeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    let text: string | undefined;
    let status: number;
    let headers: Dispatcher.ResponseData['headers'];
    try {
      const response = await pool.request({
        method: 'GET',
        path: `${basePath}${resourcePath}${queryString(query)}`,
        headers: {
          authorization: call.authorization,
          accept: 'application/json',
          'user-agent': 'realtimekit-graphql',
        },
        signal,
      });
      status = response.statusCode;
      headers = response.headers;
      const ok = status >= 200 && status < 300;
      text = await readCapped(response.body, ok ? options.maxResponseBytes : MAX_ERROR_BODY_BYTES);
      if (ok && text === undefined) {
        throw upstreamBadResponse(`the body exceeds ${options.maxResponseBytes} bytes`);
      }
    } catch (error) {
      throw errorFromTransport(error, deadline.aborted);
    }

    if (status < 200 || status >= 300) {
      throw errorFromResponse({
        status,
        cloudflareCodes: cloudflareCodes(text),
        retryAfter: parseRetryAfter(headerValue(headers, 'retry-after'), Date.now()),
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text ?? '');
    } catch (error) {
      throw upstreamBadResponse('the body is not JSON', error);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw upstreamBadResponse('the body does not match the RealtimeKit contract', parsed.error);
    }
    return parsed.data;
  }

  const segment = encodeURIComponent;
  const sessionPath = (key: SessionKey) => `${appPath(key)}/sessions/${segment(key.sessionId)}`;

  return {
    async listSessions(scope, query, call) {
      const envelope = await getJson(
        `${appPath(scope)}/sessions`,
        query,
        SessionListEnvelope,
        call,
      );
      return { items: envelope.data.sessions, paging: envelope.paging ?? null };
    },
    getSession(key, query, call) {
      return getJson(sessionPath(key), query, SessionEnvelope, call);
    },
    async listSessionParticipants(key, query, call) {
      const path = `${sessionPath(key)}/participants`;
      const { participants, paging } = await getJson(path, query, ParticipantListEnvelope, call);
      return { items: participants, paging };
    },
    async getParticipantDetails(key, query, call) {
      const path = `${sessionPath(key)}/participants/${segment(key.participantId)}`;
      const envelope = await getJson(path, query, ParticipantDetailsEnvelope, call);
      return envelope.data.participant;
    },
    getPeerReport(key, query, call) {
      const path = `${appPath(key)}/sessions/peer-report/${segment(key.peerId)}`;
      return getJson(path, query, PeerReportEnvelope, call);
    },
    async close() {
      await pool.close();
    },
  };
}
