import { describe, expect, it } from 'vitest';
import sharedEn from '../../shared/locales/en.json';
import sharedHe from '../../shared/locales/he.json';
import { dealerTypes, addressForms, memberRoles } from '../../shared/schemas/accounts';
import { auditActions, auditGroups } from '../../shared/schemas/audit';
import {
  checklistSteps,
  conflictStatuses,
  conflictTopics,
  incidentCauses,
  incidentStatuses,
  offboardingDecisions,
} from '../../shared/schemas/care';
import {
  clientKinds,
  clientStatuses,
  dateCalendars,
  importantDateKinds,
  personalities,
} from '../../shared/schemas/clients';
import { delayCauses } from '../../shared/schemas/commitments';
import { channels, locales } from '../../shared/schemas/common';
import { healthPeriods, healthSignals, nextSteps, severities } from '../../shared/schemas/insights';
import { messageKinds, outboxStatuses, sendChannels } from '../../shared/schemas/messages';
import { paymentItemStatuses } from '../../shared/schemas/payments';
import { projectStatuses, scopeDecisions } from '../../shared/schemas/projects';
import { quoteStatuses } from '../../shared/schemas/quotes';
import { currencySymbol } from '../lib/i18n';
import en from './en.json';
import he from './he.json';

type Catalog = Record<string, unknown>;
const catalogs = { he: he as Catalog, en: en as Catalog };

function at(catalog: Catalog, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Catalog | undefined)?.[key], catalog);
}

/** Every enum whose values reach a screen, and where the screen takes each value's words. */
const SHOWN: [string, readonly string[]][] = [
  ['messages.kinds', messageKinds],
  ['messages.kindHints', messageKinds],
  ['messages.composerTitles', messageKinds],
  ['messages.outbox.statuses', outboxStatuses],
  ['channels', channels],
  ['channels', sendChannels],
  ['languages', locales],
  ['dealerTypes', dealerTypes],
  ['addressForms', addressForms],
  ['roles', memberRoles],
  ['roleHints', memberRoles],
  ['clientKinds', clientKinds],
  ['statuses', clientStatuses],
  ['personalities', personalities],
  ['importantDateKinds', importantDateKinds],
  ['clients.form.calendars', dateCalendars],
  ['projects.cause', delayCauses],
  ['projects.status', projectStatuses],
  ['quotes.projectStatus', projectStatuses],
  ['projects.decision', scopeDecisions],
  ['quotes.status', quoteStatuses],
  ['money.status', paymentItemStatuses],
  ['care.parting.steps', checklistSteps],
  ['care.parting.decision', offboardingDecisions],
  ['care.conflicts.status', conflictStatuses],
  ['care.conflicts.topic', conflictTopics],
  ['care.mistakes.cause', incidentCauses],
  ['care.mistakes.status', incidentStatuses],
  ['health.signals', healthSignals],
  ['health.period', healthPeriods],
  ['health.severity', severities],
  ['health.energy.steps', nextSteps],
  ['audit.action', auditActions],
  ['audit.groups', auditGroups],
];

describe('the catalogs', () => {
  it.each(SHOWN)('name every value shown under %s, in Hebrew and in English', (prefix, values) => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const missing = values.filter((value) => {
        const text = at(catalog, `${prefix}.${value}`);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(missing, `${language}: ${prefix}`).toEqual([]);
    }
  });

  it('write neutral Hebrew: no slash gender forms ("את/ה", "סופג/ת")', () => {
    const slashForm = /[\u05d0-\u05ea]\/[\u05d0-\u05ea]{1,3}(?![\u05d0-\u05ea])/g;
    for (const catalog of [he, sharedHe]) expect(JSON.stringify(catalog).match(slashForm) ?? []).toEqual([]);
    expect('את/ה מבטיח/ה'.match(slashForm)).toHaveLength(2); // the check itself can fail
  });

  it('say setup details in a freelancer’s words on working screens (no variables, no SMTP URLs)', () => {
    for (const catalog of [he, en, sharedHe.errors, sharedEn.errors]) {
      const text = JSON.stringify(catalog);
      expect(text).not.toMatch(/MILA_[A-Z_]+/);
      expect(text).not.toContain('smtp://');
    }
  });

  it('point Hebrew back links the way Hebrew reads (→), English ones ←', () => {
    const backLinks = (catalog: Catalog) =>
      JSON.stringify(catalog)
        .match(/"back[A-Za-z]*":"[^"]*"/g)
        ?.filter((entry) => /[←→]/.test(entry)) ?? [];
    expect(backLinks(he).length).toBeGreaterThan(0);
    for (const entry of backLinks(he)) expect(entry).not.toContain('←');
    for (const entry of backLinks(en)) expect(entry).not.toContain('→');
  });

  it('name a currency by its sign in labels (₪), not by its code (ILS)', () => {
    for (const catalog of [he, en, sharedHe, sharedEn]) expect(JSON.stringify(catalog)).not.toContain('({{currency}})');
    expect(currencySymbol('ILS', 'he')).toBe('₪');
    expect(currencySymbol('ILS', 'en')).toBe('₪');
    expect(currencySymbol('USD', 'en')).toBe('$');
  });
});
