import type { Ambassador } from '../../../shared/schemas/care.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import { fieldError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { getClient, referredClients, referrerOf } from '../clients/clients.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { clientBalance } from '../payments/payments.service.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// Seeds 000 and 004: the client is the best ambassador. Who brought whom is the client's
// `referredByClientId`; the proposal to say thank you is a notification made when the referred
// client accepts a first quote (quotes/acceptance.service.ts), and it points here.

/**
 * The thank-you to whoever referred this client (the path names the referred client), in the
 * referrer's language and through their channel. Nothing is stored; send it with POST /messages.
 */
export async function composeReferralThanks(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  referredClientId: string,
): Promise<MessageComposed> {
  const referred = await getClient(deps, scope, referredClientId);
  const referrer = await referrerOf(deps, scope, referred.id);
  if (!referrer) throw fieldError('clientId', 'no_referrer');
  return fillTemplate(deps, scope, actor, {
    kind: 'referral_thanks',
    clientId: referrer.id,
    values: { referredName: referred.name },
  });
}

/**
 * A client's ambassador value: what the clients they referred brought. `revenue` is their accepted
 * quotes, `received` the payments actually in, both in the business currency (agorot), per client
 * and summed. Read through the payments module's balance, which already names the two apart.
 */
export async function ambassadorValue(deps: Deps, scope: Scope, clientId: string): Promise<Ambassador> {
  await getClient(deps, scope, clientId);
  const profile = await getBusinessProfile(deps, scope);
  const referred = await referredClients(deps, scope, clientId);
  const rows = [];
  for (const client of referred) {
    const balance = await clientBalance(deps, scope, client.id);
    rows.push({
      clientId: client.id,
      name: client.name,
      status: client.status,
      accepted: balance.accepted,
      received: balance.received,
    });
  }
  return {
    clientId,
    currency: profile.currency,
    referredClients: rows,
    revenue: rows.reduce((sum, r) => sum + r.accepted, 0),
    received: rows.reduce((sum, r) => sum + r.received, 0),
  };
}
