import { badUserInput, forbidden, unauthenticated } from './upstream/errors.js';
import type { AppScope } from './upstream/client.js';
import { parseAccountId, parseAppId } from './upstream/ids.js';

/** Where the token for this request's upstream calls comes from. */
export type Credentials =
  | { readonly source: 'client'; readonly authorization: string }
  | { readonly source: 'server'; readonly authorization: string }
  | { readonly source: 'invalid' }
  | { readonly source: 'none' };

export interface ScopeDefaults {
  /** The configured CLOUDFLARE_ACCOUNT_ID; the server-held token may only be used for it. */
  readonly accountId: string | undefined;
  readonly appId: string | undefined;
}

const BEARER = /^Bearer\s+\S+$/i;

/**
 * A client's own `Authorization: Bearer …` header wins and is forwarded unchanged; otherwise the
 * server-held token is used. A header that is present but not a bearer token (an empty or blank one
 * included) is kept as 'invalid' rather than silently falling back to the server token, which would run the request with
 * privileges the caller did not ask for.
 */
export function credentialsFor(
  header: string | null,
  serverToken: string | undefined,
): Credentials {
  // Present but empty counts as present: an empty header is no reason to lend the server's token.
  if (header !== null) {
    const value = header.trim();
    return BEARER.test(value) ? { source: 'client', authorization: value } : { source: 'invalid' };
  }
  if (serverToken !== undefined)
    return { source: 'server', authorization: `Bearer ${serverToken}` };
  return { source: 'none' };
}

export interface ScopeArguments {
  readonly accountId?: string | null;
  readonly appId?: string | null;
}

/**
 * Resolves the account and app a root field reads from and checks that this request may call
 * upstream for them, all before any upstream call.
 */
export function resolveScope(
  args: ScopeArguments,
  credentials: Credentials,
  defaults: ScopeDefaults,
): AppScope {
  const accountId =
    args.accountId == null ? defaults.accountId : parseAccountId(args.accountId, 'accountId');
  if (accountId === undefined) {
    throw badUserInput(
      'No accountId argument was given and CLOUDFLARE_ACCOUNT_ID is not configured.',
    );
  }
  const appId = args.appId == null ? defaults.appId : parseAppId(args.appId, 'appId');
  if (appId === undefined) {
    throw badUserInput('No appId argument was given and REALTIMEKIT_APP_ID is not configured.');
  }
  switch (credentials.source) {
    case 'none':
      throw unauthenticated(
        'No API token: send "Authorization: Bearer <Cloudflare API token>" with the request.',
      );
    case 'invalid':
      throw unauthenticated('The Authorization header must have the form "Bearer <token>".');
    case 'server':
      if (accountId !== defaults.accountId) {
        throw forbidden(
          "The gateway's own API token may only read the configured account; send your own Authorization header to read another.",
        );
      }
      return { accountId, appId };
    case 'client':
      return { accountId, appId };
  }
}
