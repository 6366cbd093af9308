import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of one request carries: its id (from the proxy or made here). */
export type RequestContext = { requestId: string };

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** A proxy's id is kept when it is plausibly one (nginx `$request_id`, a UUID…): short, no spaces or markup. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && SANE_ID.test(header) ? header : randomUUID();
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
