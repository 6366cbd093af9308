import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What one request carries beside its data: its id (from the proxy or made here, on every log line),
 * where it came from, and who it turned out to be once signed in — what an audit record notes
 * without every service passing it along.
 */
export type RequestContext = {
  requestId: string;
  ip?: string;
  userAgent?: string | null;
  /** Set by the app after authentication; null when nobody signed in (yet). */
  actor?: { userId: string; tokenId: string | null } | null;
};

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** A proxy's id is kept when it is plausibly one (nginx `$request_id`, a UUID…): short, no spaces or markup. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && SANE_ID.test(header) ? header : randomUUID();
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
