/*
 * Which GraphQL-over-HTTP requests are plain JSON in, plain JSON out: the lean lane answers those,
 * and must choose exactly what Yoga would, so that a request gets the same answer whichever path
 * serves it (test/integration runs against both). These mirror graphql-yoga 5's request parser
 * (plugins/request-parser/post-json.js, utils.js isContentTypeMatch) and result processors
 * (plugins/use-result-processor.js, result-processor/accept.js); anything else goes to Yoga.
 */

/** The media types a single, non-streamed result is written in: Yoga's "regular" processor's. */
const RESULT_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;

export type ResultMediaType = (typeof RESULT_MEDIA_TYPES)[number];

const matches = (offered: string, asked: string): boolean => {
  const [offeredType, offeredSubtype] = offered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (
    (askedType === '*' || askedType === offeredType) &&
    (askedSubtype === '*' || askedSubtype === offeredSubtype)
  );
};

/**
 * The media type Yoga sends a query's result in for this Accept header, or undefined when it
 * would send none of the JSON ones (a stream, or 406). Yoga ignores q-values and skips any type
 * with a charset other than utf-8; of the rest, the first listed that a JSON type matches wins, and
 * of the two JSON types, `application/json` when both match (`*∕*`, `application/*`). An absent or
 * empty header means `*∕*`.
 */
export function resultMediaType(accept: string | undefined): ResultMediaType | undefined {
  const asked = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  let chosen: ResultMediaType | undefined;
  // Yoga walks the list backwards and keeps its last match: the first listed wins.
  for (let index = asked.length - 1; index >= 0; index -= 1) {
    const [mediaType = '', ...params] = (asked[index] ?? '').split(';');
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    for (const offered of RESULT_MEDIA_TYPES) {
      if (matches(offered, mediaType)) chosen = offered;
    }
  }
  return chosen;
}

/**
 * A body Yoga reads as JSON: `application/json`, with parameters or not, by the first of a list
 * (which HTTP does not allow, but some clients send), matched case-sensitively as Yoga does.
 * (`application/graphql+json`, which Yoga also reads, is left to it: no client sends it.)
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}
