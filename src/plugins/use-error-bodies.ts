import { processRegularResult } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';
import { notAcceptable, unsupportedMediaType } from '../upstream/errors.js';

/**
 * Yoga answers two kinds of request with a bare status and an empty body: a POST whose content
 * type none of its request parsers reads (415), and a request whose Accept header names no media
 * type a result can be sent in (406). Such a client gets no code and no request id to quote. This
 * plugin turns both into the usual GraphQL error body, with the same status, so that they also go
 * through the hooks that add the request id and record the outcome.
 */
export function useErrorBodies(): Plugin {
  return {
    // Yoga's parsers run their onRequestParse before any plugin of ours, so by now one of them has
    // claimed the request if it can read it.
    onRequestParse({ request, requestParser }) {
      // Other methods are left to Yoga's method check, which runs later and answers 405: a wrong
      // method says more than a wrong content type. A GET always has a parser.
      if (requestParser === undefined && request.method === 'POST') throw unsupportedMediaType();
    },
    // Yoga's result processors also run first; none was chosen when the Accept header rules out
    // every one of them.
    onResultProcess(event) {
      if (event.resultProcessor !== undefined) return;
      event.setResult({ errors: [notAcceptable()] });
      event.setResultProcessor(processRegularResult, 'application/json');
    },
  };
}
