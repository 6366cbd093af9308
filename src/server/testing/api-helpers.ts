import type { z } from 'zod';
import { ZClient, type Client } from '../../shared/schemas/clients.js';
import { ZCommitment, type Commitment } from '../../shared/schemas/commitments.js';
import type { ZMessageDraft } from '../../shared/schemas/messages.js';
import { ZQuote, ZQuoteSent, type Quote, type QuoteSent } from '../../shared/schemas/quotes.js';
import { clientInput, commitmentInput, quoteInput, type CreateQuoteInput } from './factories.js';
import type { ApiClient, ContractResponse } from './test-app.js';

/**
 * The steps many API tests take before the one they are about, through the API as a user would.
 * Each insists on its success answer, so a failing set-up names itself instead of failing later.
 */

function created<T>(res: ContractResponse<T>, what: string): T {
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`${what} failed: ${res.request} answered ${res.status} ${JSON.stringify(res.raw)}`);
  return res.body;
}

export async function createClient(api: ApiClient, overrides: Parameters<typeof clientInput>[0] = {}): Promise<Client> {
  return created(await api.post('/api/v1/clients', clientInput(overrides), ZClient), 'creating a client');
}

export async function createCommitment(
  api: ApiClient,
  clientId: string,
  overrides: Parameters<typeof commitmentInput>[1] = {},
): Promise<Commitment> {
  return created(
    await api.post('/api/v1/commitments', commitmentInput(clientId, overrides), ZCommitment),
    'creating a commitment',
  );
}

export async function createQuote(
  api: ApiClient,
  clientId: string,
  overrides: Partial<CreateQuoteInput> = {},
): Promise<Quote> {
  return created(await api.post('/api/v1/quotes', quoteInput(clientId, overrides), ZQuote), 'creating a quote');
}

/** Sends the quote (by default over WhatsApp with just the link) and returns the answer with the client's link. */
export async function sendQuote(
  api: ApiClient,
  quoteId: string,
  message: z.input<typeof ZMessageDraft> = { channel: 'whatsapp', body: '{{link}}' },
): Promise<QuoteSent> {
  return created(await api.post(`/api/v1/quotes/${quoteId}/send`, message, ZQuoteSent), 'sending a quote');
}

/** The client's page for a sent quote's link: `/q/<token>`. */
export const portalPath = (url: string): string => new URL(url).pathname;

/**
 * The client accepts on the portal page, as its form posts (no session, no CSRF token): the raw
 * answer, a 303 back to the page when it went through.
 */
export async function acceptQuote(
  app: ApiClient['app'],
  url: string,
  name: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return await app.request(`${portalPath(url)}/accept`, {
    method: 'POST',
    body: new URLSearchParams({ name, agree: 'yes' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

/** A quote created, sent and accepted by the client: the accepted quote, with its project. */
export async function acceptedQuote(
  api: ApiClient,
  clientId: string,
  overrides: Partial<CreateQuoteInput> = {},
  acceptedBy = 'הלקוח',
): Promise<Quote> {
  const quote = await createQuote(api, clientId, overrides);
  const sent = await sendQuote(api, quote.id);
  const accepted = await acceptQuote(api.app, sent.url!, acceptedBy);
  if (accepted.status !== 303) throw new Error(`accepting ${quote.number} answered ${accepted.status}`);
  return created(await api.get(`/api/v1/quotes/${quote.id}`, ZQuote), 'reading the accepted quote');
}
