import type { Plugin } from 'graphql-yoga';

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** The Vary header with Authorization in it, added to what a response already varies on. */
export function varyWithAuthorization(vary: string | null): string {
  if (
    vary
      ?.toLowerCase()
      .split(/\s*,\s*/)
      .includes('authorization')
  ) {
    return vary;
  }
  return vary ? `${vary}, Authorization` : 'Authorization';
}

/**
 * Every answer was fetched with somebody's token (the caller's, or the server's on its behalf), so
 * no shared cache may store it, and a private cache must not serve it for another Authorization.
 */
export function usePrivateResponses(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
      response.headers.set('vary', varyWithAuthorization(response.headers.get('vary')));
    },
  };
}
