import type { Plugin } from 'graphql-yoga';

/**
 * Every answer was fetched with somebody's token (the caller's, or the server's on its behalf), so
 * no shared cache may store it, and a private cache must not serve it for another Authorization.
 */
export function usePrivateResponses(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('cache-control', 'private, no-store');
      const vary = response.headers.get('vary');
      if (
        !vary
          ?.toLowerCase()
          .split(/\s*,\s*/)
          .includes('authorization')
      ) {
        response.headers.set('vary', vary ? `${vary}, Authorization` : 'Authorization');
      }
    },
  };
}
