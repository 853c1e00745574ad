import { badUserInput } from './errors.js';

/*
 * Identifier formats from the RealtimeKit contract. They are checked before any upstream call so a
 * typo costs the client a clear error instead of an API call, and ids are lower-cased so that two
 * spellings of one id share one loader entry.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;

/** A session, participant or peer id: a UUID. */
export function parseUuid(value: string, argument: string): string {
  const id = value.trim().toLowerCase();
  if (!UUID.test(id)) {
    throw badUserInput(
      `Argument "${argument}" must be a UUID, like 9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d.`,
    );
  }
  return id;
}

/** A Cloudflare account id: 32 hexadecimal characters. */
export function parseAccountId(value: string, argument: string): string {
  const id = value.trim().toLowerCase();
  if (!HEX32.test(id)) {
    throw badUserInput(
      `Argument "${argument}" must be a Cloudflare account id (32 hexadecimal characters).`,
    );
  }
  return id;
}

/** A RealtimeKit app id: the spec says at most 32 characters but its own example is a UUID; accept both. */
export function parseAppId(value: string, argument: string): string {
  const id = value.trim().toLowerCase();
  if (!UUID.test(id) && !HEX32.test(id)) {
    throw badUserInput(
      `Argument "${argument}" must be a RealtimeKit app id (a UUID or 32 hexadecimal characters).`,
    );
  }
  return id;
}

export function isAccountId(value: string): boolean {
  return HEX32.test(value.toLowerCase());
}

export function isAppId(value: string): boolean {
  const id = value.toLowerCase();
  return UUID.test(id) || HEX32.test(id);
}
