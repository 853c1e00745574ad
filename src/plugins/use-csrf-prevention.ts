import type { Plugin } from 'graphql-yoga';
import { csrfPrevented } from '../upstream/errors.js';

/**
 * Headers that no browser sends cross-site without a CORS preflight. Any one of them, with any
 * value, shows the request came from a client allowed to send it.
 */
export const CSRF_PREVENTION_HEADERS = [
  'x-graphql-csrf-prevention',
  'apollo-require-preflight',
  'x-apollo-operation-name',
] as const;

/** The content types an HTML form or a no-cors `fetch` may send without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set([
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);

/**
 * True when a browser could only have sent this request after a CORS preflight, which the gateway
 * does not grant to other origins: it carries a content type other than the "simple" ones (such as
 * `application/json`), an `Authorization` header (which no page can add to a request without a
 * preflight, and which urql's default GET queries carry), or one of the CSRF prevention headers.
 * A GET or a POST with no content type and none of those headers is as simple as a form.
 */
export function isPreflighted(headers: Headers): boolean {
  if (headers.has('authorization')) return true;
  if (CSRF_PREVENTION_HEADERS.some((name) => headers.has(name))) return true;
  const contentType = headers.get('content-type');
  if (contentType === null) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType !== '' && !SIMPLE_CONTENT_TYPES.has(mediaType);
}

/**
 * Refuses GraphQL requests that a page on another site could make a browser send with the user's
 * cookies or network position, and whose effect (not the response, which the browser hides) could
 * matter: HTTP 403, CSRF_PREVENTED. It runs in `onRequestParse`, after Yoga has answered GraphiQL
 * and CORS preflight requests and before the body is read.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!isPreflighted(request.headers)) {
        throw csrfPrevented(
          `This request could have been sent cross-site by a browser and is refused: send it as POST with Content-Type application/json, with an Authorization header, or with one of these headers: ${CSRF_PREVENTION_HEADERS.join(', ')}.`,
        );
      }
    },
  };
}
