import { createClient } from './api-helpers.js';
import { paymentInput, paymentItemInput, projectInput, quoteInput } from './factories.js';
import type { ApiClient } from './test-app.js';
import { ZConflict, ZIncident } from '../../shared/schemas/care.js';
import { ZCommitment } from '../../shared/schemas/commitments.js';
import { ZInteractionCreated } from '../../shared/schemas/interactions.js';
import { ZPayment, ZPaymentItem, ZTimeEntry } from '../../shared/schemas/payments.js';
import { ZChangeRequest, ZColleague, ZProject } from '../../shared/schemas/projects.js';
import { ZQuote, ZTermsTemplate } from '../../shared/schemas/quotes.js';
import { ZWebhookEndpointCreated } from '../../shared/schemas/webhooks.js';

/** For the isolation and hostile-input suites: one row of every kind that has an id, made through the API. */

export function ok<T>(res: { ok: boolean; status: number; raw: unknown; body: T }, what: string): T {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.raw)}`);
  return res.body;
}

export type Ids = Record<
  | 'client'
  | 'contact'
  | 'interaction'
  | 'commitment'
  | 'project'
  | 'deliverable'
  | 'quote'
  | 'termsTemplate'
  | 'colleague'
  | 'paymentItem'
  | 'payment'
  | 'timeEntry'
  | 'incident'
  | 'conflict'
  | 'changeRequest'
  | 'webhook',
  string
>;

/** A workspace with one of everything that has an id. */
export async function populate(api: ApiClient): Promise<Ids> {
  const client = await createClient(api, {
    kind: 'organization',
    contacts: [{ name: 'דנה', role: 'מנכ"לית', phone: '050-7654321' }],
  });
  const contact = client.contacts[0]!.id;
  const interaction = ok(
    await api.post(
      '/api/v1/interactions',
      { clientId: client.id, channel: 'meeting', direction: 'out', agreed: 'לוגו', contactId: contact },
      ZInteractionCreated,
    ),
    'interaction',
  ).interaction.id;
  const commitment = ok(
    await api.post(
      '/api/v1/commitments',
      { clientId: client.id, title: 'טיוטה', dueDate: '2026-11-26', interactionId: interaction },
      ZCommitment,
    ),
    'commitment',
  ).id;
  const project = ok(await api.post('/api/v1/projects', projectInput(client.id), ZProject), 'project');
  const quote = ok(await api.post('/api/v1/quotes', quoteInput(client.id), ZQuote), 'quote').id;
  const termsTemplate = ok(
    await api.post(
      '/api/v1/terms-templates',
      { name: 'רגיל', locale: 'he', terms: { clientObligations: [], revisionRounds: 2, paymentTerms: 'שוטף + 30' } },
      ZTermsTemplate,
    ),
    'terms template',
  ).id;
  const colleague = ok(
    await api.post('/api/v1/colleagues', { name: 'יואב', does: 'צילום' }, ZColleague),
    'colleague',
  ).id;
  const paymentItem = ok(
    await api.post('/api/v1/payment-items', paymentItemInput(client.id), ZPaymentItem),
    'payment item',
  ).id;
  const payment = ok(await api.post('/api/v1/payments', paymentInput(client.id), ZPayment), 'payment').id;
  const timeEntry = ok(
    await api.post('/api/v1/time-entries', { clientId: client.id, date: '2026-11-22', minutes: 30 }, ZTimeEntry),
    'time entry',
  ).id;
  const incident = ok(
    await api.post('/api/v1/care/incidents', { clientId: client.id, title: 'טעות בחשבון' }, ZIncident),
    'incident',
  ).id;
  const conflict = ok(
    await api.post(
      '/api/v1/care/conflicts',
      { clientId: client.id, topic: 'schedule', position: 'צריך מחר', stakeholderIds: [contact] },
      ZConflict,
    ),
    'conflict',
  ).id;
  const changeRequest = ok(
    await api.post(
      `/api/v1/projects/${project.id}/change-requests`,
      { what: 'עוד עמוד', channel: 'email' },
      ZChangeRequest,
    ),
    'change request',
  ).id;
  // Last, so nothing above queues a delivery; a closed port on this machine, so a send never leaves it.
  const webhook = ok(
    await api.post(
      '/api/v1/webhooks',
      { url: 'http://127.0.0.1:9/mila', events: ['client.created'] },
      ZWebhookEndpointCreated,
    ),
    'webhook',
  ).endpoint.id;
  return {
    client: client.id,
    contact,
    interaction,
    commitment,
    project: project.id,
    deliverable: project.deliverables[0]!.id,
    quote,
    termsTemplate,
    colleague,
    paymentItem,
    payment,
    timeEntry,
    incident,
    conflict,
    changeRequest,
    webhook,
  };
}
