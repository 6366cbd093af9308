import type { z } from 'zod';
import type { SaveBusinessProfileInput, SetUpWorkspaceInput } from '../../shared/schemas/accounts.js';
import type { CreateClientInput } from '../../shared/schemas/clients.js';
import type { CreateCommitmentInput } from '../../shared/schemas/commitments.js';
import { defaultServiceHours } from '../../shared/schemas/common.js';
import type { ZCreatePaymentItem, ZRecordPayment } from '../../shared/schemas/payments.js';
import type { ZCreateProject } from '../../shared/schemas/projects.js';
import type { ZCreateQuote } from '../../shared/schemas/quotes.js';

export type CreateQuoteInput = z.input<typeof ZCreateQuote>;
export type CreateProjectInput = z.input<typeof ZCreateProject>;
export type CreatePaymentItemInput = z.input<typeof ZCreatePaymentItem>;
export type RecordPaymentInput = z.input<typeof ZRecordPayment>;

/**
 * Test data and demo data come from the same factories (scripts/seed-demo.ts uses them too),
 * so what the tests prove is what a demo user sees.
 */
export function businessInput(overrides: Partial<SaveBusinessProfileInput> = {}): SaveBusinessProfileInput {
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

export function setupInput(
  overrides: { owner?: Partial<SetUpWorkspaceInput['owner']>; business?: Partial<SaveBusinessProfileInput> } = {},
): SetUpWorkspaceInput {
  return {
    owner: {
      name: 'נועה כהן',
      email: 'noa@noa-design.co.il',
      password: 'correct horse battery',
      addressForm: 'feminine',
      ...overrides.owner,
    },
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

/**
 * A branding quote of two lines (one a fractional quantity) with 10% off: 4,625.00 before the
 * discount, 4,911.75 with VAT at 18%. Give `discount: null` where a test counts a plain total.
 */
export function quoteInput(clientId: string, overrides: Partial<CreateQuoteInput> = {}): CreateQuoteInput {
  return {
    clientId,
    title: 'מיתוג לקפה הגפן',
    items: [
      { description: 'עיצוב לוגו', quantity: 1, unit: 'פרויקט', unitPrice: 350_000 },
      { description: 'שעות ייעוץ', quantity: 2.5, unit: 'שעה', unitPrice: 45_000 },
    ],
    discount: { kind: 'percent', basisPoints: 1000 },
    validUntil: '2026-12-31',
    ...overrides,
  };
}

/** A project started by hand, with a target date and two deliverables. */
export function projectInput(clientId: string, overrides: Partial<CreateProjectInput> = {}): CreateProjectInput {
  return {
    clientId,
    title: 'קטלוג מוצרים',
    targetDate: '2026-12-20',
    deliverables: ['עימוד', 'הכנה לדפוס'],
    ...overrides,
  };
}

/** A scheduled payment (a deposit of 100.00), by hand. */
export function paymentItemInput(
  clientId: string,
  overrides: Partial<CreatePaymentItemInput> = {},
): CreatePaymentItemInput {
  return { clientId, label: 'מקדמה', amount: 10_000, dueDate: '2026-12-01', ...overrides };
}

/** A payment received (1,000.00 by bank transfer); give `paymentItemId` to pay a scheduled item. */
export function paymentInput(clientId: string, overrides: Partial<RecordPaymentInput> = {}): RecordPaymentInput {
  return { clientId, amount: 100_000, receivedOn: '2026-11-23', method: 'העברה בנקאית', ...overrides };
}

/** A promise of mine to the client, due on a day (add `dueTime` for an hour, `direction: 'theirs'` for theirs). */
export function commitmentInput(
  clientId: string,
  overrides: Partial<CreateCommitmentInput> = {},
): CreateCommitmentInput {
  return { clientId, title: 'הצעת מחיר', dueDate: '2026-11-26', ...overrides };
}

/** A small deterministic generator, so the demo (and later the benchmark) is the same every run. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = [
  'נועה',
  'יוסי',
  'מיכל',
  'אבי',
  'רונית',
  'דני',
  'שירה',
  'עומר',
  'תמר',
  'איתי',
  'הילה',
  'אורי',
  'מאיה',
  'גיל',
  'ליאת',
  'עידו',
  'קרן',
  'רועי',
  'אסנת',
  'בני',
  'סיגל',
  'ניר',
  'יעל',
  'חיים',
  'מרים',
  'אחמד',
  'סלים',
  'ריטה',
  'דוד',
  'אלה',
];
const LAST_NAMES = [
  'כהן',
  'לוי',
  'מזרחי',
  'פרץ',
  'ביטון',
  'אברהם',
  'פרידמן',
  'שפירא',
  'אזולאי',
  'דהן',
  'חדד',
  'גבאי',
  'קליין',
  'רוזן',
  'בן דוד',
  'עזרא',
  'חורי',
  'נסאר',
  'אוחיון',
  'ברק',
];
const ORG_PREFIXES = ['סטודיו', 'משרד', 'מאפיית', 'קליניקת', 'חברת', 'מסעדת', 'גלריית', 'בית ספר', 'מרכז', 'עמותת'];
const ORG_NAMES = [
  'הגפן',
  'אור',
  'כרמל',
  'השקד',
  'ים',
  'נוף',
  'אלון',
  'התאנה',
  'צוף',
  'הדר',
  'מעיין',
  'רימון',
  'ארז',
  'גלים',
  'סביון',
];
const ORG_SUFFIXES = ['', ' בע"מ', " ושות'", ' (2010)', ''];
const ENGLISH_ORGS = [
  'Blue Ocean Ltd',
  'Pixel & Co',
  'Northwind Trading',
  'Hummus Republic',
  'Tel Aviv Startups Hub',
  'Green Leaf Yoga',
];
const TAGS = [
  'VIP',
  'תל אביב',
  'ירושלים',
  'חיפה',
  'מיתוג',
  'אתר',
  'ריטיינר',
  'פרויקט חד פעמי',
  'הפניה',
  'עמותה',
  'מסעדנות',
  'הייטק',
];
const ROLES = ['מנכ"ל', 'סמנכ"לית שיווק', 'מנהלת משרד', 'בעלים', 'רכש', 'CFO', 'מנהל פרויקט'];
const NOTES = [
  'מעדיפה הודעות וואטסאפ קצרות, לא שיחות.',
  'לקוח ותיק, הגיע דרך הפניה. משלם בזמן.',
  'נוטה לבקש שינויים אחרי אישור — לשלוח סיכום כתוב אחרי כל פגישה.',
  'מתקשר בשעות הערב; לתאם ציפיות לגבי שעות שירות.',
  'החלטות מתקבלות אצל השותף, לא אצל איש הקשר.',
  'Prefers English for written quotes.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Realistic demo clients: people and organisations of every type and status, some referred by others. */
export function demoClients(count: number, random = seededRandom()): CreateClientInput[] {
  const statuses = ['lead', 'active', 'active', 'active', 'paused', 'ended', 'let_go'] as const;
  const personalities = ['lovely', 'businesslike', 'demanding', 'blunt', 'unsatisfied', null] as const;
  const channels = ['whatsapp', 'phone', 'email', 'meeting', 'sms'] as const;
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const isOrg = random() < 0.45;
    const english = random() < 0.05;
    const candidate = () =>
      english
        ? pick(random, ENGLISH_ORGS)
        : isOrg
          ? `${pick(random, ORG_PREFIXES)} ${pick(random, ORG_NAMES)}${pick(random, ORG_SUFFIXES)}`
          : `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    // Real lists rarely hold two clients of the same name: try a few, then number the repeat.
    let name = candidate();
    for (let tries = 0; used.has(name) && tries < 20; tries++) name = candidate();
    if (used.has(name)) name = `${name} ${i + 1}`;
    used.add(name);
    const tagCount = Math.floor(random() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))];
    const phone = `05${Math.floor(random() * 9)}-${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
    const slug = `client${i + 1}`;
    return {
      kind: isOrg || english ? 'organization' : 'person',
      name,
      status: pick(random, statuses),
      personality: pick(random, personalities),
      channel: pick(random, channels),
      phone,
      whatsapp: random() < 0.7 ? phone : null,
      email: `${slug}@example.co.il`,
      language: english ? 'en' : 'he',
      tags,
      notes: random() < 0.5 ? pick(random, NOTES) : null,
      contacts:
        isOrg || english
          ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
              name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
              role: pick(random, ROLES),
              phone: `05${Math.floor(random() * 9)}-${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`,
            }))
          : [],
      importantDates:
        random() < 0.4
          ? [
              {
                kind: isOrg ? 'business_founded' : 'birthday',
                month: 1 + Math.floor(random() * 12),
                day: 1 + Math.floor(random() * 28),
              },
            ]
          : [],
    };
  });
}
