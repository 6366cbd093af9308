import { addIsraeliWorkingDays } from './israel-calendar.js';
import { addDays, type DateString } from './zoned.js';

/**
 * The delivery date a quote's "delivery time" term promises, counted from the day it is accepted:
 * "14 ימי עבודה" / "14 working days" on the Israeli work calendar (Sunday–Thursday, no holidays),
 * "10 ימים" / "10 days", "3 שבועות" / "3 weeks", "שבועיים" / "two weeks". The first such phrase
 * wins; text without one (or with an absurd number) gives null, and the project has no date yet.
 */
export function deliveryDateFromTerms(text: string | null | undefined, acceptedOn: DateString): DateString | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/שבועיים|two weeks|a fortnight/.test(t)) return addDays(acceptedOn, 14);
  const match =
    /(\d{1,3})\s*(ימי\s+עבודה|ימי\s+עסקים|working\s+days?|business\s+days?|ימים|יום|days?|שבועות|שבוע|weeks?)/u.exec(t);
  if (!match) return null;
  const n = Number(match[1]);
  if (n < 1 || n > 365) return null;
  const unit = match[2]!;
  if (/עבודה|עסקים|working|business/.test(unit)) return addIsraeliWorkingDays(acceptedOn, n);
  if (/שבוע|week/.test(unit)) return addDays(acceptedOn, 7 * n);
  return addDays(acceptedOn, n);
}
