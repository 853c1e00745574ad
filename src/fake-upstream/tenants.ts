import { createHash } from 'node:crypto';
import { hashSeed } from './random.js';
import { createSeedData } from './seed-data.js';
import type { SeedData, SeedParticipant, SessionRecord } from './seed-types.js';
import type { FakeTenantOptions } from './types.js';

/**
 * The accounts the fake serves and who may read them. Without the `tenants` option there is one tenant: the seed's
 * own account, read by every accepted token, which is exactly the fake's single-account behaviour.
 */

export const ACCOUNT_ID = /^[0-9a-f]{32}$/i;
export const APP_ID =
  /^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export interface ResolvedTenant {
  readonly accountId: string;
  readonly appId: string;
  readonly seed: number;
  readonly data: SeedData;
}

export interface TenantDirectory {
  /** In the order given; never empty. */
  readonly tenants: readonly ResolvedTenant[];
  /** By lowercase account id. */
  readonly byAccount: ReadonlyMap<string, ResolvedTenant>;
  /** The account ids a token may read, keyed by sha256 of the token: raw tokens are not kept past start-up. */
  readonly accountsByTokenHash: ReadonlyMap<string, ReadonlySet<string>>;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** App ids are accepted as a UUID or as its 32-hex form, since the spec shows both [V]. */
export const canonicalAppId = (appId: string): string => appId.replaceAll('-', '').toLowerCase();

export interface TenantOptions {
  readonly baseSeed: number;
  readonly tokens: readonly string[];
  readonly tenants: readonly FakeTenantOptions[] | undefined;
  readonly markTenants: boolean;
}

export function resolveTenants({
  baseSeed,
  tokens,
  tenants,
  markTenants,
}: TenantOptions): TenantDirectory {
  const resolved: ResolvedTenant[] = [];
  const accountsByTokenHash = new Map<string, Set<string>>();
  const grant = (token: string, accountId: string): void => {
    const hash = sha256(token);
    const accounts = accountsByTokenHash.get(hash) ?? new Set<string>();
    accounts.add(accountId);
    accountsByTokenHash.set(hash, accounts);
  };

  if (tenants === undefined) {
    const data = createSeedData(baseSeed);
    resolved.push({ accountId: data.accountId, appId: data.appId, seed: baseSeed, data });
    for (const token of tokens) grant(token, data.accountId);
  } else {
    if (tenants.length === 0) throw new RangeError('tenants must not be empty');
    for (const tenant of tenants) {
      const accountId = tenant.accountId.toLowerCase();
      if (!ACCOUNT_ID.test(accountId)) {
        throw new RangeError(`tenant accountId ${tenant.accountId} is not 32 hex chars`);
      }
      if (resolved.some((other) => other.accountId === accountId)) {
        throw new RangeError(`tenant accountId ${accountId} is given twice`);
      }
      if (tenant.appId !== undefined && !APP_ID.test(tenant.appId)) {
        throw new RangeError(`tenant appId ${tenant.appId} is neither a UUID nor 32 hex chars`);
      }
      // Derived from the account id, so tenants without a seed of their own still get distinct ids.
      const seed = tenant.seed ?? hashSeed('tenant', baseSeed, accountId);
      if (!Number.isSafeInteger(seed)) throw new RangeError('tenant seed must be an integer');
      const data = withIdentity(createSeedData(seed), accountId, tenant.appId);
      resolved.push({ accountId, appId: data.appId, seed, data });
      for (const token of tenant.tokens) grant(token, accountId);
    }
  }

  const marked = markTenants
    ? resolved.map((tenant) => ({ ...tenant, data: withTenantMarks(tenant.data) }))
    : resolved;
  return {
    tenants: marked,
    byAccount: new Map(marked.map((tenant) => [tenant.accountId, tenant])),
    accountsByTokenHash,
  };
}

function mapSessions(
  data: SeedData,
  session: (record: SessionRecord) => SessionRecord,
  participant: (participant: SeedParticipant) => SeedParticipant,
): SeedData {
  return {
    ...data,
    sessions: data.sessions.map((seeded) => ({
      record: session(seeded.record),
      breakoutRooms: seeded.breakoutRooms.map(session),
      participants: seeded.participants.map(participant),
    })),
  };
}

/**
 * Puts the tenant's account (and app, when given) on a seeded world. Sessions name the app as their organization
 * (see `createSeedData`), so a given app id replaces it there too.
 */
function withIdentity(data: SeedData, accountId: string, appId: string | undefined): SeedData {
  const identified = { ...data, accountId, appId: appId ?? data.appId };
  if (appId === undefined) return identified;
  return mapSessions(
    identified,
    (record) => ({ ...record, organization_id: appId }),
    (participant) => participant,
  );
}

/**
 * The marks documented on `FakeUpstreamOptions.markTenants`. Only free-text fields change: ids, times and the
 * per-participant series (derived from seed and peer id) stay exactly as without marks.
 */
function withTenantMarks(data: SeedData): SeedData {
  const { accountId } = data;
  return mapSessions(
    data,
    (record) => ({
      ...record,
      meeting_display_name: `${accountId}: ${record.meeting_display_name}`,
    }),
    participantMark(accountId),
  );
}

/** The mark of one participant, also for those who join a LIVE session after the fake's start (`live.ts`). */
export function participantMark(
  accountId: string,
): (participant: SeedParticipant) => SeedParticipant {
  return (participant) => ({
    ...participant,
    record: {
      ...participant.record,
      custom_participant_id: `${accountId}:${participant.record.custom_participant_id}`,
    },
  });
}
