import { createWorkspaceWithOwner, allWorkspaces } from '../../server/modules/accounts/accounts.service.js';
import { createClient } from '../../server/modules/clients/clients.service.js';
import type { Deps } from '../../server/lib/http.js';
import { demoClients, setupInput } from '../../server/testing/factories.js';
import { ZCreateClient, type CreateClientInput } from '../../shared/schemas/clients.js';
import { hebrewMonths } from '../../shared/time/hebrew-dates.js';

export const DEMO_EMAIL = 'demo@mila.local';
export const DEMO_PASSWORD = 'mila-demo-password';

/**
 * A realistic Hebrew demo workspace, from the same factories as the tests and through the same
 * services as the API. With no workspace yet it creates one (owner demo@mila.local); otherwise it
 * adds clients to the first one.
 */
export async function seedDemo(deps: Deps, count: number): Promise<{ createdWorkspace: boolean; clients: number }> {
  const workspaces = await allWorkspaces(deps);
  let workspaceId = workspaces[0]?.id;
  const createdWorkspace = !workspaceId;
  if (!workspaceId) {
    const created = await createWorkspaceWithOwner(
      deps,
      setupInput({ owner: { email: DEMO_EMAIL, password: DEMO_PASSWORD, name: 'נועה כהן' } }),
    );
    workspaceId = created.workspaceId;
  }
  const scope = { workspaceId };
  const created: string[] = [];
  let birthdays = 0;
  /**
   * Greetings too: a third of the people keep their birthday on the Hebrew calendar (as many
   * Israelis do), and active clients with a date are worth nurturing. Derived from the row's place,
   * so the factory's random sequence (shared with the bench) stays the same.
   */
  const withGreetings = (input: CreateClientInput, i: number): CreateClientInput => {
    const dates = (input.importantDates ?? []).map((date) =>
      date.kind === 'birthday' && birthdays++ % 3 === 0
        ? { ...date, calendar: 'hebrew' as const, month: null, hebrewMonth: hebrewMonths[i % hebrewMonths.length]! }
        : date,
    );
    return { ...input, importantDates: dates, worthNurturing: dates.length > 0 && input.status === 'active' };
  };
  for (const [i, input] of demoClients(count).entries()) {
    // Every fifth client came through an earlier one: referrals are part of the story.
    const referredByClientId = i % 5 === 4 && created.length ? created[Math.floor(i / 2) % created.length]! : null;
    const client = await createClient(
      deps,
      scope,
      ZCreateClient.parse({ ...withGreetings(input, i), referredByClientId }),
    );
    created.push(client.id);
  }
  return { createdWorkspace, clients: created.length };
}
