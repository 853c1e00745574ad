import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';

/** Causes followed below the error itself; a cycle or a longer chain stops here. */
const MAX_CAUSES = 5;

interface ErrorForLog {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

function errorForLog(error: Error): ErrorForLog {
  return { name: error.name, message: error.message, stack: error.stack };
}

/**
 * The chain below a masked error, outermost first: a GraphQLError's `originalError` (where
 * graphql-js keeps what a resolver threw) and every Error's `cause`. Only Errors are followed.
 */
function causesOf(error: Error): ErrorForLog[] {
  const causes: ErrorForLog[] = [];
  const seen = new Set<unknown>([error]);
  let next: unknown = error instanceof GraphQLError ? error.originalError : error.cause;
  while (next instanceof Error && !seen.has(next) && causes.length < MAX_CAUSES) {
    seen.add(next);
    causes.push(errorForLog(next));
    next = next instanceof GraphQLError ? (next.originalError ?? next.cause) : next.cause;
  }
  return causes;
}

/**
 * The one line an error the client sees only as `Unexpected error.` leaves in the log: what it
 * was, where it was thrown (every stack, the causes' included) and which field it cost. Both lanes
 * log through it, Yoga from its masking and the lean lane from its own. An operator needs the
 * stack to fix the bug; the client must never get it. The line goes through the gateway's logger,
 * so the tokens in play are masked in stacks and messages as everywhere else.
 */
export function createUnexpectedErrorLog(logger: Logger): (error: unknown) => void {
  return (error) => {
    if (!(error instanceof Error)) {
      logger.error('Unexpected error (the client saw "Unexpected error.")', {
        error: String(error),
      });
      return;
    }
    const path = error instanceof GraphQLError ? error.path?.join('.') : undefined;
    logger.error('Unexpected error (the client saw "Unexpected error.")', {
      ...(path === undefined ? {} : { path }),
      error: errorForLog(error),
      causes: causesOf(error),
    });
  };
}
