import type { BusinessProfileInput, SetupInput } from '../../shared/schemas/accounts.js';
import type { CreateClientInput } from '../../shared/schemas/clients.js';
import { defaultServiceHours } from '../../shared/schemas/common.js';

/**
 * Test data and demo data come from the same factories (scripts/seed-demo.ts uses them too),
 * so what the tests prove is what a demo user sees.
 */
export function businessInput(overrides: Partial<BusinessProfileInput> = {}): BusinessProfileInput {
  return {
    name: 'סטודיו נועה לעיצוב',
    dealerType: 'licensed',
    businessNumber: '516123452',
    vatRateBasisPoints: 1800,
    currency: 'ILS',
    timeZone: 'Asia/Jerusalem',
    locale: 'he',
    serviceHours: defaultServiceHours,
    paymentTermsDays: 30,
    paymentTermsNote: 'שוטף + 30 מיום הוצאת החשבונית',
    preferredChannels: ['whatsapp', 'email'],
    email: 'studio@noa-design.co.il',
    phone: '052-555-1234',
    ...overrides,
  };
}

export function setupInput(overrides: { owner?: Partial<SetupInput['owner']>; business?: Partial<BusinessProfileInput> } = {}): SetupInput {
  return {
    owner: { name: 'נועה כהן', email: 'noa@noa-design.co.il', password: 'correct horse battery', addressForm: 'feminine', ...overrides.owner },
    business: businessInput(overrides.business),
  };
}

let sequence = 0;

export function clientInput(overrides: Partial<CreateClientInput> = {}): CreateClientInput {
  sequence += 1;
  return {
    kind: 'person',
    name: `לקוח ${sequence}`,
    status: 'active',
    personality: 'businesslike',
    channel: 'whatsapp',
    phone: `050-${String(1_000_000 + sequence).slice(-7)}`,
    email: `client${sequence}@example.co.il`,
    tags: [],
    ...overrides,
  };
}
