import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { responseTooLarge } from '../upstream/errors.js';

/**
 * The byte length of a serialized answer when it is over `max`, else undefined. A string of n
 * UTF-16 units is at most 3n bytes of UTF-8, so most answers are cleared without being counted.
 */
export function bytesOver(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > max ? bytes : undefined;
}

/** What is sent instead of an answer over MAX_RESPONSE_BYTES (see responseTooLarge). */
export function oversizedResult(bytes: number, max: number): ExecutionResult {
  return { data: null, errors: [responseTooLarge(bytes, max)] };
}

/** graphql-jit puts its compiled serializer on a result; Yoga uses it when present. */
type SerializableResult = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/**
 * MAX_RESPONSE_BYTES for answers Yoga sends: a result whose serialization is over the limit is
 * replaced by RESPONSE_TOO_LARGE before it is written, so a client asking for a huge answer gets
 * none instead of holding the gateway's memory and bandwidth. It runs before the hooks that add
 * codes and request ids to errors, so the replacement gets them too. (The lean lane checks the
 * body it serializes with the same functions.) Streamed results are not measured here.
 */
export function useResponseSizeLimit(maxBytes: number): Plugin {
  return {
    onResultProcess(event) {
      const { result } = event;
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const single = result as SerializableResult;
      const text = (single.stringify ?? JSON.stringify)(single);
      const over = bytesOver(text, maxBytes);
      if (over !== undefined) {
        event.setResult(oversizedResult(over, maxBytes));
      } else if ((single.errors?.length ?? 0) === 0 && single.extensions === undefined) {
        // Measured by serializing it, so Yoga writes that text rather than serializing again.
        // (With errors or extensions Yoga strips internal fields first, so it serializes itself.)
        event.setResult(Object.assign({}, single, { stringify: () => text }));
      }
    },
  };
}
