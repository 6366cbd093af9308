import { v7 } from 'uuid';

/**
 * UUIDv7: time-ordered (good index locality) yet unguessable enough for URLs; anything that must be
 * a secret uses `secretToken` instead. uuid's v7 counts up within a millisecond, so rows one request
 * creates in a row (a quote's duties, an import) sort by id in the order they were made.
 */
export function newId(): string {
  return v7();
}
